import { Text } from '@mantine/core';
import { ALLOWED_CHILDREN } from '@shared/enums';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useOrg, useSaveOrg } from '../../api/orgs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Forbidden, Loading } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { submitWith } from '../../lib/notify';
import { OrgForm } from './OrgForm';

/** `/orgs/new?parentId=`: adds an org under a parent (types limited to what that parent may have). */
export default function OrgCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const { parentId } = useSearch({ from: '/app/orgs/new' });
  const parent = useOrg(parentId ?? null);
  const save = useSaveOrg(null);

  if (parentId && parent.error) return <ErrorState error={parent.error} />;
  if (parentId && !parent.data) return <Loading />;
  if (parent.data && !parent.data.can.createChild) return <Forbidden />;
  const allowed = parent.data ? ALLOWED_CHILDREN[parent.data.type] : (['province_department'] as const);

  return (
    <>
      <PageHeader
        title={t('orgForm.createTitle')}
        subtitle={<Text size="sm">{`${t('orgForm.parent')}: ${parent.data?.name ?? t('orgForm.noParent')}`}</Text>}
      />
      <OrgForm
        parentId={parentId ?? null}
        allowedTypes={allowed}
        saving={save.isPending}
        onCancel={() => (parentId ? navigate({ to: '/orgs/$orgId', params: { orgId: parentId } }) : navigate({ to: '/orgs' }))}
        onSubmit={submitWith(save, t, t('orgForm.created'), (org) => navigate({ to: '/orgs/$orgId', params: { orgId: org.id } }))}
      />
    </>
  );
}
