import { Group, Select, SimpleGrid, Stack } from '@mantine/core';
import type { ComplianceView } from '@shared/dashboard';
import type { SchoolYear } from '@shared/types';
import { IconGavel } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type DashboardFilter, useCompliance } from '../../api/dashboard';
import { DateField } from '../../components/DateField';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { useSchoolYear } from '../../state/schoolYearContext';
import { DeadlineTable } from './DeadlineTable';
import { NetworkTable } from './NetworkTable';
import { ParticipationBars } from './ParticipationBars';
import { SummaryCards } from './SummaryCards';
import { TeamsTable } from './TeamsTable';
import { UpcomingTable } from './UpcomingTable';

/** The scope chooser (the user's offices and led networks) and the "as of" day. */
function Filters({ view, filter, year }: { view: ComplianceView | undefined; filter: DashboardFilter; year: SchoolYear | null }) {
  const t = useT();
  const navigate = useNavigate({ from: '/dashboard' });
  const choices = view?.choices ?? [];
  const current = view ? `${view.scope.kind}:${view.scope.id ?? ''}` : null;
  const options = choices.map((c) => ({ value: `${c.kind}:${c.id}`, label: c.name }));
  if (view && !options.some((o) => o.value === current)) options.unshift({ value: current as string, label: view.scope.name });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      {options.length > 1 && (
        <Select
          size="md"
          label={t('dashboard.scope')}
          data={options}
          value={current}
          allowDeselect={false}
          onChange={(v) => {
            if (!v) return;
            const [kind, id] = v.split(':');
            navigate({ search: (s) => ({ ...s, orgId: kind === 'org' ? id : undefined, networkId: kind === 'network' ? id : undefined }) });
          }}
          style={{ flex: '1 1 16rem', maxWidth: '28rem' }}
          data-testid="dashboard-scope"
        />
      )}
      <DateField
        size="md"
        label={t('dashboard.date')}
        value={filter.date ?? view?.asOf ?? null}
        minDate={year?.startDate}
        maxDate={year?.endDate}
        onChange={(d) => navigate({ search: (s) => ({ ...s, date: d ?? undefined }) })}
        style={{ flex: '0 1 12rem' }}
        data-testid="dashboard-date"
      />
    </Group>
  );
}

/** What the deadline tables say when the scope has no network in the year (nothing to count is not "all good"). */
function useNoData() {
  const t = useT();
  return (view: ComplianceView) => (view.networks.length === 0 ? t('dashboard.noNetworks', { year: view.schoolYear.code }) : undefined);
}

/** "Tổng quan tuân thủ": an office's or a network's compliance with the SHCM rules this term, with drill-down and XLSX. */
export default function DashboardPage() {
  const t = useT();
  const search = useSearch({ from: '/app/dashboard' });
  const { selected, loading: loadingYears } = useSchoolYear();
  // the header's school year; a day typed for another year is dropped rather than refused
  const inYear = !selected || !search.date || (search.date >= selected.startDate && search.date <= selected.endDate);
  const filter: DashboardFilter = {
    orgId: search.orgId,
    networkId: search.networkId,
    date: inYear ? search.date : undefined,
    schoolYearId: selected?.id,
  };
  const q = useCompliance(filter, Boolean(selected) || !loadingYears);
  const noData = useNoData();
  const v = q.data;
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={
          v &&
          t('dashboard.subtitle', {
            scope: v.scope.kind === 'all' ? t('dashboard.all') : v.scope.name,
            term: v.term.number === 1 ? 'I' : 'II',
            year: v.schoolYear.code,
            date: formatDate(v.asOf),
          })
        }
        actions={
          v?.scope.kind === 'org' && v.scope.id ? (
            <ButtonLink to="/rules" search={{ orgId: v.scope.id }} variant="default" leftSection={<IconGavel size={16} />}>
              {t('dashboard.rulesLink')}
            </ButtonLink>
          ) : undefined
        }
      />
      <Filters view={v} filter={filter} year={selected} />
      <QueryState query={q}>
        {(view) => (
          <Stack gap="md" data-testid="dashboard">
            <SummaryCards view={view} />
            <NetworkTable view={view} filter={filter} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <DeadlineTable kind="plans" rows={view.plans} filter={filter} noData={noData(view)} />
              <DeadlineTable
                kind="reports"
                rows={view.reports}
                filter={filter}
                noData={noData(view)}
                rollup={view.scope.kind === 'org' && view.scope.id ? { orgId: view.scope.id, term: view.term.number } : undefined}
              />
            </SimpleGrid>
            <TeamsTable view={view} filter={filter} />
            <UpcomingTable view={view} filter={filter} />
            <ParticipationBars view={view} filter={filter} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
