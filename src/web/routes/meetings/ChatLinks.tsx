import { ActionIcon, Anchor, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import { IconBrandMessenger, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useChatLinks, useSaveChatLinks } from '../../api/meetings';
import { useSubjects } from '../../api/reference';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';

type Row = { key: string; subjectId: string | null; url: string; label: string };

/** The network's chat-group links (Zalo…) per subject, for its members; its leaders edit them. */
export function ChatLinks({ networkId }: { networkId: string }) {
  const t = useT();
  const q = useChatLinks(networkId);
  const save = useSaveChatLinks(networkId);
  const subjects = useSubjects();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!q.data) return null;
  const { links, can } = q.data;
  if (links.length === 0 && !can.edit) return null;
  const open = () => setRows(links.map((l) => ({ key: l.id, subjectId: l.subject?.id ?? null, url: l.url, label: l.label ?? '' })));
  const set = (i: number, patch: Partial<Row>) => setRows((r) => (r ?? []).map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const submit = () =>
    save.mutate(
      { links: (rows ?? []).map(({ key: _k, ...r }) => r) },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          setRows(null);
        },
        onError: (e) => {
          setErrors(serverFieldErrors(e));
          showServerError(e, t);
        },
      },
    );
  return (
    <Stack gap={4} data-testid="chat-links">
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={600}>
          {t('meetings.chatLinks')}
        </Text>
        {can.edit && (
          <ActionIcon variant="subtle" aria-label={t('common.edit')} onClick={open}>
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
      <Modal opened={rows !== null} onClose={() => setRows(null)} title={t('meetings.chatLinks')} size="lg">
        <Stack>
          {(rows ?? []).map((r, i) => (
            <Group key={r.key} align="flex-end" gap="xs">
              <Select
                w={160}
                label={t('meetings.subject')}
                placeholder={t('meetings.chatGeneral')}
                clearable
                searchable
                value={r.subjectId}
                onChange={(v) => set(i, { subjectId: v })}
                data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                error={errors[`links.${i}.subjectId`]}
              />
              <TextInput
                style={{ flex: '1 1 12rem' }}
                label={t('meetings.chatUrl')}
                placeholder="https://zalo.me/g/…"
                value={r.url}
                onChange={(e) => set(i, { url: e.currentTarget.value })}
                error={errors[`links.${i}.url`]}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('common.remove')}
                onClick={() => setRows((x) => (x ?? []).filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="light"
            w="fit-content"
            leftSection={<IconPlus size={16} />}
            onClick={() => setRows((x) => [...(x ?? []), { key: randomId(), subjectId: null, url: '', label: '' }])}
          >
            {t('meetings.addChatLink')}
          </Button>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRows(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
