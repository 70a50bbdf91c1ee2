import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import { PHOTO_MAX_BYTES } from '../../../shared/lessonStudy';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, fieldError } from '../../lib/errors';
import { type FileStore, photoKey } from '../../lib/files/store';
import { readWithinLimit } from '../../lib/upload';
import { checkFile } from '../meetings/attachments';
import * as repo from './repo';
import { own } from './service';

/**
 * Photos of students are personal data (Nghị định 13/2023): they are stored apart from every shared file, under the
 * store keys private/observations/<meeting>/<note>-<random> (photoKey), one file per note (no sharing by hash, so
 * deleting removes it), and served only through the note's policy. No other route (attachments, materials) reaches them.
 */

const IMAGE_TYPES = ['jpg', 'jpeg', 'png', 'webp'];

/** Reads the uploaded photo: an image (by extension and first bytes) of at most PHOTO_MAX_BYTES. */
export async function readPhoto(file: MultipartFile | undefined): Promise<{ data: Buffer; mimeType: string }> {
  if (file?.fieldname !== 'photo') throw fieldError('photo', 'Chưa chọn ảnh (trường «photo»)');
  const max = Math.round(PHOTO_MAX_BYTES / 1_048_576);
  let data: Buffer;
  try {
    data = await readWithinLimit(file);
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('FILE_TOO_LARGE', { params: { max }, fields: [{ field: 'photo', message: `«Ảnh» quá lớn: tối đa ${max} MB` }] });
    }
    throw error;
  }
  const ext = path.extname(file.filename).slice(1).toLowerCase();
  if (!IMAGE_TYPES.includes(ext)) throw fieldError('photo', `«Ảnh» «${file.filename}» không được nhận: chỉ nhận ảnh jpg, png, webp`);
  try {
    return { data, mimeType: checkFile(file.filename, data) };
  } catch {
    throw fieldError('photo', `«Ảnh» «${file.filename}» không phải là ảnh hợp lệ`);
  }
}

/** Writes a photo file under a new key of its own; returns the key (observation_notes.photo_key). */
export async function writePhoto(store: FileStore, meetingId: string, noteId: string, data: Buffer): Promise<string> {
  const key = `${meetingId}/${noteId}-${randomBytes(6).toString('hex')}`;
  await store.putBytes(photoKey(key), data);
  return key;
}

/** Attaches the written photo to the observer's note; returns the key of the photo it replaces, to be removed. */
export async function attachPhoto(
  tx: Executor,
  actor: Actor,
  noteId: string,
  p: { key: string; mimeType: string; size: number },
): Promise<string | null> {
  const { note, study } = await own(tx, actor, noteId);
  await repo.updateNote(tx, note.id, { photoKey: p.key, photoMime: p.mimeType, photoSize: p.size });
  await audit(tx, actor, { action: 'observation.photo', entityType: 'observation', entityId: note.id, orgId: study.meeting.hostOrgId });
  return note.photoKey;
}

/** Removes a photo file (after its row stopped pointing at it, or when storing the row failed). */
export async function removePhotoFile(store: FileStore, key: string | null): Promise<void> {
  if (key) await store.delete(photoKey(key));
}

/** The observer deletes a note, and its photo file with it. */
export async function deleteNote(tx: Executor, actor: Actor, noteId: string): Promise<string | null> {
  const { note, study } = await own(tx, actor, noteId);
  await repo.deleteNote(tx, note.id);
  await audit(tx, actor, { action: 'observation.delete', entityType: 'observation', entityId: note.id, orgId: study.meeting.hostOrgId });
  return note.photoKey;
}

/** The observer deletes the photo of their note: the row forgets it; returns the key of the file to remove. */
export async function deletePhoto(tx: Executor, actor: Actor, noteId: string): Promise<string | null> {
  const { note, study } = await own(tx, actor, noteId);
  if (!note.photoKey) return null;
  await repo.updateNote(tx, note.id, { photoKey: null, photoMime: null, photoSize: null });
  await audit(tx, actor, {
    action: 'observation.photoDelete',
    entityType: 'observation',
    entityId: note.id,
    orgId: study.meeting.hostOrgId,
  });
  return note.photoKey;
}
