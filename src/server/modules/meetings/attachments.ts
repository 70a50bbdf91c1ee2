import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { assertMeetingRecordOpen } from '../minutes/recordGuard';
import { loadMeeting, loadReadable } from './access';
import * as fileRepo from './fileRepo';
import { authorize } from './policy';

/** Accepted attachment types: extension, MIME type and a check of the first bytes. */
const TYPES: Record<string, { mime: string; magic: (b: Buffer) => boolean }> = {
  jpg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  png: { mime: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  webp: {
    mime: 'image/webp',
    magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  pdf: { mime: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: (b) => isOoxml(b, 'word/') },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: (b) => isOoxml(b, 'xl/') },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: (b) => isOoxml(b, 'ppt/') },
  mp4: { mime: 'video/mp4', magic: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
};

/** An Office Open XML file: a ZIP holding entries under the given folder (names are stored in clear). */
function isOoxml(b: Buffer, folder: string): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 && b.includes(Buffer.from(folder, 'latin1'));
}

const ALLOWED = 'ảnh (jpg, png, webp), pdf, docx, xlsx, pptx, mp4';

/** Checks an uploaded file's extension and first bytes; returns its MIME type. */
export function checkFile(fileName: string, data: Buffer): string {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const type = TYPES[ext];
  if (!type) throw fieldError('file', `Tệp «${fileName}» không được nhận: chỉ nhận ${ALLOWED}`);
  if (data.length === 0) throw fieldError('file', `Tệp «${fileName}» rỗng`);
  if (!type.magic(data))
    throw fieldError('file', `Tệp «${fileName}» không đúng định dạng .${ext} (nội dung tệp không khớp với phần mở rộng)`);
  return type.mime;
}

/** Where a stored file lives: DATA_DIR/files/<first two hex of the sha256>/<sha256>. */
export function storedPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

/** 403 unless the actor may attach files to the meeting. */
export async function requireUpload(db: Executor, actor: Actor, meetingId: string): Promise<void> {
  const m = await loadMeeting(db, actor, meetingId);
  authorize(actor, 'upload', m.facts);
}

/** Errors of a full or over-quota disk: the upload is refused with a clear 507 instead of a 500. */
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * Writes the file under its hash: temp file, fsync, then rename, so no half-written file ever carries a final
 * name; on any error the temp file is removed. `created` says whether this call put the file there (a caller whose
 * row insert fails removes only a file it created, never one another record shares).
 */
export async function storeNewFile(dataDir: string, data: Buffer): Promise<{ sha256: string; created: boolean }> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const target = storedPath(dataDir, sha256);
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    const existed = await stat(target).then(
      (s) => s.size === data.length,
      () => false,
    );
    if (existed) return { sha256, created: false };
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    return { sha256, created: true };
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (NO_SPACE.has((error as NodeJS.ErrnoException).code ?? '')) throw new AppError('STORAGE_FULL');
    throw error;
  }
}

/** Writes the file (see storeNewFile) and returns its SHA-256. */
export async function storeFile(dataDir: string, data: Buffer): Promise<string> {
  return (await storeNewFile(dataDir, data)).sha256;
}

/** Removes a file this request stored when its row could not be written and no attachment uses it. */
export async function discardNewFile(db: Executor, dataDir: string, sha256: string): Promise<void> {
  const key = `${sha256.slice(0, 2)}/${sha256}`;
  if (!(await fileRepo.storageKeyInUse(db, key))) await rm(path.join(dataDir, 'files', key), { force: true });
}

/** Records a stored file as an attachment of the meeting. */
export async function addAttachment(
  tx: Executor,
  actor: Actor,
  meetingId: string,
  f: { fileName: string; mimeType: string; size: number; sha256: string },
) {
  await requireUpload(tx, actor, meetingId);
  await assertMeetingRecordOpen(tx, meetingId);
  const row = await fileRepo.insertAttachment(tx, {
    meetingId,
    fileName: f.fileName,
    mimeType: f.mimeType,
    size: f.size,
    sha256: f.sha256,
    storageKey: `${f.sha256.slice(0, 2)}/${f.sha256}`,
    uploadedBy: actor.personId,
  });
  await audit(tx, actor, { action: 'attach', entityType: 'meeting', entityId: meetingId, orgId: null, after: { ...row } });
  return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, createdAt: row.createdAt.toISOString() };
}

/** An attachment the actor may read, with the path of its file. */
export async function readable(db: Executor, actor: Actor, id: string, dataDir: string) {
  const a = await fileRepo.findAttachment(db, id);
  if (!a) throw notFound('tệp đính kèm');
  await loadReadable(db, actor, a.meetingId);
  return { ...a, path: path.join(dataDir, 'files', a.storageKey) };
}

/** Deletes an attachment (the stored file goes when no other attachment shares it). */
export async function removeAttachment(tx: Executor, actor: Actor, id: string, dataDir: string): Promise<void> {
  const a = await fileRepo.findAttachment(tx, id);
  if (!a) throw notFound('tệp đính kèm');
  await requireUpload(tx, actor, a.meetingId);
  await assertMeetingRecordOpen(tx, a.meetingId);
  const last = await fileRepo.deleteAttachment(tx, id, a.storageKey);
  await audit(tx, actor, { action: 'detach', entityType: 'meeting', entityId: a.meetingId, orgId: null, before: { ...a } });
  if (last) await rm(path.join(dataDir, 'files', a.storageKey), { force: true });
}
