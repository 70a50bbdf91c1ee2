import type { Position } from '@shared/enums';
import type { PersonInput } from '@shared/schemas';
import type { Paged, PersonDetail, PersonSummary } from '@shared/types';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export interface PeopleFilter {
  q?: string;
  orgId?: string;
  position?: Position;
  subjectId?: string;
  meetingId?: string;
  hostOrgId?: string;
  networkId?: string;
  page?: number;
  pageSize?: number;
}

/** A page of people matching the filter. */
export function usePeople(filter: PeopleFilter, enabled = true) {
  return useQuery({
    queryKey: ['people', 'list', filter],
    queryFn: ({ signal }) => api<Paged<PersonSummary>>('/people', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One person with memberships. */
export function usePerson(id: string | null) {
  return useQuery({ queryKey: ['people', 'detail', id], queryFn: () => api<PersonDetail>(`/people/${id}`), enabled: Boolean(id) });
}

/** Creates (no id) or updates a person. */
export function useSavePerson(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) =>
      id
        ? api<PersonDetail>(`/people/${id}`, { method: 'PUT', body: input })
        : api<PersonDetail>('/people', { method: 'POST', body: input }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['people'] });
      qc.invalidateQueries({ queryKey: ['orgs', 'people'] });
    },
  });
}
