import type { InspectionAreaInput, InspectionAreaView, InspectionInput, InspectionRecordInput, InspectionView } from '@shared/inspections';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';

/** The inspection plan (Phụ lục II) of a school year. */
export function useInspectionAreas(schoolYearId: string | null) {
  return useQuery({
    queryKey: ['inspections', 'areas', schoolYearId],
    queryFn: () => api<InspectionAreaView[]>('/inspection-areas', { query: { schoolYearId } }),
    enabled: Boolean(schoolYearId),
  });
}

/** Inspections of a school year the user may read. */
export function useInspections(schoolYearId: string | null) {
  return useQuery({
    queryKey: ['inspections', 'list', schoolYearId],
    queryFn: () => api<InspectionView[]>('/inspections', { query: { schoolYearId } }),
    enabled: Boolean(schoolYearId),
  });
}

/** One inspection with its checklist and documents. */
export function useInspection(id: string) {
  return useQuery({ queryKey: ['inspections', 'detail', id], queryFn: () => api<InspectionView>(`/inspections/${id}`) });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['inspections'] });
}

/** Adds a row to the inspection plan. */
export function useCreateArea() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InspectionAreaInput) => api<{ id: string }>('/inspection-areas', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/** Plans the inspection of a unit. */
export function useCreateInspection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InspectionInput) => api<InspectionView>('/inspections', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/** Records the checklist, findings and recommendations. */
export function useRecordInspection(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: InspectionRecordInput) => api<InspectionView>(`/inspections/${id}/record`, { method: 'PUT', body: input }),
    onSuccess: invalidate,
  });
}

/** Sends a document of the inspected unit (multipart upload). */
export function useUploadInspectionDocument(id: string, csrf: () => string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (v: { file: File; kind: string }) => {
      const data = new FormData();
      data.append('file', v.file);
      const res = await fetch(`/api/inspections/${id}/documents?documentKind=${encodeURIComponent(v.kind)}`, {
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
    onSuccess: invalidate,
  });
}
