import { Group, Stack, Text } from '@mantine/core';
import type { HomeData } from '@shared/types';
import { LevelBadges } from '../../components/Badges';
import { CardLink } from '../../components/links';
import { OrgTypeIcon } from '../../components/OrgTypeIcon';
import { Empty } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { positionText } from '../../lib/positionText';

/** "Đơn vị của tôi": each org I belong to, with my position there. */
export function MyOrgs({ orgs }: { orgs: HomeData['orgs'] }) {
  const t = useT();
  if (orgs.length === 0) return <Empty>{t('home.noOrgs')}</Empty>;
  return (
    <Stack gap="xs" data-testid="my-orgs">
      {orgs.map((org) => (
        <CardLink key={`${org.id}-${org.position}`} to="/orgs/$orgId" params={{ orgId: org.id }}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <OrgTypeIcon type={org.type} size={22} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {org.name}
              </Text>
              {org.type === 'team' && org.parentName && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {org.parentName}
                </Text>
              )}
              <Group gap={6}>
                <Text size="sm" c="dimmed">
                  {positionText(t, org.position, org.type)} · {t(`orgType.${org.type}`)}
                </Text>
                <LevelBadges levels={org.levels} />
              </Group>
            </Stack>
          </Group>
        </CardLink>
      ))}
    </Stack>
  );
}
