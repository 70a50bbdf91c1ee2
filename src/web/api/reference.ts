import type { SchoolYearInput } from '@shared/schemas';
import type { HomeData, SchoolYear, Subject } from '@shared/types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** All school years, newest first. */
export function useSchoolYears(enabled = true) {
  return useQuery({ queryKey: ['school-years'], queryFn: () => api<SchoolYear[]>('/school-years'), staleTime: 10 * 60_000, enabled });
}

/** All subjects. */
export function useSubjects() {
  return useQuery({ queryKey: ['subjects'], queryFn: () => api<Subject[]>('/subjects'), staleTime: 30 * 60_000 });
}

/** Creates (no id) or updates a school year. */
export function useSaveSchoolYear(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SchoolYearInput) =>
      id
        ? api<SchoolYear>(`/school-years/${id}`, { method: 'PUT', body: input })
        : api<SchoolYear>('/school-years', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['school-years'] }),
  });
}

/** The home page data for a school year. */
export function useHome(schoolYearId: string | null) {
  return useQuery({
    queryKey: ['home', schoolYearId],
    queryFn: () => api<HomeData>('/home', { query: { schoolYearId } }),
  });
}
