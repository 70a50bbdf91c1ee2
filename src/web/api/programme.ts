import type { AssignmentInput, AssignmentView, LinkableMeeting, ProgrammeCan } from '@shared/programme';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export interface AssignmentFilter {
  schoolYearId?: string | null;
  level?: string | null;
  month?: string | null;
}

/** Assignments of the province programme the user may read. */
export function useAssignments(filter: AssignmentFilter, enabled = true) {
  return useQuery({
    queryKey: ['programme', 'list', filter],
    queryFn: ({ signal }) => api<AssignmentView[]>('/assignments', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The province departments where the user writes assignments and inspections. */
export function useProgrammeCan() {
  return useQuery({ queryKey: ['programme', 'can'], queryFn: () => api<ProgrammeCan>('/programme/can'), staleTime: 60_000 });
}

/** Meetings of the assigned unit that may be linked. */
export function useLinkableMeetings(id: string | null) {
  return useQuery({
    queryKey: ['programme', 'linkable', id],
    queryFn: () => api<LinkableMeeting[]>(`/assignments/${id}/meetings`),
    enabled: Boolean(id),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['programme'] });
}

/** Adds an assignment. */
export function useCreateAssignment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AssignmentInput) => api<AssignmentView>('/assignments', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/** Deletes an assignment. */
export function useDeleteAssignment() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api<void>(`/assignments/${id}`, { method: 'DELETE' }), onSuccess: invalidate });
}

/** Links (or unlinks) the meeting that fulfils an assignment. */
export function useLinkMeeting() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; meetingId: string | null }) =>
      api<AssignmentView>(`/assignments/${v.id}/meeting`, { method: 'PUT', body: { meetingId: v.meetingId } }),
    onSuccess: invalidate,
  });
}

/** Creates the unit's meeting prefilled from the assignment and links it. */
export function useCreateAssignmentMeeting() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ meetingId: string; assignment: AssignmentView }>(`/assignments/${id}/meeting`, { method: 'POST', body: {} }),
    onSuccess: invalidate,
  });
}
