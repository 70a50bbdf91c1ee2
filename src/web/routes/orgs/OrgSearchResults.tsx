import { Group, Loader, Stack, Text } from '@mantine/core';
import { useOrgSearch } from '../../api/orgs';
import { LevelBadges } from '../../components/Badges';
import { AnchorLink } from '../../components/links';
import { OrgTypeIcon } from '../../components/OrgTypeIcon';
import { Empty, ErrorState } from '../../components/PageState';
import { useT } from '../../i18n/context';

/** Search results for the org browser (the server ignores diacritics). */
export function OrgSearchResults({ q, date }: { q: string; date: string | null }) {
  const t = useT();
  const search = useOrgSearch(q, { date, limit: 50 });
  if (search.error) return <ErrorState error={search.error} />;
  if (!search.data) return <Loader size="sm" />;
  return (
    <Stack gap={4} data-testid="org-search-results" aria-busy={search.isFetching}>
      <Text size="sm" fw={600}>
        {t('orgs.searchResults')}
      </Text>
      {search.data.length === 0 && <Empty>{t('orgs.noResults')}</Empty>}
      {search.data.map((org) => (
        <Group key={org.id} gap="xs" wrap="nowrap" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <OrgTypeIcon type={org.type} />
          <Group gap={6} style={{ minWidth: 0 }}>
            <AnchorLink to="/orgs/$orgId" params={{ orgId: org.id }} fw={500} data-testid={`org-result-${org.id}`}>
              {org.name}
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {t(`orgType.${org.type}`)}
            </Text>
            <LevelBadges levels={org.levels} />
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
