import path from 'node:path';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { fieldError, notFound } from '../../lib/errors';
import { contentKey } from '../../lib/files/store';
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

/** 403 unless the actor may attach files to the meeting. */
export async function requireUpload(db: Executor, actor: Actor, meetingId: string): Promise<void> {
  const m = await loadMeeting(db, actor, meetingId);
  authorize(actor, 'upload', m.facts);
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
    storageKey: contentKey(f.sha256),
    uploadedBy: actor.personId,
  });
  await audit(tx, actor, { action: 'attach', entityType: 'meeting', entityId: meetingId, orgId: null, after: { ...row } });
  return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, createdAt: row.createdAt.toISOString() };
}

/** An attachment the actor may read (its file: sharedKey(storageKey) in the file store). */
export async function readable(db: Executor, actor: Actor, id: string) {
  const a = await fileRepo.findAttachment(db, id);
  if (!a) throw notFound('tệp đính kèm');
  await loadReadable(db, actor, a.meetingId);
  return a;
}

/**
 * Deletes an attachment row; returns its storage key, for the caller to release after the commit (the stored file
 * goes when no row of any feature names it any more: releaseSharedFile).
 */
export async function removeAttachment(tx: Executor, actor: Actor, id: string): Promise<string> {
  const a = await fileRepo.findAttachment(tx, id);
  if (!a) throw notFound('tệp đính kèm');
  await requireUpload(tx, actor, a.meetingId);
  await assertMeetingRecordOpen(tx, a.meetingId);
  await fileRepo.deleteAttachment(tx, id);
  await audit(tx, actor, { action: 'detach', entityType: 'meeting', entityId: a.meetingId, orgId: null, before: { ...a } });
  return a.storageKey;
}
