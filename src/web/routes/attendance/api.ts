import type { AttendanceBatchInput, AttendanceSheet, AttendanceSummary, CheckinCode, CheckinResult } from '@shared/minutes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The secretary's attendance sheet of a meeting. */
export function useAttendanceSheet(meetingId: string) {
  return useQuery({
    queryKey: ['attendance', meetingId],
    queryFn: ({ signal }) => api<AttendanceSheet>(`/meetings/${meetingId}/attendance`, { signal }),
  });
}

/** Counts per venue (read-only). */
export function useAttendanceSummary(meetingId: string, refetchInterval?: number) {
  return useQuery({
    queryKey: ['attendance', meetingId, 'summary'],
    queryFn: ({ signal }) => api<AttendanceSummary>(`/meetings/${meetingId}/attendance/summary`, { signal }),
    refetchInterval,
  });
}

/** Saves the whole sheet in one request. */
export function useSaveAttendance(meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AttendanceBatchInput) => api<AttendanceSheet>(`/meetings/${meetingId}/attendance`, { method: 'PUT', body: input }),
    onSuccess: (sheet) => {
      qc.setQueryData(['attendance', meetingId], sheet);
      qc.invalidateQueries({ queryKey: ['attendance', meetingId, 'summary'] });
      qc.invalidateQueries({ queryKey: ['minutes', meetingId] });
    },
  });
}

/** The QR check-in link (secretary, chair). */
export function useCheckinCode(meetingId: string) {
  return useQuery({
    queryKey: ['attendance', meetingId, 'checkin-code'],
    queryFn: ({ signal }) => api<CheckinCode>(`/meetings/${meetingId}/checkin-code`, { signal }),
  });
}

/** The teacher's check-in. */
export function useCheckin(meetingId: string, secret: string) {
  return useMutation({
    mutationFn: () => api<CheckinResult>(`/checkin/${meetingId}/${encodeURIComponent(secret)}`, { method: 'POST' }),
  });
}
