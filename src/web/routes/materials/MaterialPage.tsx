import { Anchor, Badge, Button, Grid, Group, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { type MaterialView, textbookSeriesNames } from '@shared/materials';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useAddComment, useDeleteMaterial, useMaterial, useMaterialComments } from '../../api/materials';
import { useConfirm } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';

/** "1:05" for 65 seconds. */
export function timeCode(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

function Comments({ m, video }: { m: MaterialView; video: React.RefObject<HTMLVideoElement | null> }) {
  const t = useT();
  const comments = useMaterialComments(m.id);
  const add = useAddComment(m.id);
  const [body, setBody] = useState('');
  const isVideo = m.materialKind === 'video' && m.mimeType.startsWith('video/');
  const submit = () => {
    const at = isVideo && video.current ? Math.floor(video.current.currentTime) : null;
    add.mutate({ body, atSeconds: at }, { onSuccess: () => setBody(''), onError: (e) => showServerError(e, t) });
  };
  return (
    <Section title={t('materials.comments')} testId="material-comments">
      <QueryState query={comments}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('materials.noComments')}</Empty>
          ) : (
            <Stack gap={6} mb="sm">
              {rows.map((c) => (
                <Group key={c.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="material-comment">
                  {c.atSeconds !== null && (
                    <UnstyledButton
                      onClick={() => {
                        if (!video.current) return;
                        video.current.currentTime = c.atSeconds ?? 0;
                        void video.current.play().catch(() => undefined);
                      }}
                      aria-label={t('materials.jumpTo', { time: timeCode(c.atSeconds) })}
                      data-testid="comment-time"
                      style={{ flexShrink: 0 }}
                    >
                      <Badge variant="filled" style={{ cursor: 'pointer', overflow: 'visible' }} size="lg" miw={56}>
                        {timeCode(c.atSeconds)}
                      </Badge>
                    </UnstyledButton>
                  )}
                  <Stack gap={0}>
                    <Text size="sm">{c.body}</Text>
                    <Text size="xs" c="dimmed">
                      {c.authorName} · {formatDate(c.createdAt)}
                    </Text>
                  </Stack>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <Stack gap="xs">
        <Textarea
          size="md"
          autosize
          minRows={2}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          placeholder={isVideo ? t('materials.commentAtTime') : t('materials.commentPlaceholder')}
          aria-label={t('materials.comment')}
          data-testid="comment-body"
        />
        <Group justify="flex-end">
          <Button size="md" disabled={!body.trim()} loading={add.isPending} onClick={submit} data-testid="comment-submit">
            {t('materials.addComment')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

/** A material: the video plays in the page (seeking uses HTTP ranges), PDFs and photos show inline, others download. */
export default function MaterialPage() {
  const t = useT();
  const { materialId } = useParams({ strict: false }) as { materialId: string };
  const q = useMaterial(materialId);
  const remove = useDeleteMaterial();
  const navigate = useNavigate();
  const video = useRef<HTMLVideoElement | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const askDelete = async (id: string) => {
    const ok = await confirm({
      title: t('materials.delete'),
      message: t('materials.confirmDelete'),
      confirmLabel: t('common.delete'),
      color: 'red',
    });
    if (!ok) return;
    remove.mutate(id, {
      onSuccess: () => {
        notifySuccess(t('materials.deleted'));
        navigate({ to: '/materials' });
      },
      onError: (e) => showServerError(e, t),
    });
  };
  return (
    <QueryState query={q}>
      {(m) => {
        const src = `/api/materials/${m.id}/file`;
        return (
          <>
            {confirmDialog}
            <PageHeader
              title={m.title}
              subtitle={`${m.ownerOrg.name} · ${m.uploadedByName ?? ''} · ${formatDate(m.createdAt)}`}
              actions={
                <>
                  <Button
                    component="a"
                    href={src}
                    download={m.fileName}
                    variant="default"
                    size="md"
                    leftSection={<IconDownload size={18} />}
                  >
                    {t('materials.download')}
                  </Button>
                  {m.can.delete && (
                    <Button
                      color="red"
                      variant="light"
                      size="md"
                      leftSection={<IconTrash size={18} />}
                      loading={remove.isPending}
                      onClick={() => void askDelete(m.id)}
                    >
                      {t('materials.delete')}
                    </Button>
                  )}
                </>
              }
            />
            <Group gap={6} mb="sm">
              <Badge variant="light">{t(`materials.kind.${m.materialKind}`)}</Badge>
              {m.subject && (
                <Badge variant="outline" color="gray">
                  {m.grade ? `${m.subject.name} ${m.grade}` : m.subject.name}
                </Badge>
              )}
              {m.textbookSeries && (
                <Badge variant="outline" color="teal">
                  {textbookSeriesNames[m.textbookSeries]}
                </Badge>
              )}
              <Badge variant="outline">{t(`materials.visibility.${m.visibility}`)}</Badge>
            </Group>
            {m.lesson && <Text mb="xs">{t('materials.lessonIs', { lesson: m.lesson })}</Text>}
            {m.description && (
              <Text mb="sm" c="dimmed">
                {m.description}
              </Text>
            )}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 8 }}>
                {m.mimeType.startsWith('video/') ? (
                  // biome-ignore lint/a11y/useMediaCaption: teachers' recordings of lessons have no caption files
                  <video
                    ref={video}
                    src={src}
                    controls
                    preload="metadata"
                    style={{ width: '100%', maxHeight: '70vh', background: '#000', borderRadius: 8 }}
                    data-testid="material-video"
                  />
                ) : m.mimeType.startsWith('image/') ? (
                  <img src={src} alt={m.title} style={{ maxWidth: '100%', borderRadius: 8 }} />
                ) : (
                  <Anchor href={src} target="_blank" rel="noopener">
                    {m.fileName}
                  </Anchor>
                )}
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Comments m={m} video={video} />
              </Grid.Col>
            </Grid>
          </>
        );
      }}
    </QueryState>
  );
}
