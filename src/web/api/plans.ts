import type { PlanStatus } from '@shared/enums';
import type { PlanSchedulePreview, PlanScheduleResult } from '@shared/planSchedule';
import type { PlanApproveInput, PlanInput, PlanItemStatusInput, PlanReturnInput, PlanUpdateInput } from '@shared/schemas';
import type { PlanDetail, PlanSummary } from '@shared/types';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export interface PlanFilter {
  schoolYearId?: string | null;
  status?: PlanStatus | null;
  networkId?: string;
  orgId?: string;
  reviewerOrgId?: string;
}

/** Plans the user may read, matching the filter. */
export function usePlans(filter: PlanFilter, enabled = true) {
  return useQuery({
    queryKey: ['plans', 'list', filter],
    queryFn: ({ signal }) => api<PlanSummary[]>('/plans', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One plan with items, history and `can`. */
export function usePlan(id: string | null) {
  return useQuery({ queryKey: ['plans', 'detail', id], queryFn: () => api<PlanDetail>(`/plans/${id}`), enabled: Boolean(id) });
}

/** Whether the user may read and draft plans of a network or an org. */
export function usePlanOwnerCan(owner: { networkId?: string; orgId?: string }) {
  return useQuery({
    queryKey: ['plans', 'can', owner],
    queryFn: () => api<{ read: boolean; draft: boolean }>('/plans/can', { query: owner }),
    enabled: Boolean(owner.networkId || owner.orgId),
    staleTime: 60_000,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['plans'] });
}

/** Creates a plan. */
export function useCreatePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PlanInput) => api<PlanDetail>('/plans', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/** Changes a draft or returned plan. */
export function useUpdatePlan(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PlanUpdateInput) => api<PlanDetail>(`/plans/${id}`, { method: 'PUT', body: input }),
    onSuccess: invalidate,
  });
}

/** Submit, return (with comment) or approve a plan. */
export function usePlanStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (
      step: { action: 'submit' } | { action: 'return'; body: PlanReturnInput } | { action: 'approve'; body: PlanApproveInput },
    ) => api<PlanDetail>(`/plans/${id}/${step.action}`, { method: 'POST', body: 'body' in step ? step.body : {} }),
    onSuccess: invalidate,
  });
}

/** Records whether an approved plan's item was held, moved or cancelled. */
export function useSetPlanItemStatus(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ itemId, ...body }: PlanItemStatusInput & { itemId: string }) =>
      api<PlanDetail>(`/plans/${id}/items/${itemId}/status`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** What "Lên lịch theo kế hoạch" would create now (read when the confirmation opens). */
export function usePlanSchedulePreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'schedule', id],
    queryFn: () => api<PlanSchedulePreview>(`/plans/${id}/schedule`),
    enabled,
    staleTime: 0,
  });
}

/** Creates the meetings of an approved plan's items that have none; the plan and the meeting lists are read again. */
export function useScheduleFromPlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<PlanScheduleResult>(`/plans/${id}/schedule`, { method: 'POST', body: {} }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['plans'] }), qc.invalidateQueries({ queryKey: ['meetings'] })]),
  });
}
