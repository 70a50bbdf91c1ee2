import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AttendanceStatus } from '@shared/enums';
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
import { AttendanceRow, type DraftEntry, needsReason, reasonRequired } from './AttendanceRow';
import { useAttendanceSheet, useSaveAttendance } from './api';
import { VenueCounts } from './VenueCounts';

type Draft = Record<string, DraftEntry>;
const draftOf = (sheet: AttendanceSheet): Draft =>
  Object.fromEntries(sheet.rows.map((r) => [r.personId, { status: r.status, reason: r.reason ?? '' }]));

/**
 * Attendance by exception: people who checked in by QR are present already; the secretary marks only the exceptions
 * (absent with a reason, late) and "Tất cả có mặt" records everyone else not yet recorded as present.
 */
function Sheet({ sheet, meetingId }: { sheet: AttendanceSheet; meetingId: string }) {
  const t = useT();
  const save = useSaveAttendance(meetingId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(sheet));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = sheet.locked || !sheet.can.record;
  const set = (id: string, patch: Partial<DraftEntry>) => setDraft((d) => ({ ...d, [id]: { ...d[id], ...patch } }));
  const unrecorded = sheet.rows.filter((r) => !r.status && !draft[r.personId]?.status).length;

  const submit = (othersPresent: boolean) => {
    const missing = Object.fromEntries(
      Object.entries(draft)
        .filter(([, v]) => reasonRequired(v.status) && !v.reason.trim())
        .map(([id]) => [id, t('attendance.reasonRequired')]),
    );
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    // Only what the secretary changed is sent: a QR check-in left alone stays a QR check-in.
    const entries = sheet.rows
      .map((r) => ({ r, v: draft[r.personId] }))
      .filter(({ r, v }) => v.status && (v.status !== r.status || (needsReason(v.status) && v.reason.trim() !== (r.reason ?? ''))))
      .map(({ r, v }) => ({
        personId: r.personId,
        status: v.status as AttendanceStatus,
        reason: needsReason(v.status) ? v.reason.trim() || null : null,
      }));
    if (entries.length === 0 && !othersPresent) return;
    save.mutate(
      { entries, othersPresent },
      {
        onSuccess: (next) => {
          setDraft(draftOf(next));
          notifySuccess(othersPresent ? t('attendance.allPresentSaved') : t('attendance.saved'));
        },
        onError: (e) => showServerError(e, t),
      },
    );
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
      {!readOnly && unrecorded > 0 && (
        <Text size="sm" c="dimmed" data-testid="attendance-hint">
          {t('attendance.byException', { n: unrecorded })}
        </Text>
      )}
      {sheet.rows.length === 0 && <Empty>{t('attendance.empty')}</Empty>}
      {sheet.rows.map((r) => (
        <AttendanceRow
          key={r.personId}
          row={r}
          draft={draft[r.personId]}
          readOnly={readOnly}
          error={errors[r.personId]}
          onChange={(patch) => set(r.personId, patch)}
        />
      ))}
      {!readOnly && sheet.rows.length > 0 && (
        // In the flow after the last row, so at the bottom of the page it sits below the chips, never over them.
        <Paper
          withBorder
          shadow="sm"
          p="xs"
          radius="md"
          data-testid="attendance-savebar"
          style={{ position: 'sticky', bottom: 0, marginBottom: 'calc(8px + env(safe-area-inset-bottom))', zIndex: 2 }}
        >
          <Group grow gap="xs" wrap="nowrap">
            {unrecorded > 0 && (
              <Button
                size="md"
                color="teal"
                px="xs"
                onClick={() => submit(true)}
                loading={save.isPending}
                data-testid="attendance-all-present"
              >
                {t('attendance.allPresent')}
              </Button>
            )}
            <Button size="md" px="xs" variant={unrecorded > 0 ? 'light' : 'filled'} onClick={() => submit(false)} loading={save.isPending}>
              {t('attendance.save')}
            </Button>
          </Group>
        </Paper>
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
