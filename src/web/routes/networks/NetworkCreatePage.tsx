import { useNavigate } from '@tanstack/react-router';
import { useSaveNetwork } from '../../api/networks';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { submitWith } from '../../lib/notify';
import { useSchoolYear } from '../../state/schoolYearContext';
import { NetworkForm } from './NetworkForm';

/** `/networks/new`. */
export default function NetworkCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const save = useSaveNetwork(null);
  const { loading } = useSchoolYear();
  if (loading) return <Loading />;
  return (
    <>
      <PageHeader title={t('networkForm.createTitle')} />
      <NetworkForm
        saving={save.isPending}
        onCancel={() => navigate({ to: '/networks' })}
        onSubmit={submitWith(save, t, t('networkForm.created'), (n) =>
          navigate({ to: '/networks/$networkId', params: { networkId: n.id } }),
        )}
      />
    </>
  );
}
