import { Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import type { PanelEventView } from '@shared/panels';
import { useState } from 'react';
import { useScoreEntry } from '../../api/panels';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';

/** A member's score sheet for one entry: one number per criterion (0 … max), the total, then submit (final). */
export function ScoreForm({ event, entryId, onDone }: { event: PanelEventView; entryId: string; onDone: () => void }) {
  const t = useT();
  const score = useScoreEntry(event.id);
  const [points, setPoints] = useState<Record<string, number | string>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const total = Object.values(points).reduce<number>((s, p) => s + (Number(p) || 0), 0);
  const submit = () => {
    if (!window.confirm(t('panels.confirmScore', { total }))) return;
    const body = {
      points: Object.fromEntries(
        Object.entries(points)
          .filter(([, p]) => p !== '')
          .map(([k, p]) => [k, Number(p)]),
      ),
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
      {event.rubric.groups.map((g) => (
        <Stack key={g.key} gap={6}>
          <Text fw={700}>{g.title}</Text>
          {g.criteria.map((c) => (
            <Group key={c.key} wrap="nowrap" align="flex-start" justify="space-between" gap="sm">
              <Text size="sm" style={{ flex: 1 }}>
                {c.title}
              </Text>
              <NumberInput
                size="md"
                w={110}
                min={0}
                max={c.maxPoints}
                step={0.5}
                decimalScale={2}
                aria-label={c.title}
                rightSection={
                  <Text size="xs" c="dimmed" pr={6}>
                    /{c.maxPoints}
                  </Text>
                }
                rightSectionWidth={40}
                value={points[c.key] ?? ''}
                onChange={(v) => setPoints((o) => ({ ...o, [c.key]: v }))}
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
        <Button size="md" loading={score.isPending} onClick={submit} data-testid="score-submit">
          {t('panels.submitScore')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('panels.scoreFinal')}
      </Text>
    </Stack>
  );
}
