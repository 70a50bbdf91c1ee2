import type { SigningPinInput, SigningPinStatus } from '@shared/venueSigning';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const key = ['signing-pin'] as const;

/** Whether the logged-in person has a signing PIN. */
export function useSigningPin() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => api<SigningPinStatus>('/auth/signing-pin', { signal }) });
}

/** Sets (a PIN) or removes (null) the logged-in person's own signing PIN. */
export function useSaveSigningPin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SigningPinInput | null) =>
      input
        ? api<SigningPinStatus>('/auth/signing-pin', { method: 'PUT', body: input })
        : api<SigningPinStatus>('/auth/signing-pin', { method: 'DELETE' }),
    onSuccess: (status) => qc.setQueryData(key, status),
  });
}
