import type { AttendanceBatchInput, AttendanceSheet, AttendanceSummary, CheckinCode, CheckinPreview, CheckinResult } from '@shared/minutes';
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

/** Fetch a new code this long after the old one leaves the screen, so the server surely is in the next window. */
const ROTATE_MARGIN_MS = 300;

/** The QR check-in link (secretary, chair): fetched again as each 30-second code ends, even in a background tab. */
export function useCheckinCode(meetingId: string) {
  return useQuery({
    queryKey: ['attendance', meetingId, 'checkin-code'],
    queryFn: ({ signal }) => api<CheckinCode>(`/meetings/${meetingId}/checkin-code`, { signal }),
    refetchInterval: (query) => (query.state.data ? query.state.data.refreshInMs + ROTATE_MARGIN_MS : false),
    refetchIntervalInBackground: true,
  });
}

/** The meeting a scanned code belongs to (refused once the code is old). */
export function useCheckinPreview(meetingId: string, code: string) {
  return useQuery({
    queryKey: ['checkin', meetingId, code],
    queryFn: ({ signal }) => api<CheckinPreview>(`/checkin/${meetingId}/${encodeURIComponent(code)}`, { signal }),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** The teacher's check-in with the scanned code. */
export function useCheckin(meetingId: string, code: string) {
  return useMutation({
    mutationFn: () => api<CheckinResult>(`/checkin/${meetingId}/${encodeURIComponent(code)}`, { method: 'POST' }),
  });
}
