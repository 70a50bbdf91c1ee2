import { Group, Stack, Text } from '@mantine/core';
import type { HomeData } from '@shared/types';
import { NetworkKindBadge, RoleBadge } from '../../components/Badges';
import { CardLink } from '../../components/links';
import { Empty } from '../../components/PageState';
import { useT } from '../../i18n/context';

/** "Mạng lưới của tôi": networks of my orgs this school year, with my role when I lead one. */
export function MyNetworks({ networks }: { networks: HomeData['networks'] }) {
  const t = useT();
  if (networks.length === 0) return <Empty>{t('home.noNetworks')}</Empty>;
  return (
    <Stack gap="xs" data-testid="my-networks">
      {networks.map((n) => (
        <CardLink key={n.id} to="/networks/$networkId" params={{ networkId: n.id }}>
          <Stack gap={4}>
            <Group gap={6}>
              <NetworkKindBadge kind={n.kind} />
              {n.myRole && <RoleBadge role={n.myRole} />}
            </Group>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {n.name}
            </Text>
            <Text size="sm" c="dimmed">
              {n.myRole ? `${t('home.myRole', { role: t(`networkRole.${n.myRole}`) })} · ` : ''}
              {t('home.members', { count: n.memberCount })}
            </Text>
          </Stack>
        </CardLink>
      ))}
    </Stack>
  );
}
