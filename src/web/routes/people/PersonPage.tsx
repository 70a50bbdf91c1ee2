import { Badge, Group, Stack } from '@mantine/core';
import type { PersonDetail } from '@shared/types';
import { IconPencil } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { usePerson } from '../../api/people';
import { DataTable } from '../../components/DataTable';
import { InfoList } from '../../components/InfoList';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';

type Membership = PersonDetail['memberships'][number];

function PersonView({ person: p }: { person: PersonDetail }) {
  const t = useT();
  return (
    <>
      <PageHeader
        title={p.fullName}
        subtitle={p.positions.map((x) => `${t(`position.${x.position}`)} – ${x.orgName}`).join('; ')}
        actions={
          p.can.update && (
            <ButtonLink
              to="/people/$personId/edit"
              params={{ personId: p.id }}
              variant="default"
              leftSection={<IconPencil size={16} />}
              data-testid="person-edit"
            >
              {t('common.edit')}
            </ButtonLink>
          )
        }
      />
      <Stack gap="md">
        <Section title={t('org.info')}>
          <InfoList
            items={[
              { label: t('person.code'), value: p.code },
              { label: t('person.email'), value: p.email },
              { label: t('person.phone'), value: p.phone },
              { label: t('person.gender'), value: p.gender ? t(`gender.${p.gender}`) : null },
              {
                label: t('person.subjects'),
                value: p.subjects.length ? (
                  <Group gap={4} component="span">
                    {p.subjects.map((s) => (
                      <Badge key={s.id} variant="light">
                        {s.name}
                      </Badge>
                    ))}
                  </Group>
                ) : null,
              },
              { label: t('person.account'), value: p.hasAccount ? t('person.hasAccount') : t('person.noAccount') },
            ]}
          />
        </Section>
        <Section title={t('person.memberships')} testId="person-memberships">
          {p.memberships.length === 0 ? (
            <Empty>{t('common.empty')}</Empty>
          ) : (
            <DataTable<Membership>
              rows={p.memberships}
              rowKey={(m) => m.id}
              columns={[
                {
                  key: 'org',
                  header: t('people.org'),
                  primary: true,
                  render: (m) => (
                    <AnchorLink to="/orgs/$orgId" params={{ orgId: m.orgId }}>
                      {m.orgName}
                    </AnchorLink>
                  ),
                },
                { key: 'position', header: t('people.position'), render: (m) => t(`position.${m.position}`) },
                { key: 'from', header: t('org.from'), render: (m) => formatDate(m.validFrom) || '—' },
                { key: 'to', header: t('org.to'), render: (m) => (m.validTo ? formatDate(m.validTo) : t('common.now')) },
              ]}
            />
          )}
        </Section>
      </Stack>
    </>
  );
}

/** A person's page: contact, subjects, memberships over time; edit if allowed. */
export default function PersonPage() {
  const { personId } = useParams({ from: '/app/people/$personId' });
  const person = usePerson(personId);
  return <QueryState query={person}>{(data) => <PersonView person={data} />}</QueryState>;
}
