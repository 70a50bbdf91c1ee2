import { Alert, Button, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@shared/enums';
import type { AttendanceSheet } from '@shared/minutes';
import { IconFileText, IconLock, IconQrcode } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Forbidden, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';
import { useAttendanceSheet, useSaveAttendance } from './api';
import { VenueCounts } from './VenueCounts';

type Draft = Record<string, { status: AttendanceStatus | null; reason: string }>;
const needsReason = (s: AttendanceStatus | null) => s === 'excused' || s === 'absent';

function Sheet({ sheet, meetingId }: { sheet: AttendanceSheet; meetingId: string }) {
  const t = useT();
  const save = useSaveAttendance(meetingId);
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(sheet.rows.map((r) => [r.personId, { status: r.status, reason: r.reason ?? '' }])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = sheet.locked || !sheet.can.record;
  const set = (id: string, patch: Partial<Draft[string]>) => setDraft((d) => ({ ...d, [id]: { ...d[id], ...patch } }));

  const submit = () => {
    const missing = Object.fromEntries(
      Object.entries(draft)
        .filter(([, v]) => needsReason(v.status) && !v.reason.trim())
        .map(([id]) => [id, t('attendance.reasonRequired')]),
    );
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const entries = Object.entries(draft)
      .filter(([, v]) => v.status)
      .map(([personId, v]) => ({ personId, status: v.status as AttendanceStatus, reason: needsReason(v.status) ? v.reason.trim() : null }));
    if (entries.length === 0) return;
    save.mutate({ entries }, { onSuccess: () => notifySuccess(t('attendance.saved')), onError: (e) => showServerError(e, t) });
  };

  return (
    <Stack gap="sm">
      <VenueCounts summary={sheet.summary} />
      <SimpleGrid cols={2} spacing="xs">
        {sheet.can.showCheckinCode && (
          <ButtonLink to="/meetings/$meetingId/qr" params={{ meetingId }} variant="light" leftSection={<IconQrcode size={18} />}>
            {t('attendance.showQr')}
          </ButtonLink>
        )}
        <ButtonLink to="/meetings/$meetingId/minutes" params={{ meetingId }} variant="default" leftSection={<IconFileText size={18} />}>
          {t('attendance.toMinutes')}
        </ButtonLink>
      </SimpleGrid>
      {sheet.locked && (
        <Alert color="gray" icon={<IconLock size={18} />}>
          {t('attendance.locked')}
        </Alert>
      )}
      {sheet.rows.length === 0 && <Empty>{t('attendance.empty')}</Empty>}
      {sheet.rows.map((r) => {
        const d = draft[r.personId];
        return (
          <Paper key={r.personId} withBorder p="sm" radius="md" data-testid="attendance-row">
            <Stack gap={6}>
              <div>
                <Text fw={600}>{r.fullName}</Text>
                <Text size="xs" c="dimmed">
                  {[r.unitName, r.venue?.name].filter(Boolean).join(' · ')}
                </Text>
                {r.method === 'qr' && r.checkedInAt && (
                  <Text size="xs" c="teal">
                    {t('attendance.viaQr', { time: formatDateTime(r.checkedInAt) })}
                  </Text>
                )}
              </div>
              <SegmentedControl
                fullWidth
                size="md"
                styles={{ label: { paddingInline: 2 } }}
                disabled={readOnly}
                aria-label={t('attendance.status.label', { name: r.fullName })}
                value={d.status ?? ''}
                onChange={(v) => set(r.personId, { status: v as AttendanceStatus })}
                data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`attendance.status.${s}`) }))}
                color={d.status === 'absent' ? 'red' : d.status === 'excused' ? 'orange' : d.status === 'late' ? 'yellow' : 'teal'}
              />
              {needsReason(d.status) && (
                <TextInput
                  label={t('attendance.reason')}
                  required
                  disabled={readOnly}
                  value={d.reason}
                  error={errors[r.personId]}
                  onChange={(e) => set(r.personId, { reason: e.currentTarget.value })}
                />
              )}
            </Stack>
          </Paper>
        );
      })}
      {!readOnly && sheet.rows.length > 0 && (
        <Button size="lg" onClick={submit} loading={save.isPending} style={{ position: 'sticky', bottom: 8 }}>
          {t('attendance.save')}
        </Button>
      )}
    </Stack>
  );
}

/** The secretary's attendance screen: one screen, big tap targets, counts per venue on top. */
export default function AttendancePage() {
  const t = useT();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const query = useAttendanceSheet(meetingId);
  return (
    <Stack gap="sm" maw={720}>
      <PageHeader
        title={t('attendance.title')}
        subtitle={query.data ? `${query.data.meeting.title} · ${formatDateTime(query.data.meeting.startsAt)}` : undefined}
      />
      <QueryState query={query}>
        {(sheet) => (sheet.can.record ? <Sheet key={sheet.meeting.id} sheet={sheet} meetingId={meetingId} /> : <Forbidden />)}
      </QueryState>
    </Stack>
  );
}
