import { Alert, Badge, Button, Group, Loader, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import type { PlanScheduleLine } from '@shared/planSchedule';
import type { PlanDetail } from '@shared/types';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useState } from 'react';
import { usePlanSchedulePreview, useScheduleFromPlan } from '../../api/plans';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';

/** One meeting the plan will become: when, what, where, who chairs and keeps the minutes, who is invited. */
function Line({ l }: { l: PlanScheduleLine }) {
  const t = useT();
  const what = [l.subjects.join(', '), l.grade ? t('plan.item.gradeValue', { grade: l.grade }) : ''].filter(Boolean).join(' · ');
  return (
    <Paper withBorder p="xs" data-testid="plan-schedule-line">
      <Stack gap={2}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={700}>
            {formatDate(l.date)} · {l.time}
          </Text>
          <Badge variant="light" color={l.status === 'scheduled' ? 'green' : 'gray'} style={{ flexShrink: 0 }}>
            {t(l.status === 'scheduled' ? 'planSchedule.willSchedule' : 'planSchedule.willDraft')}
          </Badge>
        </Group>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {l.content}
        </Text>
        <Text size="xs" c="dimmed">
          {[t(`meetingKind.${l.kind}`), what, t(`meetingMode.${l.mode}`)].filter(Boolean).join(' · ')}
        </Text>
        {l.place && <Text size="xs">{t('planSchedule.place', { place: l.place })}</Text>}
        <Text size="xs">{t('planSchedule.people', { chair: l.chairName ?? '—', secretary: l.secretaryName ?? '—' })}</Text>
        {l.invitation && <Text size="xs">{t('planSchedule.invitation', { rule: l.invitation })}</Text>}
        {l.status === 'draft' && (
          <Text size="xs" c="orange.8">
            {t('planSchedule.needsLink')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The preview under the confirmation's question: the meetings to be created, then the items left out and why. */
function Preview({ lines }: { lines: PlanScheduleLine[] }) {
  const t = useT();
  const ok = lines.filter((l) => !l.problem);
  const left = lines.filter((l) => l.problem);
  return (
    <ScrollArea.Autosize mah="55vh" type="auto" offsetScrollbars>
      <Stack gap="xs">
        {ok.map((l) => (
          <Line key={l.itemId} l={l} />
        ))}
        {left.length > 0 && (
          <Alert color="orange" variant="light" title={t('planSchedule.leftOut', { n: left.length })} data-testid="plan-schedule-left">
            <Stack gap={4}>
              {left.map((l) => (
                <Text size="xs" key={l.itemId}>
                  <b>{l.content}</b>: {l.problem}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
      </Stack>
    </ScrollArea.Autosize>
  );
}

/**
 * "Lên lịch theo kế hoạch": on an approved plan, for those who may track it, one button that shows every meeting the
 * plan's items will become and creates them on confirmation. Hidden once every item has its meeting (or is cancelled).
 */
export function ScheduleFromPlanButton({ plan }: { plan: PlanDetail }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const preview = usePlanSchedulePreview(plan.id, open);
  const run = useScheduleFromPlan(plan.id);
  const waiting = plan.items.some((i) => i.meetings.length === 0 && i.status !== 'cancelled');
  if (plan.status !== 'approved' || !plan.can.trackItems || !waiting) return null;
  const lines = preview.data?.lines ?? [];
  const count = lines.filter((l) => !l.problem).length;
  const answer = (ok: boolean) => {
    if (!ok || count === 0) return setOpen(false);
    run.mutate(undefined, {
      onSuccess: (r) => {
        setOpen(false);
        notifySuccess(t('planSchedule.done', { n: r.created.length }));
      },
      onError: (e) => {
        setOpen(false);
        showServerError(e, t);
      },
    });
  };
  return (
    <>
      <Button leftSection={<IconCalendarEvent size={16} />} onClick={() => setOpen(true)} data-testid="plan-schedule">
        {t('planSchedule.button')}
      </Button>
      <ConfirmDialog
        opened={open}
        onAnswer={answer}
        options={{
          title: t('planSchedule.title'),
          size: 'lg',
          loading: run.isPending,
          message: preview.isPending
            ? t('planSchedule.reading')
            : count > 0
              ? t('planSchedule.confirm', { n: count })
              : t('planSchedule.nothing'),
          details: preview.isPending ? <Loader size="sm" /> : <Preview lines={lines} />,
          confirmLabel: count > 0 ? t('planSchedule.confirmLabel', { n: count }) : t('common.close'),
        }}
      />
    </>
  );
}
