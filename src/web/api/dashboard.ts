import type { ComplianceView, DashboardTable } from '@shared/dashboard';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from './client';

export interface DashboardFilter {
  orgId?: string;
  networkId?: string;
  date?: string;
  /** The header's school year: the dashboard looks at it (today inside it, else its nearest end). */
  schoolYearId?: string;
}

/** The compliance dashboard of an office or a network (default: the user's own). */
export function useCompliance(filter: DashboardFilter, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['dashboard', 'compliance', filter],
    queryFn: ({ signal }) => api<ComplianceView>('/dashboard/compliance', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The download address of one table as XLSX. */
export function complianceXlsxUrl(table: DashboardTable, filter: DashboardFilter): string {
  return apiUrl(`/dashboard/compliance/${table}.xlsx`, { ...filter });
}
