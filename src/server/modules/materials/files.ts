import type { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import { labelOf } from '../../../shared/labels';
import { type MaterialFields, materialFields } from '../../../shared/materials';
import { AppError, type FieldError, fieldError } from '../../lib/errors';
import { putContent } from '../../lib/files/content';
import { type FileStore, libraryKey, sharedKey } from '../../lib/files/store';
import { readWithinLimit } from '../../lib/upload';
import { checkFile } from '../meetings/attachments';

/**
 * The library keeps its own copy of each file under the store keys library/files/<xx>/<sha256> (same writer and checks
 * as meeting attachments), so deleting a meeting attachment never removes a published material, and vice versa.
 */
/** Zod issues of the form fields → field errors with Vietnamese labels. */
function toFields(issues: Array<{ path: PropertyKey[]; code: string }>): FieldError[] {
  return issues.map((i) => {
    const field = i.path.map(String).join('.');
    const label = `«${labelOf(field)}»`;
    return { field, message: i.code === 'invalid_type' ? `${label} là bắt buộc` : `${label} không hợp lệ` };
  });
}

/** Validates the form fields sent with a file (before the file part). */
export function parseFields(raw: Record<string, unknown>): MaterialFields {
  const parsed = materialFields.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === '' ? null : v])));
  if (!parsed.success) throw new AppError('VALIDATION', { fields: toFields(parsed.error.issues) });
  return parsed.data;
}

/** The string values of the multipart fields that came before the file. */
export function fieldValues(file: MultipartFile): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(file.fields)) {
    const one = Array.isArray(v) ? v[0] : v;
    if (one && one.type === 'field' && name !== 'file') out[name] = String(one.value);
  }
  return out;
}

/** Reads the uploaded file within the size limit and checks its type; nothing is stored yet. */
export async function readUpload(file: MultipartFile | undefined, limitBytes: number) {
  if (file?.fieldname !== 'file') throw fieldError('file', 'Chưa chọn tệp học liệu (trường «file»)');
  let data: Buffer;
  try {
    data = await readWithinLimit(file);
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    const max = Math.round(limitBytes / 1_048_576) || 1;
    throw new AppError('FILE_TOO_LARGE', {
      params: { max },
      fields: [{ field: 'file', message: `Tệp «${file.filename}» quá lớn: tối đa ${max} MB` }],
    });
  }
  return { fileName: file.filename, data, mimeType: checkFile(file.filename, data) };
}

/** Stores the bytes (a buffer, or a stream of another stored file) in the library; returns hash, key and size. */
export async function storeMaterialFile(store: FileStore, data: Buffer | Readable) {
  const { sha256, storageKey, size } = await putContent(store, 'library/files', data);
  return { sha256, storageKey, size };
}

/** Removes a stored file (when no row uses it any more). */
export async function removeMaterialFile(store: FileStore, storageKey: string): Promise<void> {
  await store.delete(libraryKey(storageKey));
}

/** A stream of a meeting attachment's stored file (for publishing it). */
export async function readAttachmentFile(store: FileStore, storageKey: string): Promise<Readable> {
  return store.get(sharedKey(storageKey));
}
