import { useNavigate, useParams } from '@tanstack/react-router';
import { useOrg, useSaveOrg } from '../../api/orgs';
import { PageHeader } from '../../components/PageHeader';
import { EditGate } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { submitWith } from '../../lib/notify';
import { OrgEndingNotice } from './OrgEndingNotice';
import { OrgForm } from './OrgForm';

/**
 * `/orgs/$orgId/edit`: edits an org's details (moving it is a separate action). Setting "Hoạt động đến ngày" shows what
 * would still point at the org the day after, before it is saved.
 */
export default function OrgEditPage() {
  const t = useT();
  const navigate = useNavigate();
  const { orgId } = useParams({ from: '/app/orgs/$orgId/edit' });
  const org = useOrg(orgId);
  const save = useSaveOrg(orgId);
  const back = () => navigate({ to: '/orgs/$orgId', params: { orgId } });

  return (
    <EditGate query={org}>
      {(data) => (
        <>
          <PageHeader title={t('orgForm.editTitle', { name: data.name })} />
          <OrgForm
            org={data}
            parentId={data.parent?.id ?? null}
            allowedTypes={[data.type]}
            saving={save.isPending}
            onCancel={back}
            onSubmit={submitWith(save, t, t('common.saved'), () => back())}
            endingNotice={(validTo) => (validTo && validTo !== data.validTo ? <OrgEndingNotice orgId={orgId} validTo={validTo} /> : null)}
          />
        </>
      )}
    </EditGate>
  );
}
