import type { NetworkKind } from '@shared/enums';
import type { NetworkInput, NetworkRollOverInput } from '@shared/schemas';
import type { NetworkDetail, NetworkSummary } from '@shared/types';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export interface NetworkFilter {
  schoolYearId?: string | null;
  kind?: NetworkKind | null;
  orgId?: string;
  q?: string;
}

/** Networks matching the filter. */
export function useNetworks(filter: NetworkFilter, enabled = true) {
  return useQuery({
    queryKey: ['networks', 'list', filter],
    queryFn: ({ signal }) => api<NetworkSummary[]>('/networks', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One network with members and leaders. */
export function useNetwork(id: string | null) {
  return useQuery({ queryKey: ['networks', 'detail', id], queryFn: () => api<NetworkDetail>(`/networks/${id}`), enabled: Boolean(id) });
}

/** Creates (no id) or updates a network. */
export function useSaveNetwork(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NetworkInput) =>
      id
        ? api<NetworkDetail>(`/networks/${id}`, { method: 'PUT', body: input })
        : api<NetworkDetail>('/networks', { method: 'POST', body: input }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['networks'] });
      qc.invalidateQueries({ queryKey: ['home'] });
      qc.invalidateQueries({ queryKey: ['orgs', 'detail'] });
    },
  });
}

/** Deletes a network. */
export function useDeleteNetwork(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/networks/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['networks'] });
      qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

/** Forms the same network for another school year (rotating leadership passes on). */
export function useRollOverNetwork(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NetworkRollOverInput) => api<NetworkDetail>(`/networks/${id}/roll-over`, { method: 'POST', body: input }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['networks'] });
      qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}
