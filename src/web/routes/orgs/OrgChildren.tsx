import { Group, SimpleGrid } from '@mantine/core';
import type { OrgDetail } from '@shared/types';
import { LevelBadges } from '../../components/Badges';
import { AnchorLink } from '../../components/links';
import { OrgTypeIcon } from '../../components/OrgTypeIcon';
import { Empty } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';

/** The org's children: subject teams of a school, or the schools of an office. */
export function OrgChildren({ org }: { org: OrgDetail }) {
  const t = useT();
  if (org.type === 'team') return null;
  const title = org.type === 'school' || org.type === 'center' ? t('org.teams') : t('org.children');
  const children = [...org.children].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return (
    <Section title={`${title} (${children.length})`} testId="org-children">
      {children.length === 0 ? (
        <Empty>{t('org.noChildren')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
          {children.map((c) => (
            <Group key={c.id} gap={6} wrap="nowrap" py={4}>
              <OrgTypeIcon type={c.type} />
              <AnchorLink to="/orgs/$orgId" params={{ orgId: c.id }} style={{ overflowWrap: 'anywhere' }}>
                {c.name}
              </AnchorLink>
              <LevelBadges levels={c.levels} />
            </Group>
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}
