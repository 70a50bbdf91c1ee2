import type { TodoView } from '@shared/homeViews';
import type { MinutesView } from '@shared/minutes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

const todoKey = ['home', 'todo'] as const;

/** The logged-in person's "Việc cần làm" (GET /api/home/todo). */
export function useTodo() {
  return useQuery({ queryKey: todoKey, queryFn: ({ signal }) => api<TodoView>('/home/todo', { signal }) });
}

/** Signs a meeting's minutes in one tap through the minutes sign route; refreshes the list and the minutes. */
export function useSignMinutes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (meetingId: string) => api<MinutesView>(`/meetings/${meetingId}/minutes/sign`, { method: 'POST' }),
    onSuccess: (view) => {
      qc.setQueryData(['minutes', view.meetingId], view);
      qc.invalidateQueries({ queryKey: todoKey });
    },
  });
}
