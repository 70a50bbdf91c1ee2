import type { ReportDetail, ReportInput, ReportSummary, ReportUpdateInput, Rollup } from '@shared/reports';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client';

/** Term and year reports (Mẫu 3) and roll-ups. */

export interface ReportFilter {
  schoolYearId?: string | null;
  networkId?: string;
  orgId?: string;
  reviewerOrgId?: string;
}

/** Reports the user may read, matching the filter. */
export function useReports(filter: ReportFilter, enabled = true) {
  return useQuery({
    queryKey: ['reports', 'list', filter],
    queryFn: ({ signal }) => api<ReportSummary[]>('/reports', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One report with results, photos, history and `can`. */
export function useReport(id: string | null) {
  return useQuery({ queryKey: ['reports', 'detail', id], queryFn: () => api<ReportDetail>(`/reports/${id}`), enabled: Boolean(id) });
}

/** Whether the user may read and draft reports of a network or an org, and read the org's roll-up. */
export function useReportOwnerCan(owner: { networkId?: string; orgId?: string }) {
  return useQuery({
    queryKey: ['reports', 'can', owner],
    queryFn: () => api<{ read: boolean; draft: boolean; rollup: boolean }>('/reports/can', { query: owner }),
    enabled: Boolean(owner.networkId || owner.orgId),
    staleTime: 60_000,
  });
}

/** The roll-up of an org for a term (1, 2) or the year (null). */
export function useRollup(q: { orgId: string; schoolYearId: string | null; termNumber: 1 | 2 | null }) {
  return useQuery({
    queryKey: ['reports', 'rollup', q],
    queryFn: ({ signal }) =>
      api<Rollup>('/reports/rollup', { query: { orgId: q.orgId, schoolYearId: q.schoolYearId, termNumber: q.termNumber }, signal }),
    enabled: Boolean(q.schoolYearId),
    placeholderData: keepPreviousData,
  });
}

/** Download addresses of the roll-up (DOCX, XLSX). */
export function rollupUrl(format: 'docx' | 'xlsx', q: { orgId: string; schoolYearId: string; termNumber: 1 | 2 | null }): string {
  return apiUrl(`/reports/rollup.${format}`, q);
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['reports'] });
}

/** Creates a report. */
export function useCreateReport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ReportInput) => api<ReportDetail>('/reports', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/** Saves the typed parts of a draft or returned report. */
export function useUpdateReport(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ReportUpdateInput) => api<ReportDetail>(`/reports/${id}`, { method: 'PUT', body: input }),
    onSuccess: invalidate,
  });
}

/** Submit, return (with a comment) or accept a report. */
export function useReportStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (step: { action: 'submit' } | { action: 'return'; comment: string } | { action: 'accept'; comment?: string }) =>
      api<ReportDetail>(`/reports/${id}/${step.action}`, {
        method: 'POST',
        body: step.action === 'submit' ? {} : { comment: step.comment || null },
      }),
    onSuccess: invalidate,
  });
}
