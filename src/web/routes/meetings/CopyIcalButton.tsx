import { Button } from '@mantine/core';
import { IconCalendarShare } from '@tabler/icons-react';
import { useCalendarToken } from '../../api/meetings';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';

/** Copies the secret iCal link of my meetings (or of a network) to the clipboard, for a calendar app. */
export function CopyIcalButton({ networkId }: { networkId?: string }) {
  const t = useT();
  const token = useCalendarToken();
  const copy = () =>
    token.mutate(networkId ? { kind: 'network', networkId } : { kind: 'person' }, {
      onSuccess: async ({ url }) => {
        try {
          await navigator.clipboard.writeText(url);
          notifySuccess(t('meetings.icalCopied'));
        } catch {
          window.prompt(t('meetings.icalPrompt'), url);
        }
      },
      onError: (e) => showServerError(e, t),
    });
  return (
    <Button
      variant="default"
      leftSection={<IconCalendarShare size={16} />}
      onClick={copy}
      loading={token.isPending}
      data-testid="copy-ical"
    >
      {t('meetings.copyIcal')}
    </Button>
  );
}
