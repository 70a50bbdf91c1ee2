import { Badge } from '@mantine/core';
import type { ReportStatus, ReportSummary } from '@shared/reports';
import type { TFunction } from '../../i18n/context';
import { useT } from '../../i18n/context';

const colors: Record<ReportStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  resubmitted: 'indigo',
  accepted: 'green',
};

/** A coloured badge with a report's status (Đang soạn, Đã gửi, Bị trả lại, Đã gửi lại, Đã tiếp nhận), or "Chưa có". */
export function ReportStatusBadge({ status }: { status: ReportStatus | null }) {
  const t = useT();
  if (!status) {
    return (
      <Badge color="red" variant="outline" styles={{ root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } }}>
        {t('reports.none')}
      </Badge>
    );
  }
  return (
    <Badge
      color={colors[status]}
      variant="light"
      styles={{ root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } }}
      data-testid="report-status"
    >
      {t(`reports.status.${status}`)}
    </Badge>
  );
}

/** "Học kỳ I, năm học 2025-2026" or "Cả năm học 2025-2026". */
export function reportPeriod(p: Pick<ReportSummary, 'termNumber' | 'schoolYearCode'>, t: TFunction): string {
  return p.termNumber
    ? t('reports.periodTerm', { term: p.termNumber === 1 ? 'I' : 'II', year: p.schoolYearCode })
    : t('reports.periodYear', { year: p.schoolYearCode });
}

/** The network's or org's name that owns the report. */
export function reportOwner(p: Pick<ReportSummary, 'network' | 'org'>): string {
  return p.network?.name ?? p.org?.name ?? '';
}
