import { Alert, List, Stack, Text } from '@mantine/core';
import type { PlanProposal } from '@shared/planProposals';
import { IconAlertTriangle, IconClockExclamation, IconGavel } from '@tabler/icons-react';
import { AnchorLink } from '../../components/links';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';

const periods = (list: PlanProposal['holidays']) =>
  list.map((b) => `${b.label} (${formatDate(b.startDate)}${b.endDate === b.startDate ? '' : ` – ${formatDate(b.endDate)}`})`).join('; ');

/**
 * What the proposal follows: whose rules, the quota, the host rotation, the breaks and public holidays avoided; a
 * warning when the term's remaining weeks are too few for the quota; and existing plans.
 */
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
              {t('planProposals.breaks')}: {periods(r.breaks)}
            </List.Item>
          )}
          {p.holidays.length > 0 && (
            <List.Item data-testid="proposal-holidays">
              {t('planProposals.holidays')}: {periods(p.holidays)}
            </List.Item>
          )}
        </List>
      </Alert>
      {p.remaining.tooShort && (
        <Alert
          color="orange"
          icon={<IconClockExclamation size={20} />}
          title={t('planProposals.tooShortTitle')}
          data-testid="proposal-too-short"
        >
          {t('planProposals.tooShort', {
            from: formatDate(p.from),
            to: formatDate(p.term.endDate),
            weeks: p.remaining.weeks,
            days: p.remaining.schoolDays,
            meetings: p.remaining.meetings,
          })}
        </Alert>
      )}
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
