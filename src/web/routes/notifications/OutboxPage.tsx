import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OutboxItemView } from '@shared/notifications';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { useOutbox, useRetryOutbox } from '../../api/notifications';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Forbidden, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/formErrors';

type Status = OutboxItemView['status'];
const COLOR: Record<Status, string> = { failed: 'red', pending: 'yellow', sent: 'green' };

/** `/admin/outbox`: the e-mails the app sends; failed ones (after every retry) can be queued again. */
export default function OutboxPage() {
  const t = useT();
  const me = useMe().data;
  const [status, setStatus] = useState<Status>('failed');
  const outbox = useOutbox(status);
  const retry = useRetryOutbox();
  if (!me?.isAdmin) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('notifications.outbox.title')} subtitle={t('notifications.outbox.subtitle')} />
      <SegmentedControl
        mb="md"
        value={status}
        onChange={(v) => setStatus(v as Status)}
        data={(['failed', 'pending', 'sent'] as const).map((s) => ({ value: s, label: t(`notifications.outbox.status.${s}`) }))}
        data-testid="outbox-status"
      />
      <QueryState query={outbox}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t(`notifications.outbox.empty.${status}`)}</Empty>
          ) : (
            <Stack gap="sm" maw={900} data-testid="outbox-list">
              {rows.map((r) => (
                <Paper key={r.id} withBorder p="sm">
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                    <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
                      <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {r.subject}
                      </Text>
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {t('notifications.outbox.to', { to: r.toAddress, at: formatDateTime(r.createdAt) })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.status === 'sent'
                          ? t('notifications.outbox.sentAt', { at: formatDateTime(r.sentAt), n: r.attempts })
                          : r.status === 'failed'
                            ? t('notifications.outbox.failedAfter', { n: r.attempts })
                            : t('notifications.outbox.attempts', { n: r.attempts, at: formatDateTime(r.nextAttemptAt) })}
                      </Text>
                      {r.lastError && r.status !== 'sent' && (
                        <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
                          {r.lastError}
                        </Text>
                      )}
                    </Stack>
                    <Group gap="xs">
                      <Badge color={COLOR[r.status]} variant="light">
                        {t(`notifications.outbox.status.${r.status}`)}
                      </Badge>
                      {r.status === 'failed' && (
                        <Button
                          size="compact-sm"
                          loading={retry.isPending && retry.variables === r.id}
                          onClick={() =>
                            retry.mutate(r.id, {
                              onSuccess: () => notifications.show({ color: 'green', message: t('notifications.outbox.requeued') }),
                              onError: (e) => notifications.show({ color: 'red', title: t('error.title'), message: errorMessage(e, t) }),
                            })
                          }
                        >
                          {t('notifications.outbox.retry')}
                        </Button>
                      )}
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
