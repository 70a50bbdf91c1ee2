import type { MinutesTextInput, MinutesVerification, MinutesView } from '@shared/minutes';
import type { VenueSignInput } from '@shared/venueSigning';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The minutes of a meeting (a prefilled draft view when nothing was saved). */
export function useMinutes(meetingId: string) {
  return useQuery({
    queryKey: ['minutes', meetingId],
    queryFn: ({ signal }) => api<MinutesView>(`/meetings/${meetingId}/minutes`, { signal }),
  });
}

/** Checks the stored hash against the stored text and every signature. */
export function useVerifyMinutes(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['minutes', meetingId, 'verify'],
    queryFn: ({ signal }) => api<MinutesVerification>(`/meetings/${meetingId}/minutes/verify`, { signal }),
    enabled,
  });
}

type Action =
  | { kind: 'save'; body: MinutesTextInput }
  | { kind: 'start-signing' }
  | { kind: 'sign' }
  | { kind: 'venue-sign'; body: VenueSignInput }
  | { kind: 'addendum'; content: string }
  | { kind: 'sign-addendum'; addendumId: string };

/** Every write on the minutes; each answers with the fresh view. */
export function useMinutesAction(meetingId: string) {
  const qc = useQueryClient();
  const base = `/meetings/${meetingId}/minutes`;
  return useMutation({
    mutationFn: (a: Action) => {
      switch (a.kind) {
        case 'save':
          return api<MinutesView>(base, { method: 'PUT', body: a.body });
        case 'start-signing':
          return api<MinutesView>(`${base}/start-signing`, { method: 'POST' });
        case 'sign':
          return api<MinutesView>(`${base}/sign`, { method: 'POST' });
        case 'venue-sign':
          return api<MinutesView>(`${base}/venue-sign`, { method: 'POST', body: a.body });
        case 'addendum':
          return api<MinutesView>(`${base}/addenda`, { method: 'POST', body: { content: a.content } });
        case 'sign-addendum':
          return api<MinutesView>(`${base}/addenda/${a.addendumId}/sign`, { method: 'POST' });
      }
    },
    onSuccess: (view) => {
      qc.setQueryData(['minutes', meetingId], view);
      qc.invalidateQueries({ queryKey: ['minutes', meetingId, 'verify'] });
    },
  });
}
