import { IconFileAnalytics, IconTable } from '@tabler/icons-react';
import { useReportOwnerCan } from '../../api/reports';
import { ButtonLink } from '../../components/links';
import { useT } from '../../i18n/context';

/** The "Báo cáo" (and, for an org, "Tổng hợp báo cáo") buttons on a network's or org's page, for those allowed. */
export function ReportsLink({ networkId, orgId }: { networkId?: string; orgId?: string }) {
  const t = useT();
  const can = useReportOwnerCan({ networkId, orgId });
  return (
    <>
      {(can.data?.read || can.data?.draft) && (
        <ButtonLink
          to="/reports"
          search={{ networkId, orgId }}
          variant="default"
          leftSection={<IconFileAnalytics size={16} />}
          data-testid="reports-link"
        >
          {t('reports.link')}
        </ButtonLink>
      )}
      {orgId && can.data?.rollup && (
        <ButtonLink
          to="/reports/rollup"
          search={{ orgId }}
          variant="default"
          leftSection={<IconTable size={16} />}
          data-testid="rollup-link"
        >
          {t('reports.rollupLink')}
        </ButtonLink>
      )}
    </>
  );
}
