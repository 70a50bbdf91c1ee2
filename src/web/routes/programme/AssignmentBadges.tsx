import { Badge } from '@mantine/core';
import type { AssignmentStatus } from '@shared/programme';
import { useT } from '../../i18n/context';

const colors: Record<AssignmentStatus, string> = { not_scheduled: 'gray', scheduled: 'blue', held: 'green', overdue: 'red' };

/** The status of an assignment: not yet scheduled, scheduled, held, overdue. */
export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  const t = useT();
  return (
    <Badge color={colors[status]} variant="light" miw="max-content" style={{ flexShrink: 0 }} data-testid="assignment-status">
      {t(`programme.status.${status}`)}
    </Badge>
  );
}
