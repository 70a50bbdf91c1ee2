import type { AccountInput } from '@shared/schemas';
import type { AccountRow, AuditRow, Paged } from '@shared/types';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** All accounts (admin only). */
export function useAccounts() {
  return useQuery({ queryKey: ['accounts'], queryFn: () => api<AccountRow[]>('/accounts') });
}

/** Creates an account for a person. */
export function useCreateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountInput) => api<AccountRow>('/accounts', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** Disables or enables an account. */
export function useSetAccountEnabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api<AccountRow>(`/accounts/${id}/${enabled ? 'enable' : 'disable'}`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  page: number;
}

/** A page of the audit log. */
export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api<Paged<AuditRow>>('/audit', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}
