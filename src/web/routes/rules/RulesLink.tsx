import { OFFICE_TYPES, type OrgType } from '@shared/enums';
import { IconGavel } from '@tabler/icons-react';
import { ButtonLink } from '../../components/links';
import { useT } from '../../i18n/context';

/** The "Quy định SHCM" button on an office's page (Sở, Phòng, UBND xã/phường). */
export function RulesLink({ orgId, orgType }: { orgId: string; orgType: OrgType }) {
  const t = useT();
  if (!OFFICE_TYPES.includes(orgType)) return null;
  return (
    <ButtonLink to="/rules" search={{ orgId }} variant="default" leftSection={<IconGavel size={16} />} data-testid="rules-link">
      {t('rules.link')}
    </ButtonLink>
  );
}
