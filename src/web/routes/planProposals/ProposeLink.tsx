import { IconWand } from '@tabler/icons-react';
import { ButtonLink } from '../../components/links';
import { useT } from '../../i18n/context';

/** "Đề xuất theo quy định": opens the plan the rules require of a network, to confirm instead of type. */
export function ProposeLink({ networkId }: { networkId: string }) {
  const t = useT();
  return (
    <ButtonLink to="/plans/propose" search={{ networkId }} variant="light" leftSection={<IconWand size={16} />} data-testid="plan-propose">
      {t('planProposals.link')}
    </ButtonLink>
  );
}
