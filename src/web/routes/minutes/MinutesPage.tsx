import { Alert, Badge, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { MinutesView } from '@shared/minutes';
import { IconLock, IconSignature, IconUsers } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';
import { useMinutes, useMinutesAction } from './api';
import { MinutesAddenda } from './MinutesAddenda';
import { MinutesFactsList } from './MinutesFacts';
import { MinutesSignatures } from './MinutesSignatures';
import { RichTextEditor, RichTextView } from './RichTextEditor';
import { VenueSigning } from './VenueSigning';

const STATUS_COLOR = { draft: 'gray', signing: 'blue', locked: 'green' } as const;

function MinutesBody({ view }: { view: MinutesView }) {
  const t = useT();
  const action = useMinutesAction(view.meetingId);
  const [discussion, setDiscussion] = useState(view.discussion);
  const [recommendations, setRecommendations] = useState(view.recommendations);
  const [confirming, confirm] = useDisclosure(false);
  const [venue, setVenue] = useState(false);
  const onError = (e: unknown) => showServerError(e, t);

  const save = () =>
    action.mutate(
      { kind: 'save', body: { discussion, recommendations, baseVersion: view.version } },
      {
        onSuccess: (v) => {
          setDiscussion(v.discussion);
          setRecommendations(v.recommendations);
          notifySuccess(t('minutes.saved', { n: v.version }));
        },
        onError,
      },
    );
  const dirty = discussion !== view.discussion || recommendations !== view.recommendations;

  return (
    <Stack gap="md">
      {view.status === 'locked' && (
        <Alert color="green" icon={<IconLock size={20} />} data-testid="lock-banner">
          <Stack gap={4}>
            <Text size="sm">{t('minutes.lockedBanner', { time: formatDateTime(view.lockedAt) })}</Text>
            <Text size="xs">
              {t('minutes.hash')}: <Code style={{ overflowWrap: 'anywhere' }}>{view.textHash}</Code>
            </Text>
          </Stack>
        </Alert>
      )}
      {view.status === 'signing' && <Alert color="blue">{t('minutes.signingHint')}</Alert>}

      <Section title={t('minutes.facts')}>
        <MinutesFactsList facts={view.facts} />
      </Section>

      {view.can.edit ? (
        <Stack gap="sm">
          <RichTextEditor label={t('minutes.discussion')} value={discussion} onChange={setDiscussion} />
          <RichTextEditor label={t('minutes.recommendations')} value={recommendations} onChange={setRecommendations} />
          <Group grow>
            <Button size="md" onClick={save} loading={action.isPending && action.variables?.kind === 'save'} disabled={!dirty}>
              {t('minutes.save')}
            </Button>
            {view.can.startSigning && (
              <Button
                size="md"
                variant="light"
                leftSection={<IconSignature size={18} />}
                onClick={confirm.open}
                disabled={dirty || view.version === 0}
              >
                {t('minutes.startSigning')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Section title={t('minutes.discussion')}>
            <RichTextView html={view.discussion} />
          </Section>
          <Section title={t('minutes.recommendations')}>
            <RichTextView html={view.recommendations} />
          </Section>
        </Stack>
      )}

      {venue && view.can.venueSign && <VenueSigning view={view} action={action} onClose={() => setVenue(false)} />}

      {view.status !== 'draft' && (
        <MinutesSignatures
          view={view}
          onSign={() => action.mutate({ kind: 'sign' }, { onSuccess: () => notifySuccess(t('minutes.signed')), onError })}
          onVenue={venue ? undefined : () => setVenue(true)}
          pending={action.isPending}
        />
      )}

      {view.status === 'locked' && <MinutesAddenda view={view} action={action} />}

      {view.versions.length > 0 && (
        <Section title={t('minutes.versions')}>
          <Stack gap={2}>
            {view.versions.map((v) => (
              <Text key={v.version} size="sm" c="dimmed">
                {t('minutes.version', { n: v.version, time: formatDateTime(v.savedAt), name: v.savedByName ?? '' })}
              </Text>
            ))}
          </Stack>
        </Section>
      )}

      <Modal opened={confirming} onClose={confirm.close} title={t('minutes.startSigning')} centered>
        <Stack>
          <Text size="sm">{t('minutes.startSigningConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={action.isPending}
              onClick={() => action.mutate({ kind: 'start-signing' }, { onSuccess: confirm.close, onError })}
            >
              {t('minutes.startSigning')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Minutes (Mẫu 2): prefilled facts, the secretary's two texts, versions, signing, lock banner and addenda. */
export default function MinutesPage() {
  const t = useT();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const query = useMinutes(meetingId);
  const v = query.data;
  return (
    <Stack gap="sm" maw={820}>
      <PageHeader
        title={t('minutes.title')}
        subtitle={
          v && (
            <Group gap="xs">
              <span>{v.meetingTitle}</span>
              <Badge color={STATUS_COLOR[v.status]} variant="light" data-testid="minutes-status">
                {t(`minutes.status.${v.status}`)}
              </Badge>
            </Group>
          )
        }
        actions={
          <ButtonLink to="/meetings/$meetingId/attendance" params={{ meetingId }} variant="default" leftSection={<IconUsers size={18} />}>
            {t('minutes.attendance')}
          </ButtonLink>
        }
      />
      <QueryState query={query}>{(view) => <MinutesBody key={`${view.status}-${view.version}`} view={view} />}</QueryState>
    </Stack>
  );
}
