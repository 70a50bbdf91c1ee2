import { ActionIcon, Badge, Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { type SeatLayout, seatLabel } from '@shared/lessonStudy';
import { IconPhotoOff, IconShare, IconTrash } from '@tabler/icons-react';
import { useT } from '../../i18n/context';
import { vnClock } from './format';

/** What a note card shows, whoever wrote it. */
export interface CardNote {
  id: string;
  observedAt: string;
  text: string;
  tags: string[];
  seat: string | null;
  hasPhoto: boolean;
  localPhoto?: string | null;
  observerName?: string;
  shared?: boolean;
  waiting?: boolean;
  error?: string | null;
}

/** One observation note: time, activity tags, seat, text, photo; with the observer's actions when given. */
export function NoteCard({
  note,
  layout,
  onShare,
  onDelete,
  onDeletePhoto,
}: {
  note: CardNote;
  layout: SeatLayout | null;
  onShare?: () => void;
  onDelete?: () => void;
  onDeletePhoto?: () => void;
}) {
  const t = useT();
  const photo = note.localPhoto ?? (note.hasPhoto && !note.waiting ? `/api/observation-notes/${note.id}/photo` : null);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="note-card">
      <Stack gap={6}>
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Text fw={700} size="sm">
              {vnClock(note.observedAt)}
            </Text>
            {note.seat && (
              <Badge variant="outline" size="sm">
                {seatLabel(layout, note.seat)}
              </Badge>
            )}
            {note.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="light">
                {t(`observations.tag.${tag}` as 'observations.tag.opening')}
              </Badge>
            ))}
          </Group>
          {note.waiting !== undefined &&
            (note.error ? null : note.waiting ? (
              <Badge color="orange" size="sm" data-testid="note-waiting">
                {t('observations.waiting')}
              </Badge>
            ) : (
              <Badge color={note.shared ? 'green' : 'gray'} size="sm" variant="light">
                {t(note.shared ? 'observations.shared' : 'observations.private')}
              </Badge>
            ))}
        </Group>
        {note.observerName && (
          <Text size="xs" c="dimmed">
            {note.observerName}
          </Text>
        )}
        {note.text && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.text}
          </Text>
        )}
        {photo && <Image src={photo} alt="" radius="sm" mah={220} fit="contain" data-testid="note-photo" />}
        {note.error && (
          <Text size="sm" c="red">
            {t('observations.refused', { message: note.error })}
          </Text>
        )}
        {(onShare || onDelete || onDeletePhoto) && (
          <Group gap="xs" justify="flex-end">
            {onShare && (
              <Button size="sm" variant="light" leftSection={<IconShare size={16} />} onClick={onShare} data-testid="note-share">
                {t('observations.share')}
              </Button>
            )}
            {onDeletePhoto && (
              <ActionIcon size="lg" variant="subtle" color="red" aria-label={t('observations.deletePhoto')} onClick={onDeletePhoto}>
                <IconPhotoOff size={18} />
              </ActionIcon>
            )}
            {onDelete && (
              <ActionIcon size="lg" variant="subtle" color="red" aria-label={t('observations.deleteNote')} onClick={onDelete}>
                <IconTrash size={18} />
              </ActionIcon>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
