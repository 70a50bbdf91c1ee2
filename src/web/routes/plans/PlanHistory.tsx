import { Text, Timeline } from '@mantine/core';
import type { PlanDetail, PlanReview } from '@shared/types';
import { IconArrowBackUp, IconCheck, IconSend } from '@tabler/icons-react';
import { Empty } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';

const look: Record<PlanReview['action'], { color: string; Icon: typeof IconSend }> = {
  submit: { color: 'blue', Icon: IconSend },
  return: { color: 'orange', Icon: IconArrowBackUp },
  approve: { color: 'green', Icon: IconCheck },
};

/** The review history as a timeline: who submitted, returned (with the comment) or approved, when, and how many items. */
export function PlanHistory({ plan }: { plan: PlanDetail }) {
  const t = useT();
  return (
    <Section title={t('plan.history')} testId="plan-history">
      {plan.history.length === 0 ? (
        <Empty>{t('plan.historyEmpty')}</Empty>
      ) : (
        <Timeline active={plan.history.length - 1} bulletSize={26} lineWidth={2}>
          {plan.history.map((h) => {
            const { color, Icon } = look[h.action];
            return (
              <Timeline.Item key={h.id} color={color} bullet={<Icon size={14} />} title={t(`planAction.${h.action}`)}>
                <Text size="sm" c="dimmed">
                  {[h.actorName, formatDateTime(h.at)].filter(Boolean).join(' · ')}
                </Text>
                {h.comment && (
                  <Text size="sm" mt={4} p="xs" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 6, whiteSpace: 'pre-wrap' }}>
                    {h.comment}
                  </Text>
                )}
                {h.snapshot && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('plan.snapshot', { n: h.snapshot.items.length })}
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Section>
  );
}
