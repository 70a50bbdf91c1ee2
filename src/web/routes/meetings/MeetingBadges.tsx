import { Badge } from '@mantine/core';
import type { MeetingMode, MeetingStatus } from '@shared/enums';
import { useT } from '../../i18n/context';

const statusColor: Record<MeetingStatus, string> = {
  draft: 'gray',
  scheduled: 'blue',
  held: 'green',
  minutes_locked: 'teal',
  postponed: 'orange',
  cancelled: 'red',
};

/** The meeting's status as a coloured badge. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const t = useT();
  return (
    <Badge color={statusColor[status]} variant="light" size="sm">
      {t(`meetingStatus.${status}`)}
    </Badge>
  );
}

/** In person / online / hybrid. */
export function MeetingModeBadge({ mode }: { mode: MeetingMode }) {
  const t = useT();
  return (
    <Badge color={mode === 'in_person' ? 'gray' : 'violet'} variant="outline" size="sm">
      {t(`meetingMode.${mode}`)}
    </Badge>
  );
}
