import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import type { MATERIAL_VISIBILITIES, MaterialKind, TEXTBOOK_SERIES } from '@shared/materials';
import { useState } from 'react';
import { usePublishAttachment } from '../../api/materials';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';
import { MaterialTagFields } from './MaterialTagFields';

interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
}

/** A kind guessed from the file, which the user may change. */
function kindOf(a: Attachment): MaterialKind {
  if (a.mimeType.startsWith('video/')) return 'video';
  if (a.mimeType.startsWith('image/')) return 'photo';
  if (a.fileName.toLowerCase().endsWith('.pptx')) return 'slides';
  return 'lesson_plan';
}

const titleOf = (a: Attachment) => a.fileName.replace(/\.[^.]+$/, '');

/** Copies a meeting attachment into the library with its tags and visibility (POST /api/materials/publish). */
export function PublishModal({ attachments, onClose }: { attachments: Attachment[]; onClose: () => void }) {
  const t = useT();
  const publish = usePublishAttachment();
  const first = attachments[0];
  const [v, setV] = useState({
    attachmentId: first?.id ?? null,
    title: first ? titleOf(first) : '',
    materialKind: (first ? kindOf(first) : 'lesson_plan') as string | null,
    subjectId: null as string | null,
    grade: null as string | null,
    textbookSeries: null as string | null,
    lesson: '',
    visibility: 'network' as string | null,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof v) => (value: string | null) => setV((o) => ({ ...o, [k]: value }));
  const pick = (id: string | null) => {
    const a = attachments.find((x) => x.id === id);
    if (a) setV((o) => ({ ...o, attachmentId: a.id, title: titleOf(a), materialKind: kindOf(a) }));
  };
  const submit = () =>
    publish.mutate(
      {
        attachmentId: v.attachmentId ?? '',
        title: v.title,
        materialKind: (v.materialKind ?? 'lesson_plan') as MaterialKind,
        subjectId: v.subjectId,
        grade: v.grade ? Number(v.grade) : null,
        textbookSeries: v.textbookSeries as (typeof TEXTBOOK_SERIES)[number] | null,
        lesson: v.lesson || null,
        visibility: (v.visibility ?? 'network') as (typeof MATERIAL_VISIBILITIES)[number],
      },
      {
        onSuccess: () => {
          notifySuccess(t('materials.published'));
          onClose();
        },
        onError: (e) => showServerError(e, t, setErrors),
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('materials.publish')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('materials.publishHelp')}
        </Text>
        <Select
          size="md"
          label={t('materials.attachment')}
          data={attachments.map((a) => ({ value: a.id, label: a.fileName }))}
          value={v.attachmentId}
          onChange={pick}
          error={errors.attachmentId}
          allowDeselect={false}
          data-testid="publish-attachment"
        />
        <MaterialTagFields values={v} set={set} errors={errors} testIdPrefix="publish" />
        <Text size="xs" c="dimmed">
          {t('materials.privacyNote')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={onClose}>
            {t('materials.cancel')}
          </Button>
          <Button size="md" loading={publish.isPending} onClick={submit} data-testid="publish-submit">
            {t('materials.publishSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
