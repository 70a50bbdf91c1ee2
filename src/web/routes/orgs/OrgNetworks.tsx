import { Group, Stack, Text } from '@mantine/core';
import type { OrgDetail } from '@shared/types';
import { NetworkKindBadge } from '../../components/Badges';
import { AnchorLink } from '../../components/links';
import { Empty } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';

/** The networks (clusters, school groups…) the org belongs to. */
export function OrgNetworks({ org }: { org: OrgDetail }) {
  const t = useT();
  if (org.type === 'team') return null;
  return (
    <Section title={t('org.networks')} testId="org-networks">
      {org.networks.length === 0 ? (
        <Empty>{t('org.noNetworks')}</Empty>
      ) : (
        <Stack gap={6}>
          {[...org.networks]
            .sort((a, b) => b.schoolYearCode.localeCompare(a.schoolYearCode) || a.name.localeCompare(b.name, 'vi'))
            .map((n) => (
              <Group key={n.id} gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed" w={76} style={{ flexShrink: 0 }}>
                  {n.schoolYearCode}
                </Text>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <NetworkKindBadge kind={n.kind} />
                  <AnchorLink to="/networks/$networkId" params={{ networkId: n.id }} style={{ overflowWrap: 'anywhere' }}>
                    {n.name}
                  </AnchorLink>
                </Stack>
              </Group>
            ))}
        </Stack>
      )}
    </Section>
  );
}
