import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReportSummary } from '@shared/reports';
import { IconPlus, IconTable, IconX } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useNetwork } from '../../api/networks';
import { useOrg } from '../../api/orgs';
import { useReportOwnerCan, useReports } from '../../api/reports';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { useSchoolYear } from '../../state/schoolYearContext';
import { CreateReportModal } from './CreateReportModal';
import { ReportStatusBadge, reportOwner, reportPeriod } from './ReportBadges';

/** Reports of the selected school year that the user may read; for one network or org when opened from its page. */
export default function ReportsPage() {
  const t = useT();
  const navigate = useNavigate({ from: '/reports' });
  const { networkId, orgId } = useSearch({ from: '/app/reports' });
  const { selected } = useSchoolYear();
  const reports = useReports({ schoolYearId: selected?.id, networkId, orgId }, Boolean(selected));
  const network = useNetwork(networkId ?? null);
  const org = useOrg(orgId ?? null);
  const can = useReportOwnerCan({ networkId, orgId });
  const [creating, create] = useDisclosure(false);
  const ownerName = network.data?.name ?? org.data?.name ?? '';

  const columns: Column<ReportSummary>[] = [
    {
      key: 'owner',
      header: t('reports.owner'),
      primary: true,
      render: (r) => (
        <AnchorLink to="/reports/$reportId" params={{ reportId: r.id }} fw={600} data-testid={`report-link-${r.id}`}>
          {reportOwner(r)}
        </AnchorLink>
      ),
    },
    { key: 'period', header: t('reports.period'), render: (r) => reportPeriod(r, t) },
    { key: 'status', header: t('reports.statusLabel'), render: (r) => <ReportStatusBadge status={r.status} /> },
    { key: 'number', header: t('reports.number'), render: (r) => r.documentNumber ?? '—', hideOnPhone: true },
    { key: 'reviewer', header: t('reports.reviewer'), render: (r) => r.reviewerOrg.name, hideOnPhone: true },
    { key: 'updated', header: t('reports.updatedAt'), render: (r) => formatDateTime(r.updatedAt), hideOnPhone: true },
  ];

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={ownerName ? t('reports.forOwner', { name: ownerName }) : selected ? selected.code : undefined}
        actions={
          <>
            {orgId && can.data?.rollup && (
              <ButtonLink to="/reports/rollup" search={{ orgId }} variant="default" leftSection={<IconTable size={16} />}>
                {t('reports.rollupLink')}
              </ButtonLink>
            )}
            {can.data?.draft && selected && (
              <Button leftSection={<IconPlus size={16} />} onClick={create.open} data-testid="report-create">
                {t('reports.create')}
              </Button>
            )}
          </>
        }
      />
      {(networkId || orgId) && (
        <Group mb="md">
          <Button
            variant="subtle"
            leftSection={<IconX size={16} />}
            onClick={() => navigate({ search: (s) => ({ ...s, networkId: undefined, orgId: undefined }) })}
          >
            {t('reports.clearOwner')}
          </Button>
        </Group>
      )}
      <QueryState query={reports}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('reports.empty')}</Empty>
          ) : (
            <DataTable rows={rows} rowKey={(r) => r.id} columns={columns} testId="report-list" />
          )
        }
      </QueryState>
      {selected && (
        <CreateReportModal
          opened={creating}
          onClose={create.close}
          owner={{ networkId, orgId }}
          ownerName={ownerName}
          schoolYear={selected}
        />
      )}
    </>
  );
}
