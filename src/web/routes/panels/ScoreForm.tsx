import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { PanelEventView } from '@shared/panels';
import { useState } from 'react';
import { useScoreEntry } from '../../api/panels';
import { useConfirm } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';
import { parseDecimal } from '../../lib/numbers';

/**
 * A member's score sheet for one entry: one number per criterion (0 … max; typed or pasted as "13,5" or "13.5"), the
 * total, then submit (final) after the app's confirmation dialog.
 */
export function ScoreForm({ event, entryId, onDone }: { event: PanelEventView; entryId: string; onDone: () => void }) {
  const t = useT();
  const score = useScoreEntry(event.id);
  const [confirm, confirmDialog] = useConfirm();
  const [points, setPoints] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const criteria = event.rubric.groups.flatMap((g) => g.criteria);
  const parsed = Object.fromEntries(Object.entries(points).map(([k, p]) => [k, parseDecimal(p)]));
  const total = Math.round(Object.values(parsed).reduce<number>((s, p) => s + (p && Number.isFinite(p) ? p : 0), 0) * 100) / 100;
  const submit = async () => {
    const bad = criteria.filter((c) => {
      const p = parsed[c.key];
      return p !== null && p !== undefined && !(Number.isFinite(p) && p >= 0 && p <= c.maxPoints);
    });
    if (bad.length > 0) {
      setErrors(Object.fromEntries(bad.map((c) => [`points.${c.key}`, t('panels.badPoints', { max: c.maxPoints })])));
      return;
    }
    const ok = await confirm({
      title: t('panels.submitScore'),
      message: t('panels.confirmScore', { total }),
      confirmLabel: t('panels.submitScore'),
    });
    if (!ok) return;
    const body = {
      points: Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => e[1] !== null)),
      comment: comment || null,
    };
    score.mutate(
      { entryId, body },
      {
        onSuccess: () => {
          notifySuccess(t('panels.scored'));
          onDone();
        },
        onError: (e) => showServerError(e, t, setErrors),
      },
    );
  };
  return (
    <Stack gap="sm" data-testid="score-form">
      {confirmDialog}
      {event.rubric.groups.map((g) => (
        <Stack key={g.key} gap={6}>
          <Text fw={700}>{g.title}</Text>
          {g.criteria.map((c) => (
            <Group key={c.key} wrap="nowrap" align="flex-start" justify="space-between" gap="sm">
              <Text size="sm" style={{ flex: 1 }}>
                {c.title}
              </Text>
              <TextInput
                size="md"
                w={110}
                inputMode="decimal"
                autoComplete="off"
                aria-label={c.title}
                rightSection={
                  <Text size="xs" c="dimmed" pr={6}>
                    /{c.maxPoints}
                  </Text>
                }
                rightSectionWidth={40}
                value={points[c.key] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setPoints((o) => ({ ...o, [c.key]: v }));
                }}
                error={errors[`points.${c.key}`]}
                data-testid={`score-${c.key}`}
              />
            </Group>
          ))}
        </Stack>
      ))}
      <Textarea
        size="md"
        label={t('panels.scoreComment')}
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <Group justify="space-between">
        <Text fw={700} data-testid="score-total">
          {t('panels.total', { total, max: event.rubric.maxTotal })}
        </Text>
        <Button size="md" loading={score.isPending} onClick={() => void submit()} data-testid="score-submit">
          {t('panels.submitScore')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('panels.scoreFinal')}
      </Text>
    </Stack>
  );
}
