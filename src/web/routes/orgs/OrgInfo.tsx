import { Anchor } from '@mantine/core';
import type { OrgDetail } from '@shared/types';
import { InfoList } from '../../components/InfoList';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';

/** The general information block of an org page. */
export function OrgInfo({ org }: { org: OrgDetail }) {
  const t = useT();
  const items = [
    { label: t('org.code'), value: org.code },
    { label: t('org.shortName'), value: org.shortName },
    { label: t('org.type'), value: t(`orgType.${org.type}`) },
    { label: t('org.levels'), value: org.levels.map((l) => t(`level.${l}`)).join(', ') },
    { label: t('org.address'), value: org.address },
    { label: t('org.phone'), value: org.phone ? <Anchor href={`tel:${org.phone}`}>{org.phone}</Anchor> : null },
    { label: t('org.email'), value: org.email ? <Anchor href={`mailto:${org.email}`}>{org.email}</Anchor> : null },
  ];
  if (org.validFrom) items.push({ label: t('org.validFrom'), value: formatDate(org.validFrom) });
  if (org.validTo) items.push({ label: t('org.validTo'), value: formatDate(org.validTo) });
  if (org.subjects.length > 0) items.push({ label: t('org.subjects'), value: org.subjects.map((s) => s.name).join(', ') });
  return (
    <Section title={t('org.info')}>
      <InfoList items={items} />
    </Section>
  );
}
