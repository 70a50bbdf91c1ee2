import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { PlanDetail, PlanItem } from '@shared/types';
import { IconArrowBackUp, IconCheck, IconPencil, IconSend } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { usePlan, usePlanStep } from '../../api/plans';
import { InfoList } from '../../components/InfoList';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';
import { CopyForwardButton } from '../planProposals/CopyForwardButton';
import { PlanStatusBadge, periodLabel } from './PlanBadges';
import { PlanHistory } from './PlanHistory';
import { PlanItems } from './PlanItems';
import { ItemStatusModal, ReviewModal } from './PlanModals';
import { ScheduleFromPlanButton } from './ScheduleFromPlan';

function PlanView({ plan: p }: { plan: PlanDetail }) {
  const t = useT();
  const [confirming, confirm] = useDisclosure(false);
  const [review, setReview] = useState<'return' | 'approve' | null>(null);
  const [tracking, setTracking] = useState<{ item: PlanItem; n: number } | null>(null);
  const step = usePlanStep(p.id);
  const owner = p.network ? (
    <AnchorLink to="/networks/$networkId" params={{ networkId: p.network.id }}>
      {p.network.name}
    </AnchorLink>
  ) : p.org ? (
    <AnchorLink to="/orgs/$orgId" params={{ orgId: p.org.id }}>
      {p.org.name}
    </AnchorLink>
  ) : null;

  return (
    <>
      <PageHeader
        above={<PlanStatusBadge status={p.status} />}
        title={p.title}
        subtitle={periodLabel(p, t)}
        actions={
          <>
            {p.can.update && (
              <ButtonLink
                to="/plans/$planId/edit"
                params={{ planId: p.id }}
                variant="default"
                leftSection={<IconPencil size={16} />}
                data-testid="plan-edit"
              >
                {t('common.edit')}
              </ButtonLink>
            )}
            {p.can.submit && (
              <Button leftSection={<IconSend size={16} />} onClick={confirm.open} data-testid="plan-submit">
                {t('plan.submit')}
              </Button>
            )}
            <ScheduleFromPlanButton plan={p} />
            <CopyForwardButton plan={p} />
            {p.can.review && (
              <Button
                color="orange"
                variant="light"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => setReview('return')}
                data-testid="plan-return"
              >
                {t('plan.return')}
              </Button>
            )}
            {p.can.review && (
              <Button color="green" leftSection={<IconCheck size={16} />} onClick={() => setReview('approve')} data-testid="plan-approve">
                {t('plan.approve')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Section title={t('plan.info')}>
          <InfoList
            items={[
              { label: t('plans.owner'), value: owner },
              { label: t('plans.period'), value: periodLabel(p, t) },
              { label: t('plans.reviewer'), value: p.reviewerOrg.name },
              { label: t('plan.createdBy'), value: p.createdByName },
              { label: t('plan.submittedAt'), value: formatDateTime(p.submittedAt) || null },
              { label: t('plan.decidedAt'), value: formatDateTime(p.decidedAt) || null },
              ...(p.notes ? [{ label: t('plan.notes'), value: p.notes }] : []),
            ]}
          />
        </Section>
        <PlanItems plan={p} onTrack={(item, n) => setTracking({ item, n })} />
        <PlanHistory plan={p} />
      </Stack>
      <Modal opened={confirming} onClose={confirm.close} title={t('plan.submit')}>
        <Text mb="md">{t('plan.submitConfirm', { title: p.title, reviewer: p.reviewerOrg.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={confirm.close}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={step.isPending}
            data-testid="plan-submit-confirm"
            onClick={() =>
              step.mutate(
                { action: 'submit' },
                {
                  onSuccess: () => {
                    notifySuccess(t('plan.submitDone'));
                    confirm.close();
                  },
                  onError: (e) => {
                    confirm.close();
                    showServerError(e, t);
                  },
                },
              )
            }
          >
            {t('plan.submit')}
          </Button>
        </Group>
      </Modal>
      <ReviewModal plan={p} action={review} onClose={() => setReview(null)} />
      <ItemStatusModal plan={p} item={tracking} onClose={() => setTracking(null)} />
    </>
  );
}

/** A plan's page: status, owner and reviewer, planned meetings, review history, and the actions `can` allows. */
export default function PlanPage() {
  const { planId } = useParams({ from: '/app/plans/$planId' });
  const plan = usePlan(planId);
  return <QueryState query={plan}>{(data) => <PlanView plan={data} />}</QueryState>;
}
