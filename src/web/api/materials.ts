import type { MaterialComment, MaterialCommentInput, MaterialPublishInput, MaterialsQuery, MaterialView } from '@shared/materials';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';

/** Materials the user may read, matching the search. */
export function useMaterials(q: MaterialsQuery) {
  return useQuery({
    queryKey: ['materials', 'list', q],
    queryFn: ({ signal }) => api<MaterialView[]>('/materials', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One material. */
export function useMaterial(id: string) {
  return useQuery({ queryKey: ['materials', 'detail', id], queryFn: () => api<MaterialView>(`/materials/${id}`) });
}

/** The comments of a material (time-coded for videos). */
export function useMaterialComments(id: string) {
  return useQuery({ queryKey: ['materials', 'comments', id], queryFn: () => api<MaterialComment[]>(`/materials/${id}/comments`) });
}

/** Adds a comment. */
export function useAddComment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MaterialCommentInput) => api<MaterialComment[]>(`/materials/${id}/comments`, { method: 'POST', body }),
    onSuccess: (rows) => qc.setQueryData(['materials', 'comments', id], rows),
  });
}

/** Uploads a file with its tags (fields first, then the file, as the API expects). */
export function useUploadMaterial(csrf: () => string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (a: { fields: Record<string, string | number | null | undefined>; file: File }) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(a.fields)) if (v !== null && v !== undefined && v !== '') data.append(k, String(v));
      data.append('file', a.file);
      const res = await fetch('/api/materials', {
        method: 'POST',
        body: data,
        credentials: 'same-origin',
        headers: { 'x-csrf-token': csrf() ?? '' },
      });
      const body = await res.json().catch(() => ({ code: `HTTP_${res.status}`, message: '', fields: [] }));
      if (!res.ok) throw new ApiError(res.status, { ...body, fields: body.fields ?? [] });
      return body as MaterialView;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['materials', 'list'] }),
  });
}

/** Deletes a material. */
export function useDeleteMaterial() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/materials/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['materials'] }),
  });
}

/** Copies a meeting attachment into the library with its tags. */
export function usePublishAttachment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MaterialPublishInput) => api<MaterialView>('/materials/publish', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['materials', 'list'] }),
  });
}
