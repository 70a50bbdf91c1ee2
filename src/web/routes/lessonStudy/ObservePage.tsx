import { Alert, Badge, Button, Chip, Collapse, FileButton, Group, Image, Paper, Stack, Text, Textarea } from '@mantine/core';
import { type LessonStudyView, OBSERVATION_TAGS, type ObservationTag, seatLabel } from '@shared/lessonStudy';
import { IconCamera, IconCloudOff, IconDeviceFloppy, IconLock, IconMap, IconShare, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { deleteNote, shareNotes, useLessonStudy } from '../../api/lessonStudy';
import { useConfirm } from '../../components/ConfirmDialog';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';
import { vnClock, vnDateTime } from './format';
import { LayoutEditor } from './LayoutEditor';
import { NoteCard } from './NoteCard';
import { SeatMap } from './SeatMap';
import { useNoteSync } from './useNoteSync';

function Observe({ study }: { study: LessonStudyView }) {
  const t = useT();
  const qc = useQueryClient();
  const sync = useNoteSync(study.meetingId);
  const [seat, setSeat] = useState<string | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [resetKey, setResetKey] = useState(0);
  const [lastSaved, setLastSaved] = useState<{ id: string; time: string } | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  useEffect(() => {
    if (!photo) return setPreview(null);
    const url = URL.createObjectURL(photo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  const save = async () => {
    const observedAt = new Date().toISOString();
    const id = crypto.randomUUID();
    await sync.save({
      id,
      meetingId: study.meetingId,
      observedAt,
      text: text.trim(),
      tags: tags as ObservationTag[],
      seat,
      photo,
      photoName: photo?.name ?? null,
    });
    setLastSaved({ id, time: vnClock(observedAt) });
    setTags([]);
    setText('');
    setPhoto(null);
    setSeat(null);
    setResetKey((k) => k + 1);
  };
  const after = (p: Promise<unknown>, ok?: string) =>
    p
      .then(() => {
        if (ok) notifySuccess(ok);
        qc.invalidateQueries({ queryKey: ['observations', study.meetingId] });
      })
      .catch((e) => showServerError(e, t));
  const now = Date.now();
  const outside = now < new Date(study.startsAt).getTime() || now > new Date(study.endsAt).getTime();
  const unshared = sync.notes.filter((n) => !n.shared && !n.waiting && !n.error).length;
  const empty = !text.trim() && tags.length === 0 && !seat && !photo;
  const lastRefused = lastSaved ? sync.notes.find((n) => n.id === lastSaved.id)?.error : null;
  const askDelete = async (note: { id: string; error: string | null }) => {
    const ok = await confirm({
      title: t('common.delete'),
      message: t('observations.deleteConfirm'),
      confirmLabel: t('common.delete'),
      color: 'red',
    });
    if (!ok) return;
    if (note.error) await sync.forget(note.id);
    else after(deleteNote(note.id).then(() => sync.forget(note.id)));
  };

  return (
    <Stack gap="sm" pb={90}>
      {confirmDialog}
      <Group gap="xs" data-testid="sync-status">
        {sync.online ? (
          <Badge color="green" variant="light">
            {t('observations.online')}
          </Badge>
        ) : (
          <Badge color="orange" leftSection={<IconCloudOff size={14} />} data-testid="offline-badge">
            {t('observations.offline')}
          </Badge>
        )}
        {sync.pending > 0 && (
          <Badge color="orange" variant="outline" data-testid="pending-count">
            {t('observations.pending', { n: sync.pending })}
          </Badge>
        )}
        {sync.rejected > 0 && (
          <Badge color="red" variant="light" data-testid="rejected-count">
            {t('observations.rejectedCount', { n: sync.rejected })}
          </Badge>
        )}
        {sync.pending === 0 && sync.rejected === 0 && (
          <Badge color="gray" variant="outline" data-testid="all-synced">
            {t('observations.allSynced')}
          </Badge>
        )}
      </Group>

      {outside && (
        <Alert color="yellow" data-testid="outside-time">
          {t('observations.outsideTime', { from: vnDateTime(study.startsAt), to: vnDateTime(study.endsAt) })}
        </Alert>
      )}

      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" mb={6}>
          <Text fw={600}>{t('observations.seatMap')}</Text>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconMap size={14} />}
            onClick={() => setDrawing((d) => !d)}
            data-testid="draw-map"
          >
            {t(study.layout ? 'observations.changeMap' : 'observations.drawMap')}
          </Button>
        </Group>
        <Collapse expanded={drawing}>
          <LayoutEditor meetingId={study.meetingId} current={study.layout} onDone={() => setDrawing(false)} />
        </Collapse>
        {study.layout && !drawing && (
          <Stack gap={6}>
            <SeatMap layout={study.layout} selected={seat} onSelect={setSeat} />
            <Text size="xs" c="dimmed">
              {seat ? t('observations.seatChosen', { seat: seatLabel(study.layout, seat) }) : t('observations.tapSeat')}
            </Text>
          </Stack>
        )}
        {!study.layout && !drawing && (
          <Text size="sm" c="dimmed">
            {t('observations.noMap')}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <Chip.Group multiple value={tags} onChange={setTags} key={`tags-${resetKey}`}>
            <Group gap={6}>
              {OBSERVATION_TAGS.map((tag) => (
                <Chip key={tag} value={tag} size="md" data-testid={`tag-${tag}`}>
                  {t(`observations.tag.${tag}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Textarea
            label={t('observations.text')}
            placeholder={t('observations.textPlaceholder')}
            autosize
            minRows={3}
            size="md"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="note-text"
          />
          <Group gap="xs">
            <FileButton onChange={setPhoto} accept="image/*" capture="environment" key={`photo-${resetKey}`}>
              {(props) => (
                <Button {...props} size="md" variant="light" leftSection={<IconCamera size={20} />} data-testid="note-photo-button">
                  {t(photo ? 'observations.photoChosen' : 'observations.photo')}
                </Button>
              )}
            </FileButton>
            {photo && (
              <Button size="md" variant="subtle" color="red" leftSection={<IconX size={18} />} onClick={() => setPhoto(null)}>
                {t('observations.removePhoto')}
              </Button>
            )}
          </Group>
          {preview && <Image src={preview} alt="" mah={160} fit="contain" radius="sm" />}
          <Text size="xs" c="dimmed">
            <IconLock size={12} /> {t('observations.photoPrivacy')}
          </Text>
        </Stack>
      </Paper>

      <Group justify="space-between">
        <Text fw={600}>{t('observations.mine', { n: sync.notes.length })}</Text>
        {unshared > 0 && (
          <Button
            size="sm"
            variant="light"
            leftSection={<IconShare size={16} />}
            onClick={() =>
              after(shareNotes({ meetingId: study.meetingId }).then((r) => notifySuccess(t('observations.sharedN', { n: r.shared }))))
            }
            data-testid="share-all"
          >
            {t('observations.shareAll')}
          </Button>
        )}
      </Group>
      {sync.notes.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('observations.none')}
        </Text>
      )}
      <Stack gap="xs" data-testid="my-notes">
        {sync.notes.map((n) => (
          <NoteCard
            key={n.id}
            note={n}
            layout={study.layout}
            onShare={!n.shared && !n.waiting && !n.error ? () => after(shareNotes({ noteId: n.id })) : undefined}
            onDeletePhoto={n.hasPhoto && !n.waiting ? () => after(deleteNote(n.id, true)) : undefined}
            onDelete={n.waiting && !n.error ? undefined : () => void askDelete(n)}
          />
        ))}
      </Stack>

      <Paper
        shadow="md"
        p="sm"
        style={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 150, borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        {lastSaved && lastRefused && (
          <Text size="xs" c="red.8" ta="center" mb={4} data-testid="note-refused" aria-live="polite">
            {t('observations.savedRefused', { time: lastSaved.time })}
          </Text>
        )}
        {lastSaved && !lastRefused && (
          <Text size="xs" c="green.8" ta="center" mb={4} data-testid="note-saved" aria-live="polite">
            {t('observations.saved', { time: lastSaved.time })}
          </Text>
        )}
        <Button fullWidth size="lg" leftSection={<IconDeviceFloppy size={22} />} disabled={empty} onClick={save} data-testid="note-save">
          {t('observations.save')}
        </Button>
      </Paper>
    </Stack>
  );
}

/** The observer's phone page: seating map, activity tags, text, photo; works offline and syncs when back. */
export default function ObservePage() {
  const t = useT();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const q = useLessonStudy(meetingId);
  return (
    <QueryState query={q}>
      {(study) => (
        <>
          <PageHeader
            title={t('observations.title')}
            subtitle={study.title}
            actions={
              <ButtonLink to="/meetings/$meetingId/lesson-study" params={{ meetingId }} variant="default" size="xs">
                {t('lessonStudy.title')}
              </ButtonLink>
            }
          />
          {study.status === 'cancelled' ? <Alert color="red">{t('meetingStatus.cancelled')}</Alert> : <Observe study={study} />}
        </>
      )}
    </QueryState>
  );
}
