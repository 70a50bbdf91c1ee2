import { Badge } from '@mantine/core';
import type { PlanItemStatus, PlanStatus } from '@shared/enums';
import type { PlanItem, PlanSummary } from '@shared/types';
import type { TFunction } from '../../i18n/context';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';

const planColors: Record<PlanStatus, string> = { draft: 'gray', submitted: 'blue', returned: 'orange', approved: 'green' };
const itemColors: Record<PlanItemStatus, string> = { planned: 'gray', held: 'green', moved: 'yellow', cancelled: 'red' };

/** A coloured badge with the plan's status (Bản nháp, Chờ duyệt, Bị trả lại, Đã duyệt). */
export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const t = useT();
  return (
    <Badge color={planColors[status]} variant="light" style={{ flexShrink: 0 }} data-testid="plan-status">
      {t(`planStatus.${status}`)}
    </Badge>
  );
}

/** A badge with a planned item's status (Chưa thực hiện, Đã thực hiện, Dời lịch, Hủy). */
export function PlanItemStatusBadge({ status }: { status: PlanItemStatus }) {
  const t = useT();
  return (
    <Badge color={itemColors[status]} variant={status === 'planned' ? 'outline' : 'light'} style={{ flexShrink: 0 }}>
      {t(`planItemStatus.${status}`)}
    </Badge>
  );
}

/** "Học kỳ I năm học 2025-2026" or "Năm học 2025-2026". */
export function periodLabel(p: Pick<PlanSummary, 'termNumber' | 'schoolYearCode'>, t: TFunction): string {
  return p.termNumber
    ? t('plans.term', { term: p.termNumber === 1 ? 'I' : 'II', year: p.schoolYearCode })
    : t('plans.wholeYear', { year: p.schoolYearCode });
}

/** The network's or org's name that owns the plan. */
export function ownerName(p: Pick<PlanSummary, 'network' | 'org'>): string {
  return p.network?.name ?? p.org?.name ?? '';
}

/** "15/10/2025 07:30", or only the date, or "—". */
export function itemWhen(i: Pick<PlanItem, 'proposedDate' | 'proposedTime'>): string {
  if (!i.proposedDate) return '—';
  return i.proposedTime ? `${formatDate(i.proposedDate)} ${i.proposedTime}` : formatDate(i.proposedDate);
}
