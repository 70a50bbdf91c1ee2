import { useNavigate, useParams } from '@tanstack/react-router';
import { usePlan, useUpdatePlan } from '../../api/plans';
import { PageHeader } from '../../components/PageHeader';
import { Forbidden, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { submitWith } from '../../lib/notify';
import { PlanForm } from './PlanForm';

/** `/plans/$planId/edit`: only for drafters, while the plan is a draft or returned. */
export default function PlanEditPage() {
  const t = useT();
  const navigate = useNavigate();
  const { planId } = useParams({ from: '/app/plans/$planId/edit' });
  const plan = usePlan(planId);
  const save = useUpdatePlan(planId);
  const back = () => navigate({ to: '/plans/$planId', params: { planId } });
  return (
    <QueryState query={plan}>
      {(p) =>
        p.can.update ? (
          <>
            <PageHeader title={t('planForm.editTitle', { title: p.title })} />
            <PlanForm plan={p} saving={save.isPending} onCancel={back} onSubmit={submitWith(save, t, t('planForm.saved'), back)} />
          </>
        ) : (
          <Forbidden />
        )
      }
    </QueryState>
  );
}
