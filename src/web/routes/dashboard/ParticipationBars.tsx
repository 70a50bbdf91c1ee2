import { Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ComplianceView, RateRow } from '@shared/dashboard';
import type { DashboardFilter } from '../../api/dashboard';
import { Empty } from '../../components/PageState';
import { useI18n, useT } from '../../i18n/context';
import { formatPercent } from '../../lib/numbers';
import { DashSection } from './DashSection';
import { XlsxButton } from './XlsxButton';

const pct = (r: RateRow) => (r.rate === null ? 0 : Math.round(r.rate * 1000) / 10);

/** A bar per row: name, "present/invited", and the rate as a bar (a simple chart; no chart library). */
function Bars({ title, rows, testId }: { title: string; rows: RateRow[]; testId: string }) {
  const { lang } = useI18n();
  const shown = (r: RateRow) => formatPercent(r.rate ?? 0, lang);
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={4} fz="md">
        {title}
      </Title>
      {rows.map((r) => (
        <div key={r.id ?? r.name}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {r.name}
            </Text>
            <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
              {shown(r)} ({r.present}/{r.invited})
            </Text>
          </Group>
          <Progress value={pct(r)} color={pct(r) < 80 ? 'orange' : 'teal'} size="md" aria-label={`${r.name}: ${shown(r)}`} />
        </div>
      ))}
    </Stack>
  );
}

/** Participation (present ÷ invited) of the term's held meetings, by subject and by organisation. */
export function ParticipationBars({ view, filter }: { view: ComplianceView; filter: DashboardFilter }) {
  const t = useT();
  const p = view.participation;
  return (
    <DashSection
      title={t('dashboard.participation')}
      actions={<XlsxButton table="participation" filter={filter} name={t('dashboard.participation')} />}
      testId="dashboard-participation"
    >
      {p.total.invited === 0 ? (
        <Empty>{t('dashboard.noParticipation')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Bars title={t('dashboard.bySubject')} rows={p.bySubject} testId="participation-subjects" />
          <Bars title={t('dashboard.byOrg')} rows={p.byOrg} testId="participation-orgs" />
        </SimpleGrid>
      )}
    </DashSection>
  );
}
