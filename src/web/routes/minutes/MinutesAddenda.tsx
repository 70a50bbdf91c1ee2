import { Button, Code, Paper, Stack, Text } from '@mantine/core';
import type { MinutesView } from '@shared/minutes';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';
import type { useMinutesAction } from './api';
import { RichTextEditor, RichTextView } from './RichTextEditor';

/** Corrections to locked minutes: the list with their signatures, a sign button, and the form for the secretary. */
export function MinutesAddenda({ view, action }: { view: MinutesView; action: ReturnType<typeof useMinutesAction> }) {
  const t = useT();
  const me = useMe();
  const [content, setContent] = useState('');
  if (view.addenda.length === 0 && !view.can.addAddendum) return null;
  return (
    <Section title={t('minutes.addenda')} testId="addenda">
      <Stack gap="sm">
        {view.addenda.map((a) => {
          const mine = a.signatures.some((s) => s.personId === me.data?.personId);
          return (
            <Paper key={a.id} withBorder p="sm">
              <Text size="xs" c="dimmed">
                {formatDateTime(a.createdAt)} · {a.createdByName}
              </Text>
              <RichTextView html={a.content} />
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('minutes.hash')}: <Code>{a.textHash}</Code>
              </Text>
              {a.signatures.length > 0 && (
                <Text size="xs">{t('minutes.addendumSigned', { names: a.signatures.map((s) => s.fullName).join(', ') })}</Text>
              )}
              {view.can.signAddenda && !mine && (
                <Button
                  mt="xs"
                  size="sm"
                  variant="light"
                  onClick={() => action.mutate({ kind: 'sign-addendum', addendumId: a.id }, { onError: (e) => showServerError(e, t) })}
                >
                  {t('minutes.sign')}
                </Button>
              )}
            </Paper>
          );
        })}
        {view.can.addAddendum && (
          <Stack gap="xs">
            <RichTextEditor label={t('minutes.addendumNew')} value={content} onChange={setContent} />
            <Button
              disabled={!content.replace(/<[^>]+>/g, '').trim()}
              loading={action.isPending && action.variables?.kind === 'addendum'}
              onClick={() =>
                action.mutate(
                  { kind: 'addendum', content },
                  {
                    onSuccess: () => {
                      setContent('');
                      notifySuccess(t('common.saved'));
                    },
                    onError: (e) => showServerError(e, t),
                  },
                )
              }
            >
              {t('minutes.addendumAdd')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Section>
  );
}
