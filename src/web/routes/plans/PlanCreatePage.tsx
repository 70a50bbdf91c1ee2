import { useNavigate, useSearch } from '@tanstack/react-router';
import { useOrg } from '../../api/orgs';
import { useCreatePlan } from '../../api/plans';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { submitWith } from '../../lib/notify';
import { useSchoolYear } from '../../state/schoolYearContext';
import { PlanForm } from './PlanForm';

/** `/plans/new?networkId=…|orgId=…`: drafts a plan for the selected school year. */
export default function PlanCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const { networkId, orgId } = useSearch({ from: '/app/plans/new' });
  const { selected, loading } = useSchoolYear();
  const org = useOrg(orgId ?? null);
  const create = useCreatePlan();
  if (loading || (orgId && !org.data && !org.error)) return <Loading />;
  return (
    <>
      <PageHeader title={t('planForm.createTitle')} subtitle={selected ? t('home.subtitle', { year: selected.code }) : undefined} />
      <PlanForm
        init={{ networkId, orgId, org: org.data ?? null }}
        saving={create.isPending}
        onCancel={() => navigate({ to: '/plans', search: { networkId, orgId } })}
        onSubmit={submitWith(create, t, t('planForm.saved'), (p) => navigate({ to: '/plans/$planId', params: { planId: p.id } }))}
      />
    </>
  );
}
