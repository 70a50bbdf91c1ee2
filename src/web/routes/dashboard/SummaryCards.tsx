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
  // nothing to count is not "0 behind": a dash and "no data for the year", never a reassuring zero
  const none = t('dashboard.card.noData', { year: view.schoolYear.code });
  const count = (n: number, total: number) => (total === 0 ? '—' : String(n));
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="dashboard-cards">
      <Card
        label={t('dashboard.card.networksBehind')}
        value={count(s.networksBehind, s.networks)}
        note={s.networks === 0 ? none : t('dashboard.card.of', { total: s.networks })}
        alert={s.networksBehind > 0}
        testId="card-networks"
      />
      <Card
        label={t('dashboard.card.teamsBehind')}
        value={count(s.teamsBehind, s.teams)}
        note={s.teams === 0 ? none : t('dashboard.card.of', { total: s.teams })}
        alert={s.teamsBehind > 0}
        testId="card-teams"
      />
      <Card
        label={t('dashboard.card.plans')}
        value={count(s.plansOverdue, s.networks)}
        note={
          s.networks === 0
            ? none
            : [t('dashboard.card.dueSoon', { n: s.plansDueSoon }), t('dashboard.card.awaiting', { n: s.plansAwaitingReview })].join(' · ')
        }
        alert={s.plansOverdue > 0}
        testId="card-plans"
      />
      <Card
        label={t('dashboard.card.reports')}
        value={count(s.reportsOverdue, s.networks)}
        note={s.networks === 0 ? none : t('dashboard.card.dueSoon', { n: s.reportsDueSoon })}
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
