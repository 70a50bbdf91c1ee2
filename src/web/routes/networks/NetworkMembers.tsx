import { Badge, Group, SimpleGrid } from '@mantine/core';
import type { NetworkDetail } from '@shared/types';
import { LevelBadges } from '../../components/Badges';
import { AnchorLink } from '../../components/links';
import { OrgTypeIcon } from '../../components/OrgTypeIcon';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';

/** The member orgs of a network; the lead org is marked. */
export function NetworkMembers({ network }: { network: NetworkDetail }) {
  const t = useT();
  const members = [...network.members].sort(
    (a, b) => Number(b.id === network.leadOrg?.id) - Number(a.id === network.leadOrg?.id) || a.name.localeCompare(b.name, 'vi'),
  );
  return (
    <Section title={t('network.memberOrgs', { count: members.length })} testId="network-members">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
        {members.map((m) => (
          <Group key={m.id} gap={6} wrap="nowrap" py={4}>
            <OrgTypeIcon type={m.type} />
            <AnchorLink to="/orgs/$orgId" params={{ orgId: m.id }} style={{ overflowWrap: 'anywhere' }}>
              {m.name}
            </AnchorLink>
            <LevelBadges levels={m.levels} />
            {m.id === network.leadOrg?.id && (
              <Badge color="orange" size="sm">
                {t('network.lead')}
              </Badge>
            )}
          </Group>
        ))}
      </SimpleGrid>
    </Section>
  );
}
