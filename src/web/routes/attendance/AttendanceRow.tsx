import { Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@shared/enums';
import type { AttendanceSheet } from '@shared/minutes';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';

export type DraftEntry = { status: AttendanceStatus | null; reason: string };
/** An absence carries a reason: required when excused, optional when not («vắng không lý do»). */
export const needsReason = (s: AttendanceStatus | null) => s === 'excused' || s === 'absent';
export const reasonRequired = (s: AttendanceStatus | null) => s === 'excused';
const COLOR: Record<AttendanceStatus, string> = { present: 'teal', late: 'yellow', excused: 'orange', absent: 'red' };

/** One invitee on the secretary's sheet: name, unit and venue, QR check-in, status chips and the reason when absent. */
export function AttendanceRow({
  row,
  draft,
  readOnly,
  error,
  onChange,
}: {
  row: AttendanceSheet['rows'][number];
  draft: DraftEntry;
  readOnly: boolean;
  error?: string;
  onChange: (patch: Partial<DraftEntry>) => void;
}) {
  const t = useT();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="attendance-row">
      <Stack gap={6}>
        <div>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text fw={600}>{row.fullName}</Text>
            {!draft.status && (
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {t('attendance.notRecorded')}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {[row.unitName, row.venue?.name].filter(Boolean).join(' · ')}
          </Text>
          {row.method === 'qr' && row.checkedInAt && (
            <Text size="xs" c="teal">
              {t('attendance.viaQr', { time: formatDateTime(row.checkedInAt) })}
            </Text>
          )}
        </div>
        <SegmentedControl
          fullWidth
          size="md"
          styles={{ label: { paddingInline: 2 } }}
          disabled={readOnly}
          aria-label={t('attendance.status.label', { name: row.fullName })}
          value={draft.status ?? ''}
          onChange={(v) => onChange({ status: v as AttendanceStatus })}
          data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`attendance.status.${s}`) }))}
          color={draft.status ? COLOR[draft.status] : 'teal'}
          autoContrast
          data-testid="attendance-chips"
        />
        {needsReason(draft.status) && (
          <TextInput
            label={t('attendance.reason')}
            required={reasonRequired(draft.status)}
            placeholder={reasonRequired(draft.status) ? undefined : t('attendance.noReason')}
            disabled={readOnly}
            value={draft.reason}
            error={error}
            onChange={(e) => onChange({ reason: e.currentTarget.value })}
          />
        )}
      </Stack>
    </Paper>
  );
}
