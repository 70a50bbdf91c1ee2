import { Badge, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { ProposalBreak, ProposedPlanItem } from '@shared/planProposals';
import { DateField } from '../../components/DateField';
import { type TFunction, useT } from '../../i18n/context';

/** A proposed meeting being reviewed: the item, whether it is confirmed, and the server's errors for it. */
export interface DraftItem {
  /** Stable React key (items have no id before they are stored). */
  key: string;
  item: ProposedPlanItem;
  confirmed: boolean;
  errors: Record<string, string>;
}

/** A warning for a date the rules advise against: in a break, or on a weekend. */
export function dateWarning(date: string | null, breaks: ProposalBreak[], t: TFunction): string | undefined {
  if (!date) return t('planProposals.noDate');
  const b = breaks.find((x) => x.startDate <= date && date <= x.endDate);
  if (b) return t('planProposals.inBreak', { label: b.label });
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (day === 6) return t('planProposals.weekend', { day: t('planProposals.saturday') });
  if (day === 0) return t('planProposals.weekend', { day: t('planProposals.sunday') });
  return undefined;
}

/**
 * One proposed meeting as a card: number, kind and subject; a "Xác nhận" checkbox; the date and the content, which
 * may be adjusted; host, place and time as read-only facts.
 */
export function ProposalItemCard({
  n,
  draft,
  subjectName,
  hostName,
  breaks,
  termRange,
  onChange,
}: {
  n: number;
  draft: DraftItem;
  subjectName: string | null;
  hostName: string | null;
  breaks: ProposalBreak[];
  termRange: { startDate: string; endDate: string };
  onChange: (next: DraftItem) => void;
}) {
  const t = useT();
  const { item } = draft;
  const set = (patch: Partial<ProposedPlanItem>) => onChange({ ...draft, item: { ...item, ...patch }, errors: {} });
  const warning = dateWarning(item.proposedDate, breaks, t);
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      data-testid={`proposal-item-${n}`}
      style={draft.confirmed ? { borderColor: 'var(--mantine-color-green-6)' } : undefined}
    >
      <Stack gap="sm">
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700}>{t('planProposals.item', { n })}</Text>
            <Checkbox
              size="md"
              label={t('planProposals.confirm')}
              checked={draft.confirmed}
              onChange={(e) => onChange({ ...draft, confirmed: e.currentTarget.checked })}
              data-testid={`proposal-confirm-${n}`}
            />
          </Group>
          <Group gap={6}>
            <Badge variant="light" color={item.kind === 'demo_lesson' ? 'blue' : 'grape'}>
              {t(`meetingKind.${item.kind}`)}
            </Badge>
            {subjectName && (
              <Badge variant="outline" color="gray">
                {subjectName}
              </Badge>
            )}
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('planProposals.date')}
            value={item.proposedDate}
            onChange={(v) => set({ proposedDate: v })}
            minDate={termRange.startDate}
            maxDate={termRange.endDate}
            clearable={false}
            error={draft.errors.proposedDate ?? warning}
            data-testid={`proposal-date-${n}`}
          />
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('planProposals.host')}
            </Text>
            <Text size="sm">{hostName ?? '—'}</Text>
            <Text size="xs" c="dimmed">
              {t('planProposals.time')}: {item.proposedTime.replace(':', 'h')} · {t(`meetingMode.${item.mode}`)}
            </Text>
            {item.plannedCount && (
              <Text size="xs" c="dimmed">
                {t('planProposals.teachers', { n: item.plannedCount })}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        <Textarea
          label={t('planProposals.content')}
          value={item.content}
          onChange={(e) => set({ content: e.currentTarget.value })}
          autosize
          minRows={1}
          error={draft.errors.content}
          data-testid={`proposal-content-${n}`}
        />
      </Stack>
    </Paper>
  );
}
