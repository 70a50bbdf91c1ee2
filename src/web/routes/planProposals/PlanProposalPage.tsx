import { Alert, Button, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { PlanProposal } from '@shared/planProposals';
import { IconChecks, IconClipboardPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useCreateFromProposal, usePlanProposal } from '../../api/planProposals';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';
import { type DraftItem, ProposalItemCard } from './ProposalItemCard';
import { ProposalSummary } from './ProposalSummary';

/** The proposal under review: confirm items (adjusting a date or content if needed), then create the draft plan. */
function ProposalView({ proposal: p }: { proposal: PlanProposal }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateFromProposal();
  const [title, setTitle] = useState(p.title);
  const [titleError, setTitleError] = useState<string | undefined>();
  const [drafts, setDrafts] = useState<DraftItem[]>(() =>
    p.items.map((item, i) => ({ key: `item-${i}`, item, confirmed: false, errors: {} })),
  );
  const confirmed = drafts.filter((d) => d.confirmed).length;
  const subjectName = new Map(p.subjects.map((s) => [s.id, s.name]));
  const hostName = new Map(p.hosts.map((h) => [h.id, h.name]));
  const breaks = [...p.rules.breaks, ...p.holidays];

  const submit = () => {
    const chosen = drafts
      .map((d, i) => ({ d, i }))
      .filter((x) => x.d.confirmed)
      .sort((a, b) => (a.d.item.proposedDate ?? '9999').localeCompare(b.d.item.proposedDate ?? '9999') || a.i - b.i);
    create.mutate(
      { networkId: p.network.id, termId: p.term.id, title, items: chosen.map((x) => x.d.item) },
      {
        onSuccess: (plan) => {
          notifySuccess(t('planProposals.created'));
          navigate({ to: '/plans/$planId', params: { planId: plan.id } });
        },
        onError: (error) => {
          const fields = serverFieldErrors(error);
          setTitleError(fields.title);
          setDrafts((all) =>
            all.map((d, i) => {
              const k = chosen.findIndex((x) => x.i === i);
              const errors: Record<string, string> = {};
              for (const [path, message] of Object.entries(fields)) {
                const m = /^items\.(\d+)\.(\w+)$/.exec(path);
                if (m && Number(m[1]) === k) errors[m[2]] = message;
              }
              return { ...d, errors };
            }),
          );
          showServerError(error, t);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('planProposals.intro')}</Text>
      <ProposalSummary proposal={p} />
      <Textarea
        label={t('planProposals.planTitle')}
        autosize
        minRows={1}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={titleError}
        size="md"
        data-testid="proposal-title"
      />
      {drafts.length === 0 ? (
        <Empty>{t('planProposals.empty')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
          {drafts.map((d, i) => (
            <ProposalItemCard
              key={d.key}
              n={i + 1}
              draft={d}
              subjectName={d.item.subjectIds[0] ? (subjectName.get(d.item.subjectIds[0]) ?? null) : null}
              hostName={d.item.hostOrgId ? (hostName.get(d.item.hostOrgId) ?? null) : null}
              breaks={breaks}
              termRange={p.term}
              onChange={(next) => setDrafts((all) => all.map((x, j) => (j === i ? next : x)))}
            />
          ))}
        </SimpleGrid>
      )}
      {confirmed > 0 && confirmed < drafts.length && (
        <Alert color="yellow" data-testid="proposal-partial">
          {t('planProposals.partial', { n: confirmed, total: drafts.length })}
        </Alert>
      )}
      <Paper withBorder shadow="sm" p="sm" style={{ position: 'sticky', bottom: 0, zIndex: 5, background: 'var(--mantine-color-body)' }}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600} data-testid="proposal-count">
            {t('planProposals.confirmed', { n: confirmed, total: drafts.length })}
          </Text>
          <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 18rem', justifyContent: 'flex-end' }}>
            <Button
              variant="light"
              px="sm"
              leftSection={<IconChecks size={16} />}
              disabled={drafts.length === 0 || confirmed === drafts.length}
              onClick={() => setDrafts((all) => all.map((d) => ({ ...d, confirmed: true })))}
              data-testid="proposal-confirm-all"
            >
              {t('planProposals.confirmAll')}
            </Button>
            <Button
              px="sm"
              leftSection={<IconClipboardPlus size={16} />}
              disabled={confirmed === 0}
              loading={create.isPending}
              onClick={submit}
              data-testid="proposal-create"
            >
              {t('planProposals.create')}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}

/** `/plans/propose?networkId=…&termId=…`: the plan the rules require of a network in a term, to confirm. */
export default function PlanProposalPage() {
  const t = useT();
  const navigate = useNavigate();
  const { networkId, termId, count } = useSearch({ from: '/app/plans/propose' });
  const proposal = usePlanProposal(networkId, termId, count);
  const p = proposal.data;
  return (
    <>
      <PageHeader
        title={t('planProposals.title')}
        subtitle={
          p ? (
            <>
              <AnchorLink to="/networks/$networkId" params={{ networkId: p.network.id }}>
                {p.network.name}
              </AnchorLink>
              {` · ${t('plans.wholeYear', { year: p.network.schoolYearCode })}`}
            </>
          ) : undefined
        }
      />
      {p && p.terms.length > 1 && (
        <Stack gap={4} mb="md">
          <Text size="sm" fw={500}>
            {t('planProposals.term')}
          </Text>
          <SegmentedControl
            value={p.term.id}
            onChange={(v) => navigate({ to: '/plans/propose', search: { networkId, termId: v, count } })}
            data={p.terms.map((x) => ({
              value: x.id,
              label: t('planProposals.termValue', {
                term: x.number === 1 ? 'I' : 'II',
                from: formatDate(x.startDate),
                to: formatDate(x.endDate),
              }),
            }))}
            fullWidth
            orientation="horizontal"
            styles={{ label: { whiteSpace: 'normal' } }}
            data-testid="proposal-term"
          />
        </Stack>
      )}
      {p && (p.rules.quota === 0 || p.rules.quotaFromRequest) && (
        <NumberInput
          label={t('planProposals.count')}
          min={1}
          max={10}
          value={count ?? ''}
          onChange={(v) => navigate({ to: '/plans/propose', search: { networkId, termId: p.term.id, count: Number(v) || undefined } })}
          mb="md"
          maw="16rem"
          data-testid="proposal-count-input"
        />
      )}
      <QueryState query={proposal}>{(data) => <ProposalView key={data.term.id} proposal={data} />}</QueryState>
    </>
  );
}
