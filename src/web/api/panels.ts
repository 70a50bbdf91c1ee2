import type { PanelEntryInput, PanelEventInput, PanelEventSummary, PanelEventView, PanelScoreInput } from '@shared/panels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** Events the user may read. */
export function usePanels() {
  return useQuery({ queryKey: ['panels', 'list'], queryFn: () => api<PanelEventSummary[]>('/panels') });
}

/** One event with entries, the user's scores and the ranking when allowed. */
export function usePanel(id: string) {
  return useQuery({ queryKey: ['panels', 'detail', id], queryFn: () => api<PanelEventView>(`/panels/${id}`) });
}

/** The stated tie-break rule. */
export function useTieBreak() {
  return useQuery({ queryKey: ['panels', 'tie-break'], queryFn: () => api<{ rule: string }>('/panels/tie-break'), staleTime: Infinity });
}

/** Creates an event. */
export function useCreatePanel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PanelEventInput) => api<PanelEventView>('/panels', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['panels', 'list'] }),
  });
}

/** Submits the member's score of one entry; then the page shows the new state. */
export function useScoreEntry(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { entryId: string; body: PanelScoreInput }) =>
      api<PanelEventView>(`/panels/${eventId}/entries/${a.entryId}/score`, { method: 'PUT', body: a.body }),
    onSuccess: (v) => qc.setQueryData(['panels', 'detail', eventId], v),
  });
}

/** The head's selection of the teams that go on. */
export function useSelectEntries(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entryIds: string[]) => api<PanelEventView>(`/panels/${eventId}/selection`, { method: 'POST', body: { entryIds } }),
    onSuccess: (v) => qc.setQueryData(['panels', 'detail', eventId], v),
  });
}

/** A team submits (or, before the deadline and any score, replaces) its dossier and video report. */
export function useSubmitEntry(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PanelEntryInput) => api<PanelEventView>(`/panels/${eventId}/entries`, { method: 'POST', body }),
    onSuccess: (v) => {
      qc.setQueryData(['panels', 'detail', eventId], v);
      qc.invalidateQueries({ queryKey: ['panels', 'list'] });
    },
  });
}
