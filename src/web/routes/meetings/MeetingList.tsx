import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { MeetingSummary } from '@shared/meetings';
import { IconLock } from '@tabler/icons-react';
import { AnchorLink } from '../../components/links';
import { useT } from '../../i18n/context';
import { MeetingModeBadge, MeetingStatusBadge } from './MeetingBadges';
import { dmy, vnDay, vnTime } from './meetingFormat';

const WEEKDAYS = ['weekday.mon', 'weekday.tue', 'weekday.wed', 'weekday.thu', 'weekday.fri', 'weekday.sat', 'weekday.sun'] as const;

/** "Thứ Tư, 15/10/2025". */
export function useDayLabel() {
  const t = useT();
  return (day: string) => `${t(`meetings.${WEEKDAYS[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]}`)}, ${dmy(day)}`;
}

/** One meeting as a tappable card: time, title, kind, host, mode, status (public lines without a link). */
export function MeetingCard({ m }: { m: MeetingSummary }) {
  const t = useT();
  const title = m.restricted ? (
    <Group gap={4} wrap="nowrap">
      <IconLock size={14} aria-label={t('meetings.restricted')} />
      <Text fw={600}>{m.title}</Text>
    </Group>
  ) : (
    <AnchorLink to="/meetings/$meetingId" params={{ meetingId: m.id }} fw={600} style={{ overflowWrap: 'anywhere' }}>
      {m.title}
    </AnchorLink>
  );
  return (
    <Paper withBorder p="sm" radius="md" data-testid="meeting-card">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {vnTime(m.startsAt)}–{vnTime(m.endsAt)}
          </Text>
          <MeetingStatusBadge status={m.status} />
        </Group>
        {title}
        <Text size="sm" c="dimmed">
          {t(`meetingKind.${m.kind}`)}
          {m.subjects.length ? ` · ${m.subjects.map((s) => s.name).join(', ')}` : ''}
          {m.grade ? ` · ${t('meetings.gradeN', { n: m.grade })}` : ''}
        </Text>
        <Text size="sm">{m.hostOrg.name}</Text>
        <Group gap={6}>
          <MeetingModeBadge mode={m.mode} />
          {m.network && (
            <Badge variant="dot" size="sm" color="gray">
              {m.network.name}
            </Badge>
          )}
          {(m.myRoles ?? []).map((r) => (
            <Badge key={r} size="sm" variant="light" color="grape">
              {t(`meetings.role.${r as 'invited'}`)}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Meetings grouped under a heading per day, in time order. */
export function MeetingDayList({ meetings, empty }: { meetings: MeetingSummary[]; empty?: string }) {
  const t = useT();
  const dayLabel = useDayLabel();
  if (meetings.length === 0)
    return (
      <Text c="dimmed" py="md">
        {empty ?? t('meetings.none')}
      </Text>
    );
  const days = [...new Set(meetings.map((m) => vnDay(m.startsAt)))];
  return (
    <Stack gap="md">
      {days.map((d) => (
        <Stack key={d} gap={6}>
          <Text fw={700} size="sm" c="blue.8">
            {dayLabel(d)}
          </Text>
          {meetings
            .filter((m) => vnDay(m.startsAt) === d)
            .map((m) => (
              <MeetingCard key={m.id} m={m} />
            ))}
        </Stack>
      ))}
    </Stack>
  );
}
