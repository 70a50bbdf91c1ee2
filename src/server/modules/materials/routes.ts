import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { materialCommentInput, materialPublishInput, materialsQuery } from '../../../shared/materials';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { fileStoreOf } from '../../lib/files/create';
import { contentDisposition, sendStored } from '../../lib/files/send';
import { libraryKey } from '../../lib/files/store';
import { inTransaction } from '../../lib/tx';
import * as files from './files';
import { publishSource } from './publish';
import * as repo from './repo';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** The materials library: search, upload, publish a meeting attachment, the file (with ranges), comments. */
export function materialRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const store = fileStoreOf(ctx);
  const tags = ['materials'];

  /** Writes the file, then the row; if the row fails, a file no row uses is removed (nothing left behind). */
  async function storeThenInsert(
    data: Buffer | Readable,
    insert: (stored: { sha256: string; storageKey: string; size: number }) => Promise<string>,
  ) {
    const stored = await files.storeMaterialFile(store, data);
    try {
      return await insert(stored);
    } catch (error) {
      if (!(await repo.fileInUse(db, stored.storageKey))) await files.removeMaterialFile(store, stored.storageKey);
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
      inTransaction(ctx, (tx) => service.create(tx, actor, fields, { fileName: upload.fileName, mimeType: upload.mimeType, ...stored })),
    );
    return reply.status(201).send((await service.readable(db, actor, id)).view);
  });

  r.post('/materials/publish', { schema: { tags, body: materialPublishInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const a = await publishSource(db, actor, req.body.attachmentId);
    const { attachmentId, ...tags } = req.body;
    const fields = { ...tags, meetingId: a.meetingId };
    await service.checkTags(db, actor, fields);
    const source = await files.readAttachmentFile(store, a.storageKey);
    const id = await storeThenInsert(source, (stored) =>
      inTransaction(ctx, (tx) =>
        service.create(tx, actor, fields, { fileName: a.fileName, mimeType: a.mimeType, ...stored }, attachmentId),
      ),
    );
    return reply.status(201).send((await service.readable(db, actor, id)).view);
  });

  r.get('/materials/:id/file', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const { view, storageKey } = await service.readable(db, actor, req.params.id);
    return sendStored(reply, store, libraryKey(storageKey), req.headers.range, {
      'content-type': view.mimeType,
      'content-disposition': contentDisposition(view.fileName, 'inline'),
    });
  });

  r.delete('/materials/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const unused = await inTransaction(ctx, (tx) => service.remove(tx, actor, req.params.id));
    if (unused) await files.removeMaterialFile(store, unused);
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
