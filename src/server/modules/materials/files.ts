import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import { labelOf } from '../../../shared/labels';
import { type MaterialFields, materialFields } from '../../../shared/materials';
import { AppError, type FieldError, fieldError } from '../../lib/errors';
import { readWithinLimit } from '../../lib/upload';
import { checkFile, storeFile } from '../meetings/attachments';

/**
 * The library keeps its own copy of each file under DATA_DIR/library/files/<xx>/<sha256> (same writer and checks as
 * meeting attachments), so deleting a meeting attachment never removes a published material, and vice versa.
 */
export function libraryDir(dataDir: string): string {
  return path.join(dataDir, 'library');
}

/** Absolute path of a stored material file. */
export function materialPath(dataDir: string, storageKey: string): string {
  return path.join(libraryDir(dataDir), 'files', storageKey);
}

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

/** Stores the bytes in the library; returns the hash and storage key. */
export async function storeMaterialFile(dataDir: string, data: Buffer) {
  const sha256 = await storeFile(libraryDir(dataDir), data);
  return { sha256, storageKey: `${sha256.slice(0, 2)}/${sha256}` };
}

/** Removes a stored file (when no row uses it any more). */
export async function removeMaterialFile(dataDir: string, storageKey: string): Promise<void> {
  await rm(materialPath(dataDir, storageKey), { force: true });
}

/** The bytes of a meeting attachment's stored file (for publishing it). */
export async function readAttachmentFile(dataDir: string, storageKey: string): Promise<Buffer> {
  return readFile(path.join(dataDir, 'files', storageKey));
}
