import { Button, Card, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { INSPECTION_RATINGS, type InspectionRating, type InspectionView } from '@shared/inspections';
import { useState } from 'react';
import { useRecordInspection } from '../../api/inspections';
import { useT } from '../../i18n/context';
import { focusFirstError, notifySuccess, showServerError } from '../../lib/notify';

type Item = { rating: InspectionRating | null; finding: string };

/** The nine-item checklist of seed 002 §II.2.1, one card per item (usable on a phone), with overall findings. */
export function ChecklistForm({ inspection }: { inspection: InspectionView }) {
  const t = useT();
  const record = useRecordInspection(inspection.id);
  const [items, setItems] = useState<Item[]>(inspection.checklist.map((c) => ({ rating: c.rating, finding: c.finding ?? '' })));
  const [findings, setFindings] = useState(inspection.findings ?? '');
  const [recommendations, setRecommendations] = useState(inspection.recommendations ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (i: number, patch: Partial<Item>) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const save = () => {
    const missing: Record<string, string> = {};
    items.forEach((x, i) => {
      if (!x.rating) missing[`checklist.${i}`] = t('inspections.ratingMissing', { n: i + 1 });
    });
    if (!findings.trim()) missing.findings = t('inspections.findingsMissing');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstError();
      return;
    }
    record.mutate(
      {
        checklist: items.map((x, i) => ({ position: i + 1, rating: x.rating as InspectionRating, finding: x.finding || null })),
        findings,
        recommendations: recommendations || null,
      },
      { onSuccess: () => notifySuccess(t('inspections.recorded')), onError: (e) => showServerError(e, t, setErrors) },
    );
  };
  return (
    <Stack gap="sm" data-testid="inspection-checklist">
      {inspection.checklist.map((c, i) => (
        <Card key={c.position} withBorder padding="sm" data-testid={`checklist-item-${c.position}`}>
          <Stack gap="xs">
            <Text size="sm">
              <b>{c.position}.</b> {c.text}
            </Text>
            <SegmentedControl
              fullWidth
              data={INSPECTION_RATINGS.map((r) => ({ value: r, label: t(`inspections.rating.${r}`) }))}
              value={items[i].rating ?? ''}
              onChange={(v) => {
                set(i, { rating: v as InspectionRating });
                setErrors(({ [`checklist.${i}`]: _, ...rest }) => rest);
              }}
              color={items[i].rating === 'not_met' ? 'red' : items[i].rating === 'partly' ? 'orange' : 'green'}
              data-error={errors[`checklist.${i}`] ? 'true' : undefined}
              tabIndex={-1}
              data-testid={`checklist-rating-${c.position}`}
            />
            {errors[`checklist.${i}`] && (
              <Text size="xs" c="red">
                {errors[`checklist.${i}`]}
              </Text>
            )}
            <Textarea
              placeholder={t('inspections.finding')}
              aria-label={`${t('inspections.finding')} ${c.position}`}
              autosize
              minRows={1}
              value={items[i].finding}
              onChange={(e) => set(i, { finding: e.currentTarget.value })}
            />
          </Stack>
        </Card>
      ))}
      <Textarea
        label={t('inspections.findings')}
        withAsterisk
        autosize
        minRows={3}
        value={findings}
        onChange={(e) => setFindings(e.currentTarget.value)}
        error={errors.findings}
        size="md"
        data-testid="inspection-findings"
      />
      <Textarea
        label={t('inspections.recommendations')}
        autosize
        minRows={2}
        value={recommendations}
        onChange={(e) => setRecommendations(e.currentTarget.value)}
        error={errors.recommendations}
        size="md"
        data-testid="inspection-recommendations"
      />
      <Group justify="flex-end">
        <Button loading={record.isPending} onClick={save} size="md" data-testid="inspection-record">
          {t('inspections.record')}
        </Button>
      </Group>
    </Stack>
  );
}
