import type { OrgType } from '@shared/enums';
import type { OrgEnding } from '@shared/orgEnding';
import type { OrgInput, OrgParentInput } from '@shared/schemas';
import type { OrgDetail, OrgSummary, OrgTreeNode, PersonSummary } from '@shared/types';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';

/** The org tree as it stood on a date (flat, with parentId). */
export function useOrgTree(date: string | null) {
  return useQuery({
    queryKey: ['orgs', 'tree', date],
    queryFn: () => api<{ date: string; nodes: OrgTreeNode[] }>('/orgs/tree', { query: { date } }),
    placeholderData: keepPreviousData,
    enabled: date !== null,
  });
}

/** Searches orgs by name, ignoring diacritics; disabled for queries shorter than 2 characters. */
export function useOrgSearch(q: string, options: { type?: OrgType; date?: string | null; limit?: number } = {}) {
  const query = q.trim();
  return useQuery({
    queryKey: ['orgs', 'search', query, options.type, options.date, options.limit],
    queryFn: ({ signal }) =>
      api<OrgSummary[]>('/orgs/search', {
        query: { q: query, type: options.type, date: options.date, limit: options.limit ?? 20 },
        signal,
      }),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** One org as it stood on a date. */
export function useOrg(id: string | null, date?: string | null) {
  return useQuery({
    queryKey: ['orgs', 'detail', id, date],
    queryFn: async () => {
      try {
        return await api<OrgDetail>(`/orgs/${id}`, { query: { date } });
      } catch (error) {
        // An org that did not exist yet on that date (e.g. a commune before 1/7/2025): show it as it is today.
        if (date && error instanceof ApiError && error.status === 404) return api<OrgDetail>(`/orgs/${id}`);
        throw error;
      }
    },
    enabled: Boolean(id),
  });
}

/** The staff of an org (403 if the user may not see them). */
export function useOrgPeople(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['orgs', 'people', id], queryFn: () => api<PersonSummary[]>(`/orgs/${id}/people`), enabled });
}

/** Creates (no id) or updates an org. */
export function useSaveOrg(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgInput) =>
      id ? api<OrgDetail>(`/orgs/${id}`, { method: 'PUT', body: input }) : api<OrgDetail>('/orgs', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['orgs'] }),
  });
}

/** Re-parents an org from a date, keeping its history. */
export function useMoveOrg(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgParentInput) => api<OrgDetail>(`/orgs/${id}/move`, { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['orgs'] }),
  });
}

/** What ending an org on a day would leave pointing at it (children, networks, people, rules), with advice. */
export function useOrgEnding(id: string, validTo: string | null) {
  return useQuery({
    queryKey: ['orgs', 'ending', id, validTo],
    queryFn: () => api<OrgEnding>(`/orgs/${id}/ending`, { query: { validTo } }),
    enabled: Boolean(validTo),
  });
}
