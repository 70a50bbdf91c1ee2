import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import type { CheckinPreview } from '@shared/minutes';
import { IconCircleCheck, IconClockExclamation } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/formErrors';
import { useCheckin, useCheckinPreview } from './api';

type T = ReturnType<typeof useT>;

/** An old, forwarded or forged code is told apart from other refusals: the teacher must scan the screen again. */
function refusal(error: unknown, t: T): string {
  if (error instanceof ApiError && error.body.code === 'CHECKIN_CODE_EXPIRED') return t('checkin.expired');
  if (error instanceof ApiError && error.status === 404) return t('checkin.notFound');
  return errorMessage(error, t);
}

function MeetingNamed({ preview }: { preview: CheckinPreview }) {
  const t = useT();
  return (
    <Stack gap={4} data-testid="checkin-meeting">
      <Text fz="xl" fw={700}>
        {preview.meetingTitle}
      </Text>
      <Text c="dimmed">
        {t('checkin.when', { from: formatDateTime(preview.startsAt), to: formatDateTime(preview.endsAt), host: preview.hostOrgName })}
      </Text>
    </Stack>
  );
}

/**
 * The teacher's check-in after scanning the QR code: names the meeting first, then one big button; an expired code
 * (older than about a minute) is answered with the message to scan the secretary's screen again.
 */
export default function CheckinPage() {
  const t = useT();
  const { meetingId, code } = useParams({ strict: false }) as { meetingId: string; code: string };
  const preview = useCheckinPreview(meetingId, code);
  const checkin = useCheckin(meetingId, code);
  const time = (iso: string) => new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });
  const result = checkin.data;
  const error = checkin.error ?? preview.error;
  return (
    <Stack gap="lg" maw={480} mx="auto" pt="md">
      <PageHeader title={t('checkin.title')} />
      {preview.data && <MeetingNamed preview={preview.data} />}
      {preview.isPending && (
        <Text c="dimmed">
          <Loader size="xs" mr="xs" />
          {t('checkin.loading')}
        </Text>
      )}
      {result ? (
        <Alert color={result.status === 'late' ? 'yellow' : 'teal'} icon={<IconCircleCheck size={28} />} data-testid="checkin-result">
          <Text fz="lg" fw={600}>
            {result.alreadyCheckedIn
              ? t('checkin.already', { time: time(result.checkedInAt) })
              : t(result.status === 'late' ? 'checkin.late' : 'checkin.present', { time: time(result.checkedInAt) })}
          </Text>
        </Alert>
      ) : (
        preview.data && (
          <>
            <Text>{t('checkin.intro')}</Text>
            <Button size="xl" h={96} fz={28} radius="lg" fullWidth loading={checkin.isPending} onClick={() => checkin.mutate()}>
              {t('checkin.button')}
            </Button>
          </>
        )
      )}
      {error && (
        <Alert color="orange" icon={<IconClockExclamation size={28} />} data-testid="checkin-error">
          <Text fz="lg" fw={600}>
            {refusal(error, t)}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
