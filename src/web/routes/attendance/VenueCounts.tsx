import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AttendanceSummary } from '@shared/minutes';
import { useT } from '../../i18n/context';

/** Totals and counts per venue (central first), shown at the top of the attendance screen. */
export function VenueCounts({ summary }: { summary: AttendanceSummary }) {
  const t = useT();
  return (
    <Stack gap="xs" data-testid="venue-counts">
      <SimpleGrid cols={3} spacing="xs">
        {[
          [t('attendance.planned'), summary.plannedCount],
          [t('attendance.invited'), summary.invited],
          [t('attendance.attended'), summary.attended],
        ].map(([label, n]) => (
          <Paper key={label} withBorder p="xs" radius="md" ta="center">
            <Text fz={26} fw={700} lh={1.1}>
              {n}
            </Text>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {summary.venues.map((v) => (
        <Paper key={v.venue?.id ?? 'none'} withBorder p="xs" radius="md">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={600} truncate>
              {v.venue?.name ?? t('attendance.noVenue')}
            </Text>
            {v.venue?.isCentral && (
              <Badge size="xs" variant="light">
                {t('attendance.central')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('attendance.counts', { present: v.present, late: v.late, excused: v.excused, absent: v.absent })}
            {v.unrecorded > 0 ? ` · ${t('attendance.unrecorded', { n: v.unrecorded })}` : ''}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
