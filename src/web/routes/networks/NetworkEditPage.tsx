import { useNavigate, useParams } from '@tanstack/react-router';
import { useNetwork, useSaveNetwork } from '../../api/networks';
import { PageHeader } from '../../components/PageHeader';
import { EditGate } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { submitWith } from '../../lib/notify';
import { NetworkForm } from './NetworkForm';

/** `/networks/$networkId/edit`. */
export default function NetworkEditPage() {
  const t = useT();
  const navigate = useNavigate();
  const { networkId } = useParams({ from: '/app/networks/$networkId/edit' });
  const network = useNetwork(networkId);
  const save = useSaveNetwork(networkId);
  const back = () => navigate({ to: '/networks/$networkId', params: { networkId } });
  return (
    <EditGate query={network}>
      {(n) => (
        <>
          <PageHeader title={t('networkForm.editTitle', { name: n.name })} />
          <NetworkForm
            network={n}
            saving={save.isPending}
            onCancel={back}
            onSubmit={submitWith(save, t, t('common.saved'), () => back())}
          />
        </>
      )}
    </EditGate>
  );
}
