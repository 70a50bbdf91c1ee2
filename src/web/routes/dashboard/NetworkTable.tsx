import { Badge, Group, Progress, Stack, Switch, Text } from '@mantine/core';
import type { ComplianceView, NetworkCompliance } from '@shared/dashboard';
import { useState } from 'react';
import type { DashboardFilter } from '../../api/dashboard';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { Empty } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { DashSection } from './DashSection';
import { XlsxButton } from './XlsxButton';

/** Held meetings against the minimum, as a number and a bar (red when behind). */
function HeldBar({ n }: { n: NetworkCompliance }) {
  const t = useT();
  const pct = n.required ? Math.min(100, (n.held / n.required) * 100) : 100;
  return (
    <Stack gap={2} miw={110}>
      <Text size="sm" fw={600}>
        {n.held}/{n.required}
      </Text>
      <Progress value={pct} color={n.behind ? 'red' : 'teal'} size="sm" aria-hidden="true" />
      {n.perSubject && (
        <Text size="xs" c="dimmed">
          {t('dashboard.perSubject')}
        </Text>
      )}
      {n.subjectsBehind.length > 0 && (
        <Text size="xs" c="red.8" data-testid={`network-subjects-behind-${n.id}`}>
          {t('dashboard.subjectsBehind', { subjects: n.subjectsBehind.join(', ') })}
        </Text>
      )}
      {n.scheduled > 0 && (
        <Text size="xs" c="dimmed">
          {t('dashboard.scheduledN', { n: n.scheduled })}
        </Text>
      )}
    </Stack>
  );
}

/** Networks of the scope against their quota this term; a late one drills to its plan and its schedule. */
export function NetworkTable({ view, filter }: { view: ComplianceView; filter: DashboardFilter }) {
  const t = useT();
  const anyBehind = view.networks.some((n) => n.behind);
  const [onlyBehind, setOnlyBehind] = useState(anyBehind);
  const rows = onlyBehind ? view.networks.filter((n) => n.behind) : view.networks;
  const columns: Column<NetworkCompliance>[] = [
    {
      key: 'name',
      header: t('dashboard.network'),
      primary: true,
      render: (n) =>
        n.planId ? (
          <AnchorLink to="/plans/$planId" params={{ planId: n.planId }} fw={600} data-testid={`network-plan-${n.id}`}>
            {n.name}
          </AnchorLink>
        ) : (
          <AnchorLink to="/plans" search={{ networkId: n.id }} fw={600} data-testid={`network-plan-${n.id}`}>
            {n.name}
          </AnchorLink>
        ),
    },
    { key: 'kind', header: t('dashboard.kind'), render: (n) => t(`networkKind.${n.kind}` as never) },
    { key: 'held', header: t('dashboard.heldOfRequired'), render: (n) => <HeldBar n={n} /> },
    {
      key: 'status',
      header: t('dashboard.statusCol'),
      render: (n) => (
        <Badge color={n.behind ? 'red' : 'teal'} variant={n.behind ? 'filled' : 'light'} style={{ overflow: 'visible' }} miw="max-content">
          {n.behind ? t('dashboard.behind') : t('dashboard.ok')}
        </Badge>
      ),
    },
    {
      key: 'links',
      header: t('dashboard.plan'),
      render: (n) => (
        <Group gap="sm" wrap="wrap">
          {n.planId ? (
            <AnchorLink to="/plans/$planId" params={{ planId: n.planId }} size="sm">
              {t('dashboard.viewPlan')}
            </AnchorLink>
          ) : (
            <Text size="sm" c="dimmed">
              {t('dashboard.noPlan')}
            </Text>
          )}
          <AnchorLink to="/meetings" search={{ view: 'list', networkId: n.id }} size="sm" data-testid={`network-meetings-${n.id}`}>
            {t('dashboard.viewMeetings')}
          </AnchorLink>
        </Group>
      ),
    },
    { key: 'supervisor', header: t('dashboard.supervisor'), render: (n) => n.supervisingOrgName, hideOnPhone: true },
  ];
  return (
    <DashSection
      title={t('dashboard.networks')}
      help={t('dashboard.networksHelp')}
      actions={<XlsxButton table="networks" filter={filter} name={t('dashboard.networks')} />}
      testId="dashboard-networks"
    >
      <Switch
        label={t('dashboard.onlyBehind')}
        checked={onlyBehind}
        onChange={(e) => setOnlyBehind(e.currentTarget.checked)}
        mb="sm"
        data-testid="dashboard-only-behind"
      />
      {view.networks.length === 0 ? (
        <Empty>{t('dashboard.noNetworks', { year: view.schoolYear.code })}</Empty>
      ) : rows.length === 0 ? (
        <Empty>{t('common.empty')}</Empty>
      ) : (
        <DataTable rows={rows} rowKey={(n) => n.id} columns={columns} testId="network-table" />
      )}
    </DashSection>
  );
}
