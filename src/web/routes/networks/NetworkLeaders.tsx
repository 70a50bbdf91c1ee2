import { Group, Stack, Text } from '@mantine/core';
import type { NetworkDetail } from '@shared/types';
import { RoleBadge } from '../../components/Badges';
import { AnchorLink } from '../../components/links';
import { Empty } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';

/** The leader and deputies of a network, each with their school and position. */
export function NetworkLeaders({ network }: { network: NetworkDetail }) {
  const t = useT();
  const leaders = [...network.leaders].sort((a, b) => (a.role === b.role ? 0 : a.role === 'leader' ? -1 : 1));
  return (
    <Section title={t('network.leaders')} testId="network-leaders">
      {leaders.length === 0 ? (
        <Empty>{network.leadershipMode === 'rotating' ? t('network.mode.rotating') : t('network.noLeaders')}</Empty>
      ) : (
        <Stack gap="sm">
          {leaders.map((l) => (
            <Group key={l.personId} gap="sm" wrap="nowrap" align="flex-start">
              <RoleBadge role={l.role} />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <AnchorLink to="/people/$personId" params={{ personId: l.personId }} fw={600}>
                  {l.fullName}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {[l.position ? t(`position.${l.position}`) : null, l.orgName].filter(Boolean).join(', ')}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
