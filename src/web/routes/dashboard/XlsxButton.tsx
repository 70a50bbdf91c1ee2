import { Button } from '@mantine/core';
import type { DashboardTable } from '@shared/dashboard';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { complianceXlsxUrl, type DashboardFilter } from '../../api/dashboard';
import { useT } from '../../i18n/context';

/** "Tải XLSX" of one dashboard table (a plain download link). */
export function XlsxButton({ table, filter, name }: { table: DashboardTable; filter: DashboardFilter; name: string }) {
  const t = useT();
  return (
    <Button
      component="a"
      href={complianceXlsxUrl(table, filter)}
      download
      variant="default"
      size="xs"
      leftSection={<IconFileSpreadsheet size={16} />}
      aria-label={t('dashboard.xlsxOf', { name })}
      data-testid={`dashboard-xlsx-${table}`}
    >
      {t('dashboard.xlsx')}
    </Button>
  );
}
