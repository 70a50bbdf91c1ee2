import { Badge, Group, Text } from '@mantine/core';
import type { DashboardTable, DeadlineRow } from '@shared/dashboard';
import { IconReportAnalytics } from '@tabler/icons-react';
import type { DashboardFilter } from '../../api/dashboard';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink, ButtonLink } from '../../components/links';
import { Empty } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { DashSection } from './DashSection';
import { XlsxButton } from './XlsxButton';

const stateColor = { overdue: 'red', due_soon: 'orange', awaiting_review: 'blue' } as const;

/** Plans or reports overdue, due soon or waiting for approval; a plan drills to its page (or the network's plans). */
export function DeadlineTable({
  kind,
  rows,
  filter,
  rollup,
  noData,
}: {
  kind: Extract<DashboardTable, 'plans' | 'reports'>;
  rows: DeadlineRow[] | null;
  filter: DashboardFilter;
  /** Said instead of "nothing due" when there is nothing to count (no networks in the scope and year). */
  noData?: string;
  /** For reports of an office: its roll-up page (org and term). */
  rollup?: { orgId: string; term: 1 | 2 };
}) {
  const t = useT();
  const title = t(kind === 'plans' ? 'dashboard.plans' : 'dashboard.reports');
  const columns: Column<DeadlineRow>[] = [
    {
      key: 'network',
      header: t('dashboard.network'),
      primary: true,
      render: (r) =>
        kind === 'plans' && r.id ? (
          <AnchorLink to="/plans/$planId" params={{ planId: r.id }} fw={600}>
            {r.networkName}
          </AnchorLink>
        ) : kind === 'plans' ? (
          <AnchorLink to="/plans" search={{ networkId: r.networkId }} fw={600}>
            {r.networkName}
          </AnchorLink>
        ) : (
          <AnchorLink to="/networks/$networkId" params={{ networkId: r.networkId }} fw={600}>
            {r.networkName}
          </AnchorLink>
        ),
    },
    { key: 'status', header: t('dashboard.statusCol'), render: (r) => t(`dashboard.doc.${r.status}` as never) },
    { key: 'due', header: t('dashboard.due'), render: (r) => (r.dueDate ? formatDate(r.dueDate) : t('dashboard.noDue')) },
    {
      key: 'state',
      header: '',
      render: (r) => (
        <>
          <Badge color={stateColor[r.state]}>{t(`dashboard.state.${r.state}`)}</Badge>
          {r.state === 'overdue' && (
            <Text size="xs" c="red.7" mt={2}>
              {t('dashboard.daysLate', { n: r.daysLate })}
            </Text>
          )}
        </>
      ),
    },
  ];
  return (
    <DashSection
      title={title}
      actions={
        <Group gap="xs">
          {rollup && (
            <ButtonLink
              to="/reports/rollup"
              search={{ orgId: rollup.orgId, term: rollup.term === 2 ? '2' : undefined }}
              variant="light"
              size="xs"
              leftSection={<IconReportAnalytics size={16} />}
              data-testid="dashboard-rollup"
            >
              {t('dashboard.rollup')}
            </ButtonLink>
          )}
          {rows && <XlsxButton table={kind} filter={filter} name={title} />}
        </Group>
      }
      testId={`dashboard-${kind}`}
    >
      {rows === null ? (
        <Empty>{t('dashboard.reportsMissing')}</Empty>
      ) : noData ? (
        <Empty>{noData}</Empty>
      ) : rows.length === 0 ? (
        <Empty>{t('dashboard.nothingDue')}</Empty>
      ) : (
        <DataTable rows={rows} rowKey={(r) => r.networkId} columns={columns} testId={`${kind}-table`} />
      )}
    </DashSection>
  );
}
