import { useNavigate, useSearch } from '@tanstack/react-router';
import { useOrg } from '../../api/orgs';
import { useSavePerson } from '../../api/people';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { submitWith } from '../../lib/notify';
import { PersonForm } from './PersonForm';

/** `/people/new?orgId=`: adds a person (first position at the given org). */
export default function PersonCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const { orgId } = useSearch({ from: '/app/people/new' });
  const org = useOrg(orgId ?? null);
  const save = useSavePerson(null);
  if (orgId && org.isPending) return <Loading />;
  return (
    <>
      <PageHeader title={t('personForm.createTitle')} />
      <PersonForm
        org={org.data ?? null}
        saving={save.isPending}
        onCancel={() => (orgId ? navigate({ to: '/orgs/$orgId', params: { orgId } }) : navigate({ to: '/people' }))}
        onSubmit={submitWith(save, t, t('personForm.created'), (p) => navigate({ to: '/people/$personId', params: { personId: p.id } }))}
      />
    </>
  );
}
