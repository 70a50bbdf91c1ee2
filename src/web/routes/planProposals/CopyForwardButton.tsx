import { Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { PlanDetail } from '@shared/types';
import { IconCopy } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useCopyPlanForward } from '../../api/planProposals';
import { usePlanOwnerCan } from '../../api/plans';
import { useSchoolYears } from '../../api/reference';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';

/** The later terms (for a term plan) or school years (for a year plan) a plan may be copied into, nearest first. */
function useTargets(plan: PlanDetail) {
  const t = useT();
  const years = useSchoolYears();
  const all = years.data ?? [];
  const year = all.find((y) => y.id === plan.schoolYearId);
  if (!year) return [];
  if (plan.termNumber === null) {
    return all
      .filter((y) => y.startDate > year.startDate)
      .sort((a, b) => a.startDate.localeCompare(b.startDate))
      .map((y) => ({ value: y.id, label: t('planProposals.copyYearOption', { year: y.code }) }));
  }
  const start = year.terms.find((x) => x.number === plan.termNumber)?.startDate ?? year.startDate;
  return all
    .flatMap((y) => y.terms.map((x) => ({ ...x, code: y.code })))
    .filter((x) => x.startDate > start)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .map((x) => ({ value: x.id, label: t('planProposals.copyTermOption', { term: x.number === 1 ? 'I' : 'II', year: x.code }) }));
}

/** "Sao chép sang kỳ sau": copies the plan into a later term (or year) as a new draft, for those who may draft plans. */
export function CopyForwardButton({ plan }: { plan: PlanDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const [opened, modal] = useDisclosure(false);
  const can = usePlanOwnerCan({ networkId: plan.network?.id, orgId: plan.org?.id });
  const targets = useTargets(plan);
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const copy = useCopyPlanForward(plan.id);
  if (!can.data?.draft || targets.length === 0) return null;
  const chosen = target ?? targets[0]?.value ?? null;
  const run = () =>
    copy.mutate(plan.termNumber === null ? { schoolYearId: chosen } : { termId: chosen }, {
      onSuccess: (created) => {
        notifySuccess(t('planProposals.copyDone'));
        modal.close();
        navigate({ to: '/plans/$planId', params: { planId: created.id } });
      },
      onError: (e) => {
        const fields = serverFieldErrors(e);
        setError(fields.termId ?? fields.schoolYearId);
        showServerError(e, t);
      },
    });
  return (
    <>
      <Button variant="default" leftSection={<IconCopy size={16} />} onClick={modal.open} data-testid="plan-copy-forward">
        {t('planProposals.copy')}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={t('planProposals.copyTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('planProposals.copyHint')}</Text>
          <Select
            label={t('planProposals.copyTarget')}
            data={targets}
            value={chosen}
            onChange={(v) => {
              setTarget(v);
              setError(undefined);
            }}
            allowDeselect={false}
            error={error}
            comboboxProps={{ withinPortal: true }}
            data-testid="plan-copy-target"
          />
          <Button onClick={run} loading={copy.isPending} disabled={!chosen} data-testid="plan-copy-confirm">
            {t('planProposals.copy')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
