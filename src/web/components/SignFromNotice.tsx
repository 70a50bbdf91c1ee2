import { Button } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useSignMinutes, useTodo } from '../api/todo';
import { useT } from '../i18n/context';
import { notifySuccess, showServerError } from '../lib/notify';

const MINUTES_LINK = /^\/meetings\/([0-9a-f-]{36})\/minutes$/;

/**
 * "Ký ngay" under a notice about minutes: shown while the person's "Việc cần làm" still lists those minutes as theirs
 * to sign (and not for a chair who must wait), it signs them in one tap through the minutes sign route.
 */
export function SignFromNotice({ link, onSigned }: { link: string | null; onSigned: () => void }) {
  const t = useT();
  const meetingId = link?.match(MINUTES_LINK)?.[1];
  const todo = useTodo();
  const sign = useSignMinutes();
  const item = meetingId ? todo.data?.minutesToSign.find((m) => m.meetingId === meetingId) : undefined;
  if (!item || item.waitingFor > 0) return null;
  return (
    <Button
      size="compact-xs"
      variant="light"
      ml={6}
      mb={6}
      leftSection={<IconSignature size={14} />}
      loading={sign.isPending}
      data-testid={`notice-sign-${item.meetingId}`}
      onClick={() =>
        sign.mutate(item.meetingId, {
          onSuccess: (view) => {
            onSigned();
            notifySuccess(view.status === 'locked' ? t('todo.signedLocked') : t('todo.signed'));
          },
          onError: (error) => showServerError(error, t),
        })
      }
    >
      {t('todo.signNow')}
    </Button>
  );
}
