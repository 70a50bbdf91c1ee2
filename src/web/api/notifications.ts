import type { NotificationPreferencesInput, NotificationPreferencesView, OutboxItemView } from '@shared/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

const prefsKey = ['notifications', 'preferences'] as const;

/** The logged-in person's notification preferences. */
export function useNotificationPreferences() {
  return useQuery({ queryKey: prefsKey, queryFn: () => api<NotificationPreferencesView>('/notifications/preferences') });
}

/** Saves the logged-in person's notification preferences. */
export function useSaveNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationPreferencesInput) =>
      api<NotificationPreferencesView>('/notifications/preferences', { method: 'PUT', body: input }),
    onSuccess: (view) => qc.setQueryData(prefsKey, view),
  });
}

/** The e-mail outbox of one status (admins). */
export function useOutbox(status: OutboxItemView['status']) {
  return useQuery({
    queryKey: ['notifications', 'outbox', status],
    queryFn: () => api<OutboxItemView[]>('/notifications/outbox', { query: { status } }),
  });
}

/** Puts a failed e-mail back in the queue (admins). */
export function useRetryOutbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/notifications/outbox/${id}/retry`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications', 'outbox'] }),
  });
}
