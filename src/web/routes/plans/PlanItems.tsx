import { Button, Stack, Text } from '@mantine/core';
import type { PlanDetail, PlanItem } from '@shared/types';
import { IconCalendarPlus, IconChecklist } from '@tabler/icons-react';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink, ButtonLink } from '../../components/links';
import { Empty } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { itemWhen, PlanItemStatusBadge } from './PlanBadges';

/** The planned meetings: a table on wide screens, cards on phones; with a status action once the plan is approved. */
export function PlanItems({ plan, onTrack }: { plan: PlanDetail; onTrack: (item: PlanItem, n: number) => void }) {
  const t = useT();
  const n = (i: PlanItem) => plan.items.indexOf(i) + 1;
  const columns: Column<PlanItem>[] = [
    {
      key: 'content',
      header: t('plan.item.content'),
      primary: true,
      render: (i) => (
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('plan.item.number', { n: n(i) })} · {t(`meetingKind.${i.kind}`)}
          </Text>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {i.content}
          </Text>
        </Stack>
      ),
    },
    { key: 'when', header: t('plan.item.when'), render: (i) => itemWhen(i) },
    {
      key: 'subjects',
      header: t('plan.item.subjects'),
      render: (i) =>
        [i.subjects.map((s) => s.name).join(', '), i.grade ? t('plan.item.gradeValue', { grade: i.grade }) : '']
          .filter(Boolean)
          .join(' · ') || '—',
    },
    { key: 'host', header: t('plan.item.host'), render: (i) => i.hostOrg?.name ?? '—' },
    {
      key: 'presenter',
      header: t('plan.item.presenter'),
      render: (i) => [i.presenterPerson?.fullName, i.presenterOrg?.name].filter(Boolean).join(' — ') || '—',
    },
    {
      key: 'place',
      header: t('plan.item.place'),
      render: (i) => [i.place, t(`meetingMode.${i.mode}`)].filter(Boolean).join(' · '),
    },
    {
      key: 'count',
      header: t('plan.item.plannedCount'),
      render: (i) => (i.plannedCount ? t('plan.item.teachers', { n: i.plannedCount }) : '—'),
      hideOnPhone: false,
    },
    {
      key: 'status',
      header: t('plan.item.status'),
      render: (i) => (
        <Stack gap={4} align="flex-start">
          <PlanItemStatusBadge status={i.status} />
          {i.statusReason && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('plan.reason')}: {i.statusReason}
            </Text>
          )}
          {i.meetings.map((m) => (
            <AnchorLink
              key={m.id}
              to="/meetings/$meetingId"
              params={{ meetingId: m.id }}
              size="xs"
              style={{ overflowWrap: 'anywhere' }}
              data-testid={`plan-item-linked-${n(i)}`}
            >
              {m.title} ({formatDateTime(m.startsAt)})
            </AnchorLink>
          ))}
          {plan.status === 'approved' && plan.can.trackItems && i.status === 'planned' && i.meetings.length === 0 && (
            <ButtonLink
              to="/meetings/new"
              search={{ planItemId: i.id }}
              size="compact-sm"
              variant="filled"
              leftSection={<IconCalendarPlus size={14} />}
              data-testid={`plan-item-meeting-${n(i)}`}
            >
              {t('plan.item.createMeeting')}
            </ButtonLink>
          )}
          {plan.can.trackItems && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconChecklist size={14} />}
              onClick={() => onTrack(i, n(i))}
              data-testid={`plan-item-track-${n(i)}`}
            >
              {t('plan.track')}
            </Button>
          )}
        </Stack>
      ),
    },
  ];
  return (
    <Section title={`${t('plan.itemsTitle')} (${plan.items.length})`} testId="plan-items">
      {plan.items.length === 0 ? (
        <Empty>{t('plan.itemsEmpty')}</Empty>
      ) : (
        <DataTable rows={plan.items} rowKey={(i) => i.id} columns={columns} />
      )}
    </Section>
  );
}
