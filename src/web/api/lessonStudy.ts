import type {
  AnalysisInput,
  AnalysisView,
  CompareView,
  LessonPlanInput,
  LessonStudyView,
  NoteInput,
  NoteView,
  SeatLayout,
} from '@shared/lessonStudy';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';

/** The lesson study of a meeting. */
export function useLessonStudy(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: ['lessonStudy', meetingId],
    queryFn: () => api<LessonStudyView>(`/lesson-study/${meetingId}`),
    enabled,
    retry: false,
  });
}

/** Word-level comparison of two lesson-plan versions (default: first and latest). */
export function useCompare(meetingId: string, q: { from?: string; to?: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['lessonStudy', meetingId, 'compare', q],
    queryFn: () => api<CompareView>(`/lesson-study/${meetingId}/compare`, { query: q }),
    enabled,
  });
}

export type StudyAction =
  | { kind: 'step'; step: number }
  | { kind: 'layout'; layout: SeatLayout | null }
  | { kind: 'version'; body: LessonPlanInput }
  | { kind: 'comment'; versionId: string; body: string }
  | { kind: 'analysis'; body: AnalysisInput }
  | { kind: 'toMinutes' };

/** Every change to a lesson study; refreshes the study, its comparison and the minutes. */
export function useStudyAction(meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: StudyAction) => {
      const base = `/lesson-study/${meetingId}`;
      switch (a.kind) {
        case 'step':
          return api<unknown>(`${base}/step`, { method: 'PUT', body: { step: a.step } });
        case 'layout':
          return api<unknown>(`${base}/layout`, { method: 'PUT', body: { layout: a.layout } });
        case 'version':
          return api<unknown>(`${base}/versions`, { method: 'POST', body: a.body });
        case 'comment':
          return api<unknown>(`/lesson-study/versions/${a.versionId}/comments`, { method: 'POST', body: { body: a.body } });
        case 'analysis':
          return api<unknown>(`${base}/analysis`, { method: 'PUT', body: a.body });
        case 'toMinutes':
          return api<unknown>(`${base}/analysis/to-minutes`, { method: 'POST' });
      }
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['lessonStudy', meetingId] });
      qc.invalidateQueries({ queryKey: ['observations', meetingId] });
      qc.invalidateQueries({ queryKey: ['minutes'] });
    },
  });
}

/** Uploads a lesson-plan version as a file (pdf, docx). */
export function useUploadVersion(meetingId: string, csrf: () => string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const data = new FormData();
      data.append('file', file);
      const res = await fetch(`/api/lesson-study/${meetingId}/versions/file`, {
        method: 'POST',
        body: data,
        credentials: 'same-origin',
        headers: { 'x-csrf-token': csrf() ?? '' },
      });
      if (!res.ok) {
        const body = await res.json().catch(() => ({ code: `HTTP_${res.status}`, message: '', fields: [] }));
        throw new ApiError(res.status, { ...body, fields: body.fields ?? [] });
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['lessonStudy', meetingId] }),
  });
}

/** The post-lesson analysis: shared notes, seat counts, seating map. */
export function useObservationAnalysis(meetingId: string) {
  return useQuery({
    queryKey: ['observations', meetingId, 'analysis'],
    queryFn: () => api<AnalysisView>(`/observations/${meetingId}/analysis`),
    refetchInterval: 20_000,
  });
}

/** My notes of a lesson, as the server has them. */
export function useMyNotes(meetingId: string) {
  return useQuery({
    queryKey: ['observations', meetingId, 'mine'],
    queryFn: () => api<NoteView[]>(`/observations/${meetingId}/mine`),
    retry: false,
  });
}

/** Sends one note (create or update by its id). */
export function putNote(id: string, body: NoteInput): Promise<NoteView> {
  return api<NoteView>(`/observation-notes/${id}`, { method: 'PUT', body });
}

/** Sends a note's photo. */
export async function putPhoto(id: string, photo: Blob, name: string, csrf: string): Promise<void> {
  const data = new FormData();
  data.append('photo', photo, name);
  let res: Response;
  try {
    res = await fetch(`/api/observation-notes/${id}/photo`, {
      method: 'PUT',
      body: data,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrf },
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '', fields: [] });
  }
  if (!res.ok) {
    const body = await res.json().catch(() => ({ code: `HTTP_${res.status}`, message: '', fields: [] }));
    throw new ApiError(res.status, { ...body, fields: body.fields ?? [] });
  }
}

/** Shares one note, or all my notes of the lesson. */
export function shareNotes(target: { noteId: string } | { meetingId: string }): Promise<{ shared: number }> {
  return 'noteId' in target
    ? api(`/observation-notes/${target.noteId}/share`, { method: 'POST' })
    : api(`/observations/${target.meetingId}/share`, { method: 'POST' });
}

/** Deletes my note, or only its photo. */
export function deleteNote(id: string, onlyPhoto = false): Promise<void> {
  return api<void>(`/observation-notes/${id}${onlyPhoto ? '/photo' : ''}`, { method: 'DELETE' });
}
