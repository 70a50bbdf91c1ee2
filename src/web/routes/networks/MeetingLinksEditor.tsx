import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { randomId } from '@mantine/hooks';
import type { MeetingLinkList } from '@shared/meetingViews';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useSaveMeetingLinks } from '../../api/meetingLinks';
import { useSubjects } from '../../api/reference';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';

type Row = { key: string; orgId: string | null; subjectId: string | null; url: string };

/**
 * The network leaders' editor of its online meeting links: one row per link — the bridge point (a member school or an
 * office above them; empty for every point), the subject (empty for every subject) and the URL.
 */
export function MeetingLinksEditor({ networkId, data, onClose }: { networkId: string; data: MeetingLinkList; onClose: () => void }) {
  const t = useT();
  const save = useSaveMeetingLinks(networkId);
  const subjects = useSubjects();
  const [rows, setRows] = useState<Row[]>(() =>
    data.links.length
      ? data.links.map((l) => ({ key: l.id, orgId: l.org?.id ?? null, subjectId: l.subject?.id ?? null, url: l.url }))
      : [{ key: randomId(), orgId: null, subjectId: null, url: '' }],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (i: number, patch: Partial<Row>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const orgOptions = data.orgs.map((o) => ({ value: o.id, label: o.name }));
  const submit = () =>
    save.mutate(
      { links: rows.map(({ key: _k, ...r }) => ({ ...r, url: r.url.trim() })) },
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
    <Modal opened onClose={onClose} title={t('meetings.meetingLinks')} size="xl" data-testid="meeting-links-editor">
      <Stack>
        {rows.map((r, i) => (
          <Group key={r.key} align="flex-start" gap="xs" data-testid="meeting-link-row">
            <Select
              style={{ flex: '1 1 12rem' }}
              label={t('meetings.linkPoint')}
              placeholder={t('meetings.linkAllPoints')}
              clearable
              searchable
              value={r.orgId}
              onChange={(v) => set(i, { orgId: v })}
              data={orgOptions}
              error={errors[`links.${i}.orgId`]}
              data-testid="meeting-link-org"
            />
            <Select
              style={{ flex: '1 1 8rem' }}
              label={t('meetings.subject')}
              placeholder={t('meetings.linkAllSubjects')}
              clearable
              searchable
              value={r.subjectId}
              onChange={(v) => set(i, { subjectId: v })}
              data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              error={errors[`links.${i}.subjectId`]}
            />
            <TextInput
              style={{ flex: '2 1 14rem' }}
              label={t('meetings.meetingUrl')}
              placeholder="https://meet.google.com/…"
              value={r.url}
              onChange={(e) => set(i, { url: e.currentTarget.value })}
              error={errors[`links.${i}.url`]}
              data-testid="meeting-link-url"
            />
            <ActionIcon
              mt={24}
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
        {errors.links && (
          <Text size="sm" c="red">
            {errors.links}
          </Text>
        )}
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={16} />}
          onClick={() => setRows((x) => [...x, { key: randomId(), orgId: null, subjectId: null, url: '' }])}
        >
          {t('meetings.addMeetingLink')}
        </Button>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="meeting-links-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
