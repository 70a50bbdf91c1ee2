import { useNavigate, useParams } from '@tanstack/react-router';
import { usePerson, useSavePerson } from '../../api/people';
import { PageHeader } from '../../components/PageHeader';
import { EditGate } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { submitWith } from '../../lib/notify';
import { PersonForm } from './PersonForm';

/** `/people/$personId/edit`. */
export default function PersonEditPage() {
  const t = useT();
  const navigate = useNavigate();
  const { personId } = useParams({ from: '/app/people/$personId/edit' });
  const person = usePerson(personId);
  const save = useSavePerson(personId);
  const back = () => navigate({ to: '/people/$personId', params: { personId } });
  return (
    <EditGate query={person}>
      {(p) => (
        <>
          <PageHeader title={t('personForm.editTitle', { name: p.fullName })} />
          <PersonForm person={p} saving={save.isPending} onCancel={back} onSubmit={submitWith(save, t, t('common.saved'), () => back())} />
        </>
      )}
    </EditGate>
  );
}
