import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { NETWORK_KINDS, type NetworkKind } from '@shared/enums';
import type { Me, NetworkSummary } from '@shared/types';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useMe } from '../../api/auth';
import { useNetworks } from '../../api/networks';
import { NetworkKindBadge } from '../../components/Badges';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { useSchoolYear } from '../../state/schoolYearContext';

/** Forming networks is for supervising offices and admins; the server says who (`me.can.createNetwork`). */
function canCreateNetwork(me: Me): boolean {
  return me.can.createNetwork;
}

const isKind = (k: string | undefined): k is NetworkKind => NETWORK_KINDS.some((x) => x === k);

/** The networks of the selected school year, filtered by kind and name. */
export default function NetworksPage() {
  const t = useT();
  const me = useMe().data;
  const navigate = useNavigate({ from: '/networks' });
  const search = useSearch({ from: '/app/networks' });
  const kind = isKind(search.kind) ? search.kind : null;
  const [q, setQ] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const { selected } = useSchoolYear();
  const networks = useNetworks({ schoolYearId: selected?.id, kind, q: debounced }, Boolean(selected));

  useEffect(() => {
    if (debounced !== (search.q ?? '')) navigate({ search: (s) => ({ ...s, q: debounced || undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  const columns: Column<NetworkSummary>[] = [
    {
      key: 'name',
      header: t('networks.name'),
      primary: true,
      render: (n) => (
        <Stack gap={4}>
          <AnchorLink to="/networks/$networkId" params={{ networkId: n.id }} fw={600} data-testid={`network-link-${n.id}`}>
            {n.name}
          </AnchorLink>
        </Stack>
      ),
    },
    { key: 'kind', header: t('network.kind'), render: (n) => <NetworkKindBadge kind={n.kind} /> },
    { key: 'supervising', header: t('network.supervising'), render: (n) => n.supervisingOrg.shortName ?? n.supervisingOrg.name },
    { key: 'lead', header: t('network.leadOrg'), render: (n) => n.leadOrg?.name ?? '—' },
    { key: 'members', header: t('networks.members'), render: (n) => n.memberCount },
  ];

  return (
    <>
      <PageHeader
        title={t('networks.title')}
        subtitle={selected ? t('home.subtitle', { year: selected.code }) : undefined}
        actions={
          me && canCreateNetwork(me) ? (
            <ButtonLink to="/networks/new" leftSection={<IconPlus size={16} />} data-testid="network-create">
              {t('networks.create')}
            </ButtonLink>
          ) : undefined
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('networks.search')}
          placeholder={t('networks.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          type="search"
          style={{ flex: '1 1 16rem' }}
          data-testid="network-search"
        />
        <Select
          label={t('networks.kind')}
          placeholder={t('common.all')}
          clearable
          data={NETWORK_KINDS.map((k) => ({ value: k, label: t(`networkKind.${k}`) }))}
          value={kind}
          onChange={(v) => navigate({ search: (s) => ({ ...s, kind: v ?? undefined }) })}
          size="md"
          style={{ flex: '1 1 12rem' }}
          data-testid="network-kind"
        />
      </Group>
      <QueryState query={networks}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('networks.empty')}</Empty>
          ) : (
            <DataTable rows={rows} rowKey={(n) => n.id} columns={columns} testId="network-list" />
          )
        }
      </QueryState>
    </>
  );
}
