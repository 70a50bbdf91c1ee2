import { Badge } from '@mantine/core';
import { useT } from '../../i18n/context';

/** Planned or recorded. */
export function InspectionStatusBadge({ status }: { status: 'planned' | 'recorded' }) {
  const t = useT();
  return (
    <Badge
      color={status === 'recorded' ? 'green' : 'blue'}
      variant="light"
      miw="max-content"
      style={{ flexShrink: 0 }}
      data-testid="inspection-status"
    >
      {t(`inspections.status.${status}`)}
    </Badge>
  );
}
