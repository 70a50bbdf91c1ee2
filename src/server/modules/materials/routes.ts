import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { materialCommentInput, materialPublishInput, materialsQuery } from '../../../shared/materials';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as files from './files';
import { publishSource } from './publish';
import * as repo from './repo';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** Content-Disposition with the original (Vietnamese) file name, shown inline (videos, PDFs, photos). */
function disposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'tep';
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends a file, honouring one "bytes=a-b" range so videos can seek (206 with Content-Range, 416 when outside). */
async function sendFile(reply: FastifyReply, filePath: string, mime: string, name: string, range: string | undefined) {
  const { size } = await stat(filePath);
  reply.header('content-type', mime).header('accept-ranges', 'bytes').header('content-disposition', disposition(name));
  reply.header('x-content-type-options', 'nosniff');
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return reply.header('content-length', size).send(createReadStream(filePath));
  let start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  let end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || start > end) return reply.status(416).header('content-range', `bytes */${size}`).send();
  start = Math.max(0, start);
  end = Math.max(start, end);
  return reply
    .status(206)
    .header('content-range', `bytes ${start}-${end}/${size}`)
    .header('content-length', end - start + 1)
    .send(createReadStream(filePath, { start, end }));
}

/** The materials library: search, upload, publish a meeting attachment, the file (with ranges), comments. */
export function materialRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const dataDir = ctx.config.dataDir;
  const tags = ['materials'];

  /** Writes the file, then the row; if the row fails, a file no row uses is removed (nothing left behind). */
  async function storeThenInsert(data: Buffer, insert: (stored: { sha256: string; storageKey: string }) => Promise<string>) {
    const stored = await files.storeMaterialFile(dataDir, data);
    try {
      return await insert(stored);
    } catch (error) {
      if (!(await repo.fileInUse(db, stored.storageKey))) await files.removeMaterialFile(dataDir, stored.storageKey);
      throw error;
    }
  }

  r.get('/materials', { schema: { tags, querystring: materialsQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(db, actor, req.query);
  });

  r.get('/materials/:id', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return (await service.readable(db, actor, req.params.id)).view;
  });

  r.post('/materials', { schema: { tags, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const part = await req.file();
    const fields = part ? files.parseFields(files.fieldValues(part)) : files.parseFields({});
    const upload = await files.readUpload(part, ctx.config.uploadLimitBytes);
    await service.checkTags(db, actor, fields);
    const id = await storeThenInsert(upload.data, (stored) =>
      inTransaction(ctx, (tx) =>
        service.create(tx, actor, fields, { fileName: upload.fileName, mimeType: upload.mimeType, size: upload.data.length, ...stored }),
      ),
    );
    return reply.status(201).send((await service.readable(db, actor, id)).view);
  });

  r.post('/materials/publish', { schema: { tags, body: materialPublishInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const a = await publishSource(db, actor, req.body.attachmentId, dataDir);
    const { attachmentId, ...tags } = req.body;
    const fields = { ...tags, meetingId: a.meetingId };
    await service.checkTags(db, actor, fields);
    const data = await files.readAttachmentFile(dataDir, a.storageKey);
    const id = await storeThenInsert(data, (stored) =>
      inTransaction(ctx, (tx) =>
        service.create(tx, actor, fields, { fileName: a.fileName, mimeType: a.mimeType, size: data.length, ...stored }, attachmentId),
      ),
    );
    return reply.status(201).send((await service.readable(db, actor, id)).view);
  });

  r.get('/materials/:id/file', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const { view, storageKey } = await service.readable(db, actor, req.params.id);
    return sendFile(reply, files.materialPath(dataDir, storageKey), view.mimeType, view.fileName, req.headers.range);
  });

  r.delete('/materials/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const unused = await inTransaction(ctx, (tx) => service.remove(tx, actor, req.params.id));
    if (unused) await files.removeMaterialFile(dataDir, unused);
    return reply.status(204).send();
  });

  r.get('/materials/:id/comments', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.comments(db, actor, req.params.id);
  });

  r.post('/materials/:id/comments', { schema: { tags, params: idParams, body: materialCommentInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.addComment(tx, actor, req.params.id, req.body));
    return reply.status(201).send(await service.comments(db, actor, req.params.id));
  });
}
