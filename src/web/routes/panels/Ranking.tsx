import { Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import type { PanelEventView } from '@shared/panels';
import { useState } from 'react';
import { useSelectEntries, useTieBreak } from '../../api/panels';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';

const num = (x: number) => x.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The ranking (average of members' totals, tie-break stated), members' totals when allowed, the head's selection. */
export function Ranking({ event }: { event: PanelEventView }) {
  const t = useT();
  const tieBreak = useTieBreak();
  const select = useSelectEntries(event.id);
  const rows = event.ranking ?? [];
  const [chosen, setChosen] = useState<string[]>(() =>
    rows.filter((r) => r.rank <= event.selectCount && !r.tieAtCut).map((r) => r.entryId),
  );
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const tie = rows.some((r) => r.tieAtCut);
  return (
    <Section title={t('panels.ranking')} testId="panel-ranking">
      <Text size="sm" c="dimmed" mb="xs">
        {t('panels.rankingRule', { rule: tieBreak.data?.rule ?? '' })}
      </Text>
      {tie && !event.selectedAt && (
        <Text size="sm" c="orange.8" fw={600} mb="xs" data-testid="tie-at-cut">
          {t('panels.tieAtCut', { n: event.selectCount })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={300}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {event.can.select && <Table.Th />}
              <Table.Th>{t('panels.rank')}</Table.Th>
              <Table.Th>{t('panels.team')}</Table.Th>
              <Table.Th>{t('panels.average')}</Table.Th>
              {event.rubric.groups.map((g) => (
                <Table.Th key={g.key} visibleFrom="sm">
                  {g.title}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.entryId} data-testid="ranking-row">
                {event.can.select && (
                  <Table.Td>
                    <Checkbox
                      size="md"
                      aria-label={r.teamName}
                      checked={chosen.includes(r.entryId)}
                      onChange={() => toggle(r.entryId)}
                      data-testid="select-entry"
                    />
                  </Table.Td>
                )}
                <Table.Td fw={700}>{r.rank}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>
                      {r.teamName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.schoolName}
                    </Text>
                    <Group gap={4}>
                      {r.selected && <Badge color="green">{t('panels.selected')}</Badge>}
                      {r.tieAtCut && !r.selected && <Badge color="orange">{t('panels.tie')}</Badge>}
                    </Group>
                    {r.memberTotals.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {r.memberTotals.map((m) => `${m.memberName}: ${num(m.total)}`).join(' · ')}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td fw={700} data-testid="ranking-average">
                  {num(r.average)}
                </Table.Td>
                {r.groupAverages.map((g, i) => (
                  <Table.Td key={event.rubric.groups[i]?.key ?? i} visibleFrom="sm">
                    {num(g)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {event.can.select && (
        <Group justify="flex-end" mt="sm">
          <Text size="sm">{t('panels.chosenCount', { n: chosen.length, max: event.selectCount })}</Text>
          <Button
            size="md"
            loading={select.isPending}
            disabled={chosen.length === 0 || chosen.length > event.selectCount}
            onClick={() =>
              select.mutate(chosen, { onSuccess: () => notifySuccess(t('panels.selectedDone')), onError: (e) => showServerError(e, t) })
            }
            data-testid="select-submit"
          >
            {t('panels.confirmSelection')}
          </Button>
        </Group>
      )}
    </Section>
  );
}
