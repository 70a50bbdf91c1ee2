import { Badge } from '@mantine/core';
import { useT } from '../../i18n/context';

/** Planned, recorded, or overdue (planned, its day past, no record). */
export function InspectionStatusBadge({ status, overdue = false }: { status: 'planned' | 'recorded'; overdue?: boolean }) {
  const t = useT();
  if (overdue && status === 'planned')
    return (
      <Badge color="red" variant="light" miw="max-content" style={{ flexShrink: 0 }} data-testid="inspection-status">
        {t('inspections.status.overdue')}
      </Badge>
    );
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
