import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { RollupRow } from '@shared/reports';
import { IconAlertTriangle, IconDownload, IconFileText, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useOrg } from '../../api/orgs';
import { rollupUrl, useRollup } from '../../api/reports';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { useSchoolYear } from '../../state/schoolYearContext';
import { CreateReportModal } from './CreateReportModal';
import { ReportStatusBadge } from './ReportBadges';

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" c={color}>
        {value}
      </Text>
    </Paper>
  );
}

/** The roll-up of a supervising org: every network and child org, its report and numbers, flags and totals. */
export default function RollupPage() {
  const t = useT();
  const navigate = useNavigate({ from: '/reports/rollup' });
  const { orgId, term } = useSearch({ from: '/app/reports/rollup' });
  const termNumber: 1 | 2 | null = term === 'year' ? null : term === '2' ? 2 : 1;
  const { selected } = useSchoolYear();
  const org = useOrg(orgId);
  const rollup = useRollup({ orgId, schoolYearId: selected?.id ?? null, termNumber });
  const [creating, create] = useDisclosure(false);

  const unitLink = (r: RollupRow) =>
    r.kind === 'network' ? (
      <AnchorLink to="/networks/$networkId" params={{ networkId: r.id }} fw={600}>
        {r.name}
      </AnchorLink>
    ) : (
      <AnchorLink to="/orgs/$orgId" params={{ orgId: r.id }} fw={600}>
        {r.name}
      </AnchorLink>
    );
  const columns: Column<RollupRow>[] = [
    { key: 'unit', header: t('reports.unit'), primary: true, render: unitLink },
    {
      key: 'report',
      header: t('reports.statusLabel'),
      render: (r) =>
        r.reportId ? (
          <AnchorLink to="/reports/$reportId" params={{ reportId: r.reportId }} data-testid={`rollup-report-${r.id}`}>
            <ReportStatusBadge status={r.reportStatus} />
          </AnchorLink>
        ) : r.owesReport ? (
          <ReportStatusBadge status={null} />
        ) : (
          <Badge color="gray" variant="light" data-testid={`rollup-owes-none-${r.id}`}>
            {t('reports.owesNone')}
          </Badge>
        ),
    },
    {
      key: 'held',
      header: t('reports.held'),
      render: (r) => (
        <Group gap={6}>
          <Text size="sm">{r.required ? `${r.quotaHeld}/${r.required}` : r.meetingsHeld}</Text>
          {r.belowQuota && (
            <Badge
              color="red"
              variant="light"
              leftSection={<IconAlertTriangle size={12} />}
              styles={{ root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } }}
              data-testid={`below-quota-${r.id}`}
            >
              {t('reports.belowQuota')}
            </Badge>
          )}
          {r.perSubjectCount !== null && (
            <Text size="xs" c="dimmed" w="100%">
              {t('reports.perSubjectCount', { n: r.perSubjectCount })}
            </Text>
          )}
          {r.subjectsBehind.length > 0 && (
            <Text size="xs" c="red.8" w="100%" data-testid={`subjects-behind-${r.id}`}>
              {t('reports.subjectsBehind', { subjects: r.subjectsBehind.join(', ') })}
            </Text>
          )}
        </Group>
      ),
    },
    { key: 'notDone', header: t('reports.notDoneShort'), render: (r) => r.notCarriedOut },
    { key: 'took', header: t('reports.tookPart'), render: (r) => r.participants },
    { key: 'absent', header: t('reports.didNotShort'), render: (r) => r.nonParticipants },
  ];

  const q = selected ? { orgId, schoolYearId: selected.id, termNumber } : null;
  return (
    <>
      <PageHeader
        title={t('reports.rollupTitle')}
        subtitle={org.data ? `${org.data.name} · ${selected?.code ?? ''}` : undefined}
        actions={
          q && (
            <>
              <Button
                component="a"
                href={rollupUrl('docx', q)}
                variant="default"
                leftSection={<IconDownload size={16} />}
                data-testid="rollup-docx"
              >
                {t('reports.rollupDocx')}
              </Button>
              <Button component="a" href={rollupUrl('xlsx', q)} variant="default" data-testid="rollup-xlsx">
                XLSX
              </Button>
            </>
          )
        }
      />
      <SegmentedControl
        mb="md"
        value={term ?? '1'}
        onChange={(v) => navigate({ search: (s) => ({ ...s, term: v === '1' ? undefined : v }) })}
        data={[
          { value: '1', label: t('reports.term1') },
          { value: '2', label: t('reports.term2') },
          { value: 'year', label: t('reports.wholeYear') },
        ]}
        data-testid="rollup-term"
      />
      <QueryState query={rollup}>
        {(data) => (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="rollup-totals">
              <Stat label={t('reports.held')} value={data.totals.meetingsHeld} />
              <Stat label={t('reports.tookPart')} value={data.totals.participants} />
              <Stat label={t('reports.missingCount')} value={data.totals.missing} color={data.totals.missing ? 'orange' : undefined} />
              <Stat
                label={t('reports.belowQuotaCount')}
                value={data.totals.belowQuota}
                color={data.totals.belowQuota ? 'red' : undefined}
              />
            </SimpleGrid>
            <Group gap="xs">
              {data.ownReportId ? (
                <ButtonLink to="/reports/$reportId" params={{ reportId: data.ownReportId }} leftSection={<IconFileText size={16} />}>
                  {t('reports.ownReport')}
                </ButtonLink>
              ) : (
                data.can.draftOwn && (
                  <Button leftSection={<IconPlus size={16} />} onClick={create.open} data-testid="rollup-own-create">
                    {t('reports.ownCreate')}
                  </Button>
                )
              )}
            </Group>
            {data.rows.length === 0 ? (
              <Empty>{t('reports.rollupEmpty')}</Empty>
            ) : (
              <DataTable rows={data.rows} rowKey={(r) => r.id} columns={columns} testId="rollup-table" />
            )}
            <Text size="sm" c="dimmed">
              {t('reports.rollupNote')}
            </Text>
            {selected && (
              <CreateReportModal
                opened={creating}
                onClose={create.close}
                owner={{ orgId }}
                ownerName={data.org.name}
                schoolYear={selected}
              />
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
