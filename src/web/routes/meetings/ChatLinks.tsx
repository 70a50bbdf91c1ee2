import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconBrandMessenger, IconPencil } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useChatLinks } from '../../api/meetings';
import { useT } from '../../i18n/context';

const ChatLinksEditor = lazy(() => import('./ChatLinksEditor').then((x) => ({ default: x.ChatLinksEditor })));

/** The network's chat-group links (Zalo…) per subject, for its members; its leaders edit them. */
export function ChatLinks({ networkId }: { networkId: string }) {
  const t = useT();
  const q = useChatLinks(networkId);
  const [editing, setEditing] = useState(false);
  if (!q.data) return null;
  const { links, can } = q.data;
  if (links.length === 0 && !can.edit) return null;
  return (
    <Stack gap={4} data-testid="chat-links">
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={600}>
          {t('meetings.chatLinks')}
        </Text>
        {can.edit && (
          <ActionIcon variant="subtle" aria-label={t('common.edit')} onClick={() => setEditing(true)} data-testid="chat-links-edit">
            <IconPencil size={16} />
          </ActionIcon>
        )}
      </Group>
      {links.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('meetings.noChatLinks')}
        </Text>
      )}
      {links.map((l) => (
        <Anchor key={l.id} href={l.url} target="_blank" rel="noopener noreferrer" size="sm">
          <IconBrandMessenger size={14} />{' '}
          {l.label || (l.subject ? t('meetings.chatOf', { name: l.subject.name }) : t('meetings.chatGeneral'))}
        </Anchor>
      ))}
      {editing && (
        <Suspense fallback={null}>
          <ChatLinksEditor networkId={networkId} links={links} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </Stack>
  );
}
