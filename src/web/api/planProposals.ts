import type { PlanCopyForwardInput, PlanProposal, PlanProposalCreateInput } from '@shared/planProposals';
import type { PlanDetail } from '@shared/types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** The meetings the rules require of a network in a term (its next term when none is chosen; `count` when the rules ask none). */
export function usePlanProposal(networkId: string | undefined, termId: string | undefined, count?: number) {
  return useQuery({
    queryKey: ['plan-proposals', networkId, termId ?? null, count ?? null],
    queryFn: () => api<PlanProposal>('/plan-proposals', { query: { networkId, termId, count } }),
    enabled: Boolean(networkId),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Creates a draft plan from the confirmed proposal. */
export function useCreateFromProposal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanProposalCreateInput) => api<PlanDetail>('/plan-proposals', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['plans'] }),
  });
}

/** Copies a plan into a later term or school year as a new draft. */
export function useCopyPlanForward(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanCopyForwardInput) => api<PlanDetail>(`/plans/${planId}/copy-forward`, { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['plans'] }),
  });
}
