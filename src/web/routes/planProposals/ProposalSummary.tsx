import { Alert, List, Stack, Text } from '@mantine/core';
import type { PlanProposal } from '@shared/planProposals';
import { IconAlertTriangle, IconGavel } from '@tabler/icons-react';
import { AnchorLink } from '../../components/links';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';

/** What the proposal follows: whose rules, the quota, the host rotation, the breaks avoided; and existing plans. */
export function ProposalSummary({ proposal: p }: { proposal: PlanProposal }) {
  const t = useT();
  const r = p.rules;
  const quota = r.quotaFromRequest
    ? t('planProposals.quotaNone', { n: r.quota })
    : r.quota === 0
      ? t('planProposals.quotaZero')
      : r.perSubject
        ? t('planProposals.quotaPerSubject', { n: r.quota, subjects: p.subjects.length, total: p.items.length })
        : t('planProposals.quotaWhole', { n: r.quota });
  const rotation = [
    t('planProposals.rotation', { n: p.hosts.length }),
    p.lastHost ? t('planProposals.rotationAfter', { school: p.lastHost.name }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap="sm">
      <Alert
        color="blue"
        icon={<IconGavel size={20} />}
        title={r.orgName ? t('planProposals.rulesOf', { org: r.orgName }) : t('planProposals.rulesDefault')}
      >
        <List size="sm" spacing={4}>
          <List.Item>{quota}</List.Item>
          <List.Item>{rotation}</List.Item>
          <List.Item>{t('planProposals.schoolDays', { from: formatDate(p.from) })}</List.Item>
          {r.breaks.length > 0 && (
            <List.Item>
              {t('planProposals.breaks')}:{' '}
              {r.breaks.map((b) => `${b.label} (${formatDate(b.startDate)} – ${formatDate(b.endDate)})`).join('; ')}
            </List.Item>
          )}
        </List>
      </Alert>
      {p.existingPlans.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={20} />} data-testid="proposal-existing">
          <Text size="sm">{t('planProposals.existing')}</Text>
          {p.existingPlans.map((x) => (
            <AnchorLink key={x.id} to="/plans/$planId" params={{ planId: x.id }} size="sm" display="block">
              {x.title} ({t(`planStatus.${x.status as 'draft'}`)})
            </AnchorLink>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
