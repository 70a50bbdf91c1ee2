import { Button } from '@mantine/core';
import type { ComplianceView, TeamCompliance } from '@shared/dashboard';
import { useState } from 'react';
import type { DashboardFilter } from '../../api/dashboard';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { Empty } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { dmy, vnDay } from '../meetings/meetingFormat';
import { DashSection } from './DashSection';
import { XlsxButton } from './XlsxButton';

const SHOWN = 12;

/** Subject teams behind "at least once every N days". */
export function TeamsTable({ view, filter }: { view: ComplianceView; filter: DashboardFilter }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const rows = all ? view.teams : view.teams.slice(0, SHOWN);
  const columns: Column<TeamCompliance>[] = [
    {
      key: 'team',
      header: t('dashboard.team'),
      primary: true,
      render: (r) => (
        <AnchorLink to="/orgs/$orgId" params={{ orgId: r.id }} fw={600}>
          {r.name} · {r.schoolName}
        </AnchorLink>
      ),
    },
    { key: 'count', header: t('dashboard.teamCount'), render: (r) => `${r.count}/${r.expected}` },
    {
      key: 'last',
      header: t('dashboard.lastMeeting'),
      render: (r) => (r.lastMeetingAt ? dmy(vnDay(r.lastMeetingAt)) : t('dashboard.never')),
    },
  ];
  return (
    <DashSection
      title={t('dashboard.teams')}
      help={t('dashboard.teamsHelp')}
      actions={<XlsxButton table="teams" filter={filter} name={t('dashboard.teams')} />}
      testId="dashboard-teams"
    >
      {view.summary.teams === 0 ? (
        <Empty>{t('dashboard.noTeams', { year: view.schoolYear.code })}</Empty>
      ) : view.teams.length === 0 ? (
        <Empty>{t('dashboard.teamsAllOk')}</Empty>
      ) : (
        <>
          <DataTable rows={rows} rowKey={(r) => r.id} columns={columns} testId="teams-table" />
          {view.teams.length > SHOWN && (
            <Button variant="subtle" mt="xs" onClick={() => setAll(!all)} data-testid="teams-toggle">
              {all ? t('dashboard.showFewer') : t('dashboard.showAll', { n: view.teams.length })}
            </Button>
          )}
        </>
      )}
    </DashSection>
  );
}
