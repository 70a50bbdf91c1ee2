import type { BridgeRuleInput, MeetingDetail, MeetingLinksInput } from '@shared/meetings';
import type { BridgePlanView, MeetingLinkList } from '@shared/meetingViews';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';

/** A network's online meeting links and the orgs its bridge points may be; null when the user may not read them. */
export function useMeetingLinks(networkId: string | null) {
  return useQuery({
    queryKey: ['meeting-links', networkId],
    queryFn: async () => {
      try {
        return await api<MeetingLinkList>(`/networks/${networkId}/meeting-links`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 403) return null;
        throw e;
      }
    },
    enabled: Boolean(networkId),
  });
}

/** Replaces a network's online meeting links. */
export function useSaveMeetingLinks(networkId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingLinksInput) => api<MeetingLinkList>(`/networks/${networkId}/meeting-links`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['meeting-links', networkId] }),
  });
}

/** The bridge-point rule: `preview` answers what it would change; otherwise applies it with the typed links. */
export function useBridgeRule(meetingId: string, networkId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BridgeRuleInput) =>
      api<{ result: BridgePlanView; meeting: MeetingDetail | null }>(`/meetings/${meetingId}/apply-bridge-rule`, { method: 'POST', body }),
    onSuccess: (_r, body) => {
      if (body.preview) return;
      qc.invalidateQueries({ queryKey: ['meetings'] });
      qc.invalidateQueries({ queryKey: ['meeting-links', networkId] });
    },
  });
}
