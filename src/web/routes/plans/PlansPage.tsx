import { Button, Group, Select } from '@mantine/core';
import { PLAN_STATUSES, type PlanStatus } from '@shared/enums';
import type { PlanSummary } from '@shared/types';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useNetwork } from '../../api/networks';
import { useOrg } from '../../api/orgs';
import { usePlanOwnerCan, usePlans } from '../../api/plans';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { useSchoolYear } from '../../state/schoolYearContext';
import { ProposeLink } from '../planProposals/ProposeLink';
import { ownerName, PlanStatusBadge, periodLabel } from './PlanBadges';

const isStatus = (s: string | undefined): s is PlanStatus => PLAN_STATUSES.some((x) => x === s);

/** Plans of the selected school year that the user may read; filtered by status, and by network or org from their pages. */
export default function PlansPage() {
  const t = useT();
  const navigate = useNavigate({ from: '/plans' });
  const search = useSearch({ from: '/app/plans' });
  const status = isStatus(search.status) ? search.status : null;
  const { selected } = useSchoolYear();
  const { networkId, orgId } = search;
  const plans = usePlans({ schoolYearId: selected?.id, status, networkId, orgId }, Boolean(selected));
  const network = useNetwork(networkId ?? null);
  const org = useOrg(orgId ?? null);
  const ownerCan = usePlanOwnerCan({ networkId, orgId });
  const ownerLabel = networkId
    ? network.data && t('plans.forNetwork', { name: network.data.name })
    : orgId
      ? org.data && t('plans.forOrg', { name: org.data.name })
      : undefined;
  const canCreate = networkId || orgId ? Boolean(ownerCan.data?.draft) : true;

  const columns: Column<PlanSummary>[] = [
    {
      key: 'title',
      header: t('planForm.title'),
      primary: true,
      render: (p) => (
        <AnchorLink to="/plans/$planId" params={{ planId: p.id }} fw={600} data-testid={`plan-link-${p.id}`}>
          {p.title}
        </AnchorLink>
      ),
    },
    { key: 'status', header: t('plans.status'), render: (p) => <PlanStatusBadge status={p.status} /> },
    { key: 'owner', header: t('plans.owner'), render: (p) => ownerName(p) },
    { key: 'period', header: t('plans.period'), render: (p) => periodLabel(p, t) },
    { key: 'items', header: t('plans.itemCount'), render: (p) => p.itemCount },
    { key: 'reviewer', header: t('plans.reviewer'), render: (p) => p.reviewerOrg.shortName ?? p.reviewerOrg.name, hideOnPhone: true },
  ];

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        subtitle={ownerLabel || (selected ? t('home.subtitle', { year: selected.code }) : undefined)}
        actions={
          canCreate ? (
            <>
              {networkId && <ProposeLink networkId={networkId} />}
              <ButtonLink to="/plans/new" search={{ networkId, orgId }} leftSection={<IconPlus size={16} />} data-testid="plan-create">
                {t('plans.create')}
              </ButtonLink>
            </>
          ) : undefined
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('plans.status')}
          placeholder={t('common.all')}
          clearable
          data={PLAN_STATUSES.map((s) => ({ value: s, label: t(`planStatus.${s}`) }))}
          value={status}
          onChange={(v) => navigate({ search: (s) => ({ ...s, status: v ?? undefined }) })}
          size="md"
          style={{ flex: '1 1 12rem', maxWidth: '20rem' }}
          data-testid="plan-status-filter"
        />
        {(networkId || orgId) && (
          <Button
            variant="subtle"
            size="md"
            leftSection={<IconX size={16} />}
            onClick={() => navigate({ search: (s) => ({ ...s, networkId: undefined, orgId: undefined }) })}
          >
            {t('plans.clearOwner')}
          </Button>
        )}
      </Group>
      <QueryState query={plans}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('plans.empty')}</Empty>
          ) : (
            <DataTable rows={rows} rowKey={(p) => p.id} columns={columns} testId="plan-list" />
          )
        }
      </QueryState>
    </>
  );
}
