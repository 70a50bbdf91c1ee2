import { Button, Group, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBellCog } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useMarkRead, useNotifications } from '../api/meetings';
import { useT } from '../i18n/context';
import { formatDateTime } from '../lib/dates';
import { BellButton, BellIndicator } from './NotificationBell';
import { SignFromNotice } from './SignFromNotice';

/**
 * The bell's list of the latest notices (tap one to open it and mark it read). Loaded by NotificationBell on the first
 * intent to open it, opened at once when that intent was a click.
 */
export default function NotificationBellDropdown({ defaultOpened }: { defaultOpened: boolean }) {
  const t = useT();
  const q = useNotifications();
  const mark = useMarkRead();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(defaultOpened);
  const unread = q.data?.unread ?? 0;
  return (
    // The indicator wraps the popover, so the popover's aria-haspopup/aria-expanded land on the button, not a div.
    <BellIndicator unread={unread}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} shadow="md" withinPortal>
        <Popover.Target>
          <BellButton unread={unread} onClick={() => setOpened((o) => !o)} />
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Group justify="space-between" mb={6}>
            <Text fw={700} size="sm">
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => mark.mutate('all')}>
                {t('notifications.markAll')}
              </Button>
            )}
          </Group>
          <ScrollArea.Autosize mah={360}>
            <Stack gap={4}>
              {(q.data?.items ?? []).length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('notifications.none')}
                </Text>
              )}
              {(q.data?.items ?? []).map((n) => (
                <div key={n.id} style={{ borderRadius: 6, background: n.readAt ? undefined : 'var(--mantine-color-blue-0)' }}>
                  <UnstyledButton
                    p={6}
                    w="100%"
                    onClick={() => {
                      if (!n.readAt) mark.mutate(n.id);
                      setOpened(false);
                      if (n.link) {
                        const [to, query] = n.link.split('?');
                        navigate({
                          to: to as never,
                          search: (query ? Object.fromEntries(new URLSearchParams(query)) : undefined) as never,
                        });
                      }
                    }}
                  >
                    <Text size="sm" fw={n.readAt ? 400 : 600}>
                      {n.title}
                    </Text>
                    {n.body && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {n.body}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt)}
                    </Text>
                  </UnstyledButton>
                  <SignFromNotice link={n.link} onSigned={() => !n.readAt && mark.mutate(n.id)} />
                </div>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Button
            mt={6}
            fullWidth
            size="compact-sm"
            variant="subtle"
            leftSection={<IconBellCog size={16} />}
            onClick={() => {
              setOpened(false);
              navigate({ to: '/settings/notifications' });
            }}
          >
            {t('notifications.settings.menu')}
          </Button>
        </Popover.Dropdown>
      </Popover>
    </BellIndicator>
  );
}
