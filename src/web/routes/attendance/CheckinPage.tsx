import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconClockExclamation } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { errorMessage } from '../../lib/formErrors';
import { useCheckin } from './api';

/** The teacher's check-in after scanning the QR code: one big button, clear messages when too early or too late. */
export default function CheckinPage() {
  const t = useT();
  const { meetingId, secret } = useParams({ strict: false }) as { meetingId: string; secret: string };
  const checkin = useCheckin(meetingId, secret);
  const time = (iso: string) => new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });
  const result = checkin.data;
  const error = checkin.error;
  return (
    <Stack gap="lg" maw={480} mx="auto" pt="md">
      <PageHeader title={t('checkin.title')} subtitle={result?.meetingTitle} />
      {result ? (
        <Alert color={result.status === 'late' ? 'yellow' : 'teal'} icon={<IconCircleCheck size={28} />} data-testid="checkin-result">
          <Text fz="lg" fw={600}>
            {result.alreadyCheckedIn
              ? t('checkin.already', { time: time(result.checkedInAt) })
              : t(result.status === 'late' ? 'checkin.late' : 'checkin.present', { time: time(result.checkedInAt) })}
          </Text>
        </Alert>
      ) : (
        <>
          <Text>{t('checkin.intro')}</Text>
          <Button size="xl" h={96} fz={28} radius="lg" fullWidth loading={checkin.isPending} onClick={() => checkin.mutate()}>
            {t('checkin.button')}
          </Button>
        </>
      )}
      {error && (
        <Alert color="orange" icon={<IconClockExclamation size={28} />} data-testid="checkin-error">
          <Text fz="lg" fw={600}>
            {error instanceof ApiError && error.status === 404 ? t('checkin.notFound') : errorMessage(error, t)}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
