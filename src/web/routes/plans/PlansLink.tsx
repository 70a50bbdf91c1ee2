import { IconClipboardList } from '@tabler/icons-react';
import { usePlanOwnerCan } from '../../api/plans';
import { ButtonLink } from '../../components/links';
import { useT } from '../../i18n/context';

/** The "Kế hoạch SHCM" button on a network's or org's page, shown only to those who may read its plans. */
export function PlansLink({ networkId, orgId }: { networkId?: string; orgId?: string }) {
  const t = useT();
  const can = usePlanOwnerCan({ networkId, orgId });
  if (!can.data?.read) return null;
  return (
    <ButtonLink
      to="/plans"
      search={{ networkId, orgId }}
      variant="default"
      leftSection={<IconClipboardList size={16} />}
      data-testid="plans-link"
    >
      {t('plans.link')}
    </ButtonLink>
  );
}
