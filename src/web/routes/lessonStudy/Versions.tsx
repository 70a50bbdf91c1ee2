import { Accordion, Anchor, Badge, Button, FileButton, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { LessonPlanVersionView, LessonStudyView } from '@shared/lessonStudy';
import { IconDeviceFloppy, IconDownload, IconMessage, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { useStudyAction, useUploadVersion } from '../../api/lessonStudy';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';
import { RichTextEditor, RichTextView } from '../minutes/RichTextEditor';
import { vnDateTime } from './format';

function Comments({ meetingId, v, canWrite }: { meetingId: string; v: LessonPlanVersionView; canWrite: boolean }) {
  const t = useT();
  const act = useStudyAction(meetingId);
  const [body, setBody] = useState('');
  const send = () =>
    act.mutate(
      { kind: 'comment', versionId: v.id, body },
      {
        onSuccess: () => {
          setBody('');
          notifySuccess(t('lessonStudy.commentSaved'));
        },
        onError: (e) => showServerError(e, t),
      },
    );
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {t('lessonStudy.comments', { n: v.comments.length })}
      </Text>
      {v.comments.map((c) => (
        <Text key={c.id} size="sm" data-testid="lesson-comment">
          <Text span fw={600}>
            {c.personName}
          </Text>{' '}
          <Text span c="dimmed" size="xs">
            {vnDateTime(c.createdAt)}
          </Text>
          : {c.body}
        </Text>
      ))}
      {canWrite && (
        <Group gap="xs" align="flex-end">
          <Textarea
            style={{ flex: '1 1 14rem' }}
            autosize
            minRows={1}
            aria-label={t('lessonStudy.addComment')}
            placeholder={t('lessonStudy.addComment')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            data-testid={`comment-input-${v.version}`}
          />
          <Button
            leftSection={<IconMessage size={16} />}
            disabled={!body.trim()}
            onClick={send}
            loading={act.isPending}
            data-testid={`comment-send-${v.version}`}
          >
            {t('lessonStudy.send')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function NewVersion({ study }: { study: LessonStudyView }) {
  const t = useT();
  const me = useMe();
  const act = useStudyAction(study.meetingId);
  const upload = useUploadVersion(study.meetingId, () => me.data?.csrfToken ?? null);
  const latest = study.versions[study.versions.length - 1];
  const [body, setBody] = useState(latest?.bodyHtml ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = () =>
    act.mutate(
      { kind: 'version', body: { bodyHtml: body, note: note || null } },
      {
        onSuccess: () => {
          setNote('');
          setErrors({});
          notifySuccess(t('lessonStudy.versionSaved'));
        },
        onError: (e) => {
          setErrors(serverFieldErrors(e));
          showServerError(e, t);
        },
      },
    );
  const send = (file: File | null) =>
    file &&
    upload.mutate(file, {
      onSuccess: () => notifySuccess(t('lessonStudy.uploaded', { name: file.name })),
      onError: (e) => showServerError(e, t),
    });
  return (
    <Stack gap="sm" data-testid="new-version">
      <Text fw={600}>{t(study.step >= 4 ? 'lessonStudy.newVersionRevised' : 'lessonStudy.newVersion')}</Text>
      <RichTextEditor label={t('lessonStudy.body')} value={body} onChange={setBody} />
      {errors.bodyHtml && (
        <Text c="red" size="sm">
          {errors.bodyHtml}
        </Text>
      )}
      <TextInput label={t('lessonStudy.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="version-note" />
      <Group gap="xs">
        <Button leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={act.isPending} data-testid="version-save">
          {t('lessonStudy.saveVersion')}
        </Button>
        <FileButton onChange={send} accept=".pdf,.docx">
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconUpload size={16} />} loading={upload.isPending}>
              {t('lessonStudy.uploadFile')}
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}

/** Every lesson-plan version (kept, newest first) with its comments, and the editor for a new one. */
export function Versions({ study }: { study: LessonStudyView }) {
  const t = useT();
  const newest = [...study.versions].reverse();
  return (
    <Section title={t('lessonStudy.versions')} testId="lesson-versions">
      <Stack gap="md">
        {newest.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('lessonStudy.noVersions')}
          </Text>
        )}
        {newest.length > 0 && (
          <Accordion variant="separated" defaultValue={newest[0].id}>
            {newest.map((v) => (
              <Accordion.Item key={v.id} value={v.id} data-testid={`version-${v.version}`}>
                <Accordion.Control>
                  <Group gap={6}>
                    <Text fw={600}>{t('lessonStudy.version', { n: v.version })}</Text>
                    <Badge size="sm" color={v.stage === 'revised' ? 'green' : 'blue'} variant="light">
                      {t(`lessonStudy.stage.${v.stage}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('lessonStudy.by', { name: v.createdByName ?? '', at: vnDateTime(v.createdAt) })}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {v.note && (
                      <Text size="sm" fs="italic">
                        {v.note}
                      </Text>
                    )}
                    {v.bodyHtml !== null && <RichTextView html={v.bodyHtml} />}
                    {v.file && (
                      <Anchor href={`/api/lesson-study/versions/${v.id}/file`} size="sm">
                        <IconDownload size={14} /> {t('lessonStudy.download', { name: v.file.name })}
                      </Anchor>
                    )}
                    <Comments meetingId={study.meetingId} v={v} canWrite={study.can.contribute} />
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
        {study.can.contribute && <NewVersion study={study} key={study.versions.length} />}
      </Stack>
    </Section>
  );
}
