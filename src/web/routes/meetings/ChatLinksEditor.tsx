import { ActionIcon, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import type { ChatLinkView } from '@shared/meetings';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useSaveChatLinks } from '../../api/meetings';
import { useSubjects } from '../../api/reference';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';

type Row = { key: string; subjectId: string | null; url: string; label: string };

/**
 * The network leaders' editor of its chat-group links: one row per link (subject or the whole network, URL). Loaded
 * and mounted only while open: the meeting page of a member who cannot edit carries none of it, nor the subject list.
 */
export function ChatLinksEditor({ networkId, links, onClose }: { networkId: string; links: ChatLinkView[]; onClose: () => void }) {
  const t = useT();
  const save = useSaveChatLinks(networkId);
  const subjects = useSubjects();
  const [rows, setRows] = useState<Row[]>(() =>
    links.map((l) => ({ key: l.id, subjectId: l.subject?.id ?? null, url: l.url, label: l.label ?? '' })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (i: number, patch: Partial<Row>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const submit = () =>
    save.mutate(
      { links: rows.map(({ key: _k, ...r }) => r) },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          onClose();
        },
        onError: (e) => {
          setErrors(serverFieldErrors(e));
          showServerError(e, t);
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('meetings.chatLinks')} size="lg">
      <Stack>
        {rows.map((r, i) => (
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
              onClick={() => setRows((x) => x.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={16} />}
          onClick={() => setRows((x) => [...x, { key: randomId(), subjectId: null, url: '', label: '' }])}
        >
          {t('meetings.addChatLink')}
        </Button>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
