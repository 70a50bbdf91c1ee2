import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ComplianceView } from '@shared/dashboard';
import { useI18n, useT } from '../../i18n/context';
import { formatPercent } from '../../lib/numbers';

function Card({ label, value, note, alert, testId }: { label: string; value: string; note?: string; alert?: boolean; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId} style={alert ? { borderColor: 'var(--mantine-color-red-5)', borderWidth: 2 } : undefined}>
      <Text size="sm" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={alert ? 'red.7' : undefined} lh={1.2} mt={4}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

/** The six numbers at the top of the dashboard; the ones that need action are outlined in red. */
export function SummaryCards({ view }: { view: ComplianceView }) {
  const t = useT();
  const { lang } = useI18n();
  const s = view.summary;
  const rate = s.participationRate === null ? '—' : formatPercent(s.participationRate, lang);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="dashboard-cards">
      <Card
        label={t('dashboard.card.networksBehind')}
        value={String(s.networksBehind)}
        note={t('dashboard.card.of', { total: s.networks })}
        alert={s.networksBehind > 0}
        testId="card-networks"
      />
      <Card
        label={t('dashboard.card.teamsBehind')}
        value={String(s.teamsBehind)}
        note={t('dashboard.card.of', { total: s.teams })}
        alert={s.teamsBehind > 0}
        testId="card-teams"
      />
      <Card
        label={t('dashboard.card.plans')}
        value={String(s.plansOverdue)}
        note={[t('dashboard.card.dueSoon', { n: s.plansDueSoon }), t('dashboard.card.awaiting', { n: s.plansAwaitingReview })].join(' · ')}
        alert={s.plansOverdue > 0}
        testId="card-plans"
      />
      <Card
        label={t('dashboard.card.reports')}
        value={String(s.reportsOverdue)}
        note={t('dashboard.card.dueSoon', { n: s.reportsDueSoon })}
        alert={s.reportsOverdue > 0}
        testId="card-reports"
      />
      <Card label={t('dashboard.card.upcoming')} value={String(s.upcoming)} testId="card-upcoming" />
      <Card
        label={t('dashboard.card.participation')}
        value={rate}
        note={t('dashboard.card.presentOf', { present: view.participation.total.present, invited: view.participation.total.invited })}
        testId="card-participation"
      />
    </SimpleGrid>
  );
}
