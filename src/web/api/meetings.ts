import type {
  ChatLinksInput,
  ChatLinkView,
  InvitationRuleInput,
  InviteByNameInput,
  MeetingCreateInput,
  MeetingDetail,
  MeetingReasonInput,
  MeetingSummary,
  MeetingsQuery,
  MeetingUpdateInput,
  MinePage,
  NotificationList,
} from '@shared/meetings';
import type { RulePreview } from '@shared/meetingViews';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, api } from './client';

/** Meetings of the schedule matching the filters. */
export function useMeetings(q: Partial<MeetingsQuery>, enabled = true) {
  return useQuery({
    queryKey: ['meetings', 'list', q],
    queryFn: ({ signal }) => api<MeetingSummary[]>('/meetings', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** "My meetings", every one at once (the pickers of materials and dossiers; the page reads by pages). */
export function useMyMeetings(q: { from?: string; to?: string } = {}) {
  return useQuery({
    queryKey: ['meetings', 'mine', 'all', q],
    queryFn: ({ signal }) => api<MeetingSummary[]>('/meetings/mine', { query: q, signal }),
  });
}

/** Lines per page of "Lịch của tôi". */
export const MINE_PAGE_SIZE = 20;

/**
 * One list of "Lịch của tôi" a page at a time: upcoming meetings (ending on `date` or later) soonest first, or past
 * ones latest first. Shared by the page and its route, which starts the first pages while the page's code loads.
 */
export function myMeetingPagesQuery(period: 'upcoming' | 'past', date: string) {
  return infiniteQueryOptions({
    queryKey: ['meetings', 'mine', period, date],
    queryFn: ({ pageParam, signal }) =>
      api<MinePage>(`/meetings/mine/${period}`, {
        query: { date, limit: String(MINE_PAGE_SIZE), after: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** One list of "Lịch của tôi", page by page. */
export function useMyMeetingPages(period: 'upcoming' | 'past', date: string) {
  return useInfiniteQuery(myMeetingPagesQuery(period, date));
}

/** The query of one meeting in full (shared by the page and its route). */
export function meetingQuery(id: string | null) {
  return queryOptions({ queryKey: ['meetings', 'detail', id], queryFn: () => api<MeetingDetail>(`/meetings/${id}`) });
}

/** One meeting in full. */
export function useMeeting(id: string | null) {
  return useQuery({ ...meetingQuery(id), enabled: Boolean(id) });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['meetings'] });
    qc.invalidateQueries({ queryKey: ['notifications'] });
  };
}

/** Creates (no id) or changes a meeting. */
export function useSaveMeeting(id: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: MeetingCreateInput | MeetingUpdateInput) =>
      id
        ? api<MeetingDetail>(`/meetings/${id}`, { method: 'PUT', body: input })
        : api<MeetingDetail>('/meetings', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/** Status steps and other one-click actions on a meeting. */
export function useMeetingAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (
      a: { action: 'schedule' | 'held' } | { action: 'postpone' | 'cancel'; body: MeetingReasonInput } | { action: 'delete' },
    ) =>
      a.action === 'delete'
        ? api<void>(`/meetings/${id}`, { method: 'DELETE' })
        : api<unknown>(`/meetings/${id}/${a.action}`, { method: 'POST', body: 'body' in a ? a.body : {} }),
    onSuccess: invalidate,
  });
}

/** Invites by rule or by name, removes an invitation or a rule, moves an invitee to a venue. */
export function useInvitations(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (
      a:
        | { kind: 'rule'; body: InvitationRuleInput }
        | { kind: 'names'; body: InviteByNameInput }
        | { kind: 'remove'; invitationId: string }
        | { kind: 'removeRule'; ruleId: string }
        | { kind: 'venue'; invitationId: string; venueId: string | null },
    ): Promise<unknown> => {
      switch (a.kind) {
        case 'rule':
          return api<{ added: number; matched: number }>(`/meetings/${id}/invitation-rules`, { method: 'POST', body: a.body });
        case 'names':
          return api<{ added: number }>(`/meetings/${id}/invitations`, { method: 'POST', body: a.body });
        case 'remove':
          return api<void>(`/meetings/${id}/invitations/${a.invitationId}`, { method: 'DELETE' });
        case 'removeRule':
          return api<void>(`/meetings/${id}/invitation-rules/${a.ruleId}`, { method: 'DELETE' });
        case 'venue':
          return api<void>(`/meetings/${id}/invitations/${a.invitationId}`, { method: 'PUT', body: { venueId: a.venueId } });
      }
    },
    onSuccess: invalidate,
  });
}

/** What a rule would do (nothing written): who it matches, the level filter, who is kept with an unknown level. */
export function useRulePreview(id: string, body: InvitationRuleInput | null) {
  return useQuery({
    queryKey: ['meetings', id, 'rule-preview', body],
    queryFn: ({ signal }) => api<RulePreview>(`/meetings/${id}/invitation-rules/preview`, { method: 'POST', body, signal }),
    placeholderData: keepPreviousData,
    enabled: body !== null,
    retry: false,
  });
}

/** Uploads one attachment (multipart) or deletes one. */
export function useAttachments(meetingId: string, csrf: () => string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (a: { file: File } | { deleteId: string }) => {
      if ('deleteId' in a) return api<void>(`/attachments/${a.deleteId}`, { method: 'DELETE' });
      const data = new FormData();
      data.append('file', a.file);
      const res = await fetch(`/api/meetings/${meetingId}/attachments`, {
        method: 'POST',
        body: data,
        credentials: 'same-origin',
        headers: { 'x-csrf-token': csrf() ?? '' },
      });
      if (!res.ok) {
        const body = await res.json().catch(() => ({ code: `HTTP_${res.status}`, message: '', fields: [] }));
        throw new ApiError(res.status, { ...body, fields: body.fields ?? [] });
      }
      return undefined;
    },
    onSuccess: invalidate,
  });
}

/** The secret iCal link of my meetings or of a network. */
export function useCalendarToken() {
  return useMutation({
    mutationFn: (body: { kind: 'person' | 'network'; networkId?: string; rotate?: boolean }) =>
      api<{ token: string; url: string }>('/calendar/tokens', { method: 'POST', body }),
  });
}

/** My notices and the unread count (polled every minute). */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api<NotificationList>('/notifications'),
    refetchInterval: 60_000,
  });
}

/** Marks one notice (or all) read. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      api<void>(id === 'all' ? '/notifications/read-all' : `/notifications/${id}/read`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

/** A network's chat-group links (Zalo…) per subject; null when the user may not read them. */
export function useChatLinks(networkId: string | null) {
  return useQuery({
    queryKey: ['chat-links', networkId],
    queryFn: async () => {
      try {
        return await api<{ links: ChatLinkView[]; can: { edit: boolean } }>(`/networks/${networkId}/chat-links`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 403) return null;
        throw e;
      }
    },
    enabled: Boolean(networkId),
  });
}

/** Replaces a network's chat links. */
export function useSaveChatLinks(networkId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChatLinksInput) => api<unknown>(`/networks/${networkId}/chat-links`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['chat-links', networkId] }),
  });
}
