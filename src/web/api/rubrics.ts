import type { Rubric, RubricInput } from '@shared/rubrics';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** Rubrics the user may read (presets first). */
export function useRubrics(purpose?: string) {
  return useQuery({ queryKey: ['rubrics', purpose ?? 'all'], queryFn: () => api<Rubric[]>('/rubrics', { query: { purpose } }) });
}

/** Creates (no id) or replaces an org's rubric. */
export function useSaveRubric(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RubricInput) =>
      id ? api<Rubric>(`/rubrics/${id}`, { method: 'PUT', body }) : api<Rubric>('/rubrics', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rubrics'] }),
  });
}
