import type { ImportJob } from '@shared/types';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

export type ImportKind = ImportJob['kind'];

/** The URL of a template file to download. */
export function templateUrl(kind: ImportKind, format: 'xlsx' | 'csv'): string {
  return `/api/imports/templates/${kind}?format=${format}`;
}

/**
 * Uploads an import file with XHR (fetch cannot report upload progress); resolves with the created job.
 * Rejects with an ApiError carrying the server's Vietnamese message (400 bad file, 413 too large, 403…).
 */
export function uploadImport(kind: ImportKind, file: File, csrfToken: string, onProgress: (percent: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?kind=${kind}`);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status === 202 || xhr.status === 200) resolve(body as ImportJob);
      else {
        const b = body as { code?: string; message?: string; fields?: Array<{ field: string; message: string }> } | null;
        reject(new ApiError(xhr.status, { code: b?.code ?? `HTTP_${xhr.status}`, message: b?.message ?? '', fields: b?.fields ?? [] }));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'NETWORK', message: '', fields: [] }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Polls a job every 500 ms until it is done or failed. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api<ImportJob>(`/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' ? false : 500;
    },
  });
}
