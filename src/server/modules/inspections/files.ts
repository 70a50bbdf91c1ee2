import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { InspectionDocumentKind, InspectionDocumentView } from '../../../shared/inspections';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { contentKey } from '../../lib/files/store';
import { readWithinLimit } from '../../lib/upload';
import { checkFile } from '../meetings/attachments';
import { authorize } from './policy';
import * as repo from './repo';
import { load } from './service';

/** Documents a unit sends before an inspection: scans, PDFs, Word and Excel files (checked like meeting attachments). */
const DOCUMENT_TYPES = ['pdf', 'docx', 'xlsx', 'jpg', 'jpeg', 'png'];

/** 403 unless the actor may send documents for the inspection now. */
export async function requireUpload(db: Executor, actor: Actor, id: string): Promise<void> {
  const { row, scope } = await load(db, actor, id);
  authorize(actor, 'upload', { scope, status: row.status });
}

/** Reads the uploaded file (size-limited by the multipart plugin), checks its type; returns name, data and MIME type. */
export async function readUpload(file: MultipartFile | undefined, limitBytes: number) {
  if (file?.fieldname !== 'file') throw fieldError('file', 'Chưa chọn tệp (trường «file»)');
  let data: Buffer;
  try {
    data = await readWithinLimit(file);
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('FILE_TOO_LARGE', {
        params: { max: Math.round(limitBytes / 1_048_576) || 1 },
        fields: [{ field: 'file', message: `Tệp «${file.filename}» quá lớn: tối đa ${Math.round(limitBytes / 1_048_576) || 1} MB` }],
      });
    throw error;
  }
  const ext = path.extname(file.filename).slice(1).toLowerCase();
  if (!DOCUMENT_TYPES.includes(ext))
    throw fieldError('file', `Tệp «${file.filename}» không được nhận: chỉ nhận pdf, docx, xlsx hoặc ảnh jpg, png`);
  return { fileName: file.filename, data, mimeType: checkFile(file.filename, data) };
}

/** Records a stored file as a document of the inspection. */
export async function addDocument(
  tx: Executor,
  actor: Actor,
  id: string,
  f: { kind: InspectionDocumentKind; fileName: string; mimeType: string; size: number; sha256: string },
): Promise<InspectionDocumentView> {
  const { row, scope } = await load(tx, actor, id);
  authorize(actor, 'upload', { scope, status: row.status });
  const doc = await repo.insertDocument(tx, {
    inspectionId: id,
    kind: f.kind,
    fileName: f.fileName,
    mimeType: f.mimeType,
    size: f.size,
    sha256: f.sha256,
    storageKey: contentKey(f.sha256),
    uploadedBy: actor.personId,
  });
  await audit(tx, actor, { action: 'attach', entityType: 'inspection', entityId: id, orgId: row.provinceOrgId, after: doc });
  return { id: doc.id, kind: f.kind, fileName: doc.fileName, size: doc.size, createdAt: doc.createdAt.toISOString() };
}

/** A document the actor may read (its file: sharedKey(storageKey) in the file store). */
export async function readable(db: Executor, actor: Actor, documentId: string) {
  const doc = await repo.findDocument(db, documentId);
  if (!doc) throw notFound('tài liệu');
  await load(db, actor, doc.inspectionId);
  return doc;
}

/** Removes a document; returns its storage key, released after the commit (the file may be shared by its hash). */
export async function removeDocument(tx: Executor, actor: Actor, documentId: string): Promise<string> {
  const doc = await repo.findDocument(tx, documentId);
  if (!doc) throw notFound('tài liệu');
  const { row, scope } = await load(tx, actor, doc.inspectionId);
  authorize(actor, 'upload', { scope, status: row.status });
  await repo.deleteDocument(tx, documentId);
  await audit(tx, actor, { action: 'detach', entityType: 'inspection', entityId: doc.inspectionId, orgId: row.provinceOrgId, before: doc });
  return doc.storageKey;
}
