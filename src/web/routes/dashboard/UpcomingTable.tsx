import type { ComplianceView, UpcomingMeeting } from '@shared/dashboard';
import type { DashboardFilter } from '../../api/dashboard';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { Empty } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { dmy, vnDay, vnTime } from '../meetings/meetingFormat';
import { DashSection } from './DashSection';
import { XlsxButton } from './XlsxButton';

/** Scheduled meetings of the whole area in the next 30 days, each a link to its page. */
export function UpcomingTable({ view, filter }: { view: ComplianceView; filter: DashboardFilter }) {
  const t = useT();
  const columns: Column<UpcomingMeeting>[] = [
    {
      key: 'title',
      header: t('dashboard.meeting'),
      primary: true,
      render: (m) => (
        <AnchorLink to="/meetings/$meetingId" params={{ meetingId: m.id }} fw={600} data-testid={`upcoming-${m.id}`}>
          {m.title}
        </AnchorLink>
      ),
    },
    { key: 'when', header: t('dashboard.when'), render: (m) => `${dmy(vnDay(m.startsAt))} ${vnTime(m.startsAt)}` },
    { key: 'host', header: t('dashboard.host'), render: (m) => m.hostOrgName },
    { key: 'network', header: t('dashboard.network'), render: (m) => m.networkName ?? '—', hideOnPhone: true },
    { key: 'mode', header: t('meetings.mode'), render: (m) => t(`meetingMode.${m.mode}` as never), hideOnPhone: true },
  ];
  return (
    <DashSection
      title={t('dashboard.upcoming')}
      help={t('dashboard.upcomingHelp')}
      actions={<XlsxButton table="upcoming" filter={filter} name={t('dashboard.upcoming')} />}
      testId="dashboard-upcoming"
    >
      {view.upcoming.length === 0 ? (
        <Empty>{t('dashboard.noUpcoming')}</Empty>
      ) : (
        <DataTable rows={view.upcoming} rowKey={(m) => m.id} columns={columns} testId="upcoming-table" />
      )}
    </DashSection>
  );
}
