import { Button, FileInput, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import type { MaterialView } from '@shared/materials';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { useUploadMaterial } from '../../api/materials';
import { useMyMeetings } from '../../api/meetings';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';
import { MaterialTagFields } from './MaterialTagFields';

const empty = {
  title: '',
  materialKind: 'lesson_plan' as string | null,
  subjectId: null as string | null,
  grade: null as string | null,
  textbookSeries: null as string | null,
  lesson: '',
  description: '',
  visibility: 'network' as string | null,
  meetingId: null as string | null,
};

/**
 * The upload form: file, title, kind, subject, grade, textbook series, lesson, visibility and, optionally, the meeting
 * the material belongs to. Errors show beside fields. `onUploaded` replaces going to the new material's page.
 */
export function UploadModal({
  opened,
  onClose,
  onUploaded,
  meetingId,
}: {
  opened: boolean;
  onClose: () => void;
  onUploaded?: (m: MaterialView) => void;
  meetingId?: string;
}) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const upload = useUploadMaterial(() => me.data?.csrfToken ?? null);
  const [v, setV] = useState({ ...empty, meetingId: meetingId ?? null });
  const meetings = useMyMeetings({ from: `${new Date().getFullYear() - 1}-08-01` });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof empty) => (value: string | null) => setV((o) => ({ ...o, [k]: value }));

  const submit = () => {
    if (!file) return setErrors({ file: t('materials.fileRequired') });
    upload.mutate(
      { fields: { ...v }, file },
      {
        onSuccess: (m) => {
          notifySuccess(t('materials.uploaded'));
          setV({ ...empty, meetingId: meetingId ?? null });
          setFile(null);
          onClose();
          if (onUploaded) onUploaded(m);
          else navigate({ to: '/materials/$materialId', params: { materialId: m.id } });
        },
        onError: (e) => showServerError(e, t, setErrors),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('materials.upload')} size="lg">
      <Stack gap="sm">
        <FileInput
          size="md"
          label={t('materials.file')}
          description={t('materials.fileHelp')}
          value={file}
          onChange={setFile}
          error={errors.file}
          withAsterisk
          clearable
          data-testid="material-file"
        />
        <MaterialTagFields values={v} set={set} errors={errors} testIdPrefix="material" />
        {!meetingId && (
          <Select
            size="md"
            label={t('materials.meeting')}
            description={t('materials.meetingHelp')}
            searchable
            clearable
            data={(meetings.data ?? []).map((m) => ({ value: m.id, label: `${formatDate(m.startsAt)} · ${m.title}` }))}
            value={v.meetingId}
            onChange={set('meetingId')}
            error={errors.meetingId}
            data-testid="material-meeting"
          />
        )}
        <Textarea
          size="md"
          label={t('materials.description')}
          value={v.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
        />
        <Text size="xs" c="dimmed">
          {t('materials.privacyNote')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={onClose}>
            {t('materials.cancel')}
          </Button>
          <Button size="md" loading={upload.isPending} onClick={submit} data-testid="material-submit">
            {t('materials.uploadSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
