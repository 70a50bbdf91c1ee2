import type { PreparationInput, PreparationView } from '@shared/preparation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** The plan and preparation report of an assignment's linked meeting (kept under the programme's query keys). */
export function usePreparation(assignmentId: string, enabled = true) {
  return useQuery({
    queryKey: ['programme', 'preparation', assignmentId],
    queryFn: () => api<PreparationView>(`/assignments/${assignmentId}/preparation`),
    enabled,
  });
}

/** The unit records that it sent its plan and preparation report to the Sở. */
export function useSubmitPreparation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { assignmentId: string } & PreparationInput) =>
      api<PreparationView>(`/assignments/${v.assignmentId}/preparation`, { method: 'POST', body: { notes: v.notes ?? null } }),
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: ['programme', 'preparation', v.assignmentId] }),
  });
}
