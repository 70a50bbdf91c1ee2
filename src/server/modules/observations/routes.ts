import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noteInput, PHOTO_MAX_BYTES } from '../../../shared/lessonStudy';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { fieldError } from '../../lib/errors';
import { fileStoreOf } from '../../lib/files/create';
import { sendStored } from '../../lib/files/send';
import { photoKey } from '../../lib/files/store';
import { inTransaction } from '../../lib/tx';
import { attachPhoto, deleteNote, deletePhoto, readPhoto, removePhotoFile, writePhoto } from './photos';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** Observation notes of a lesson study: offline-first upsert by the browser's id, sharing, photos, analysis. */
export function observationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const store = fileStoreOf(ctx);
  const tags = ['observations'];

  r.get('/observations/:id/mine', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.mine(db, actor, req.params.id);
  });

  r.get('/observations/:id/analysis', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.analysis(db, actor, req.params.id);
  });

  r.post('/observations/:id/share', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    const shared = await inTransaction(ctx, (tx) => service.share(tx, actor, { meetingId: req.params.id }));
    return { shared };
  });

  r.put('/observation-notes/:id', { schema: { tags, params: idParams, body: noteInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const { created } = await inTransaction(ctx, (tx) => service.upsert(tx, actor, req.params.id, req.body));
    return reply.status(created ? 201 : 200).send(await service.one(db, actor, req.params.id));
  });

  r.delete('/observation-notes/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const key = await inTransaction(ctx, (tx) => deleteNote(tx, actor, req.params.id));
    await removePhotoFile(store, key);
    return reply.status(204).send();
  });

  r.post('/observation-notes/:id/share', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    const shared = await inTransaction(ctx, (tx) => service.share(tx, actor, { noteId: req.params.id }));
    return { shared };
  });

  r.put('/observation-notes/:id/photo', { schema: { tags, params: idParams, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const { note } = await inTransaction(ctx, (tx) => service.own(tx, actor, req.params.id));
    const photo = await readPhoto(await req.file({ limits: { fileSize: PHOTO_MAX_BYTES } }));
    const key = await writePhoto(store, note.meetingId, note.id, photo.data);
    let replaced: string | null;
    try {
      replaced = await inTransaction(ctx, (tx) =>
        attachPhoto(tx, actor, note.id, { key, mimeType: photo.mimeType, size: photo.data.length }),
      );
    } catch (error) {
      await removePhotoFile(store, key);
      throw error;
    }
    await removePhotoFile(store, replaced);
    return reply.status(204).send();
  });

  r.get('/observation-notes/:id/photo', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const { note } = await service.readable(db, actor, req.params.id);
    if (!note.photoKey) throw fieldError('photo', 'Ghi chép này không có ảnh');
    return sendStored(reply, store, photoKey(note.photoKey), req.headers.range, {
      'content-type': note.photoMime ?? 'application/octet-stream',
      'cache-control': 'private, no-store',
    });
  });

  r.delete('/observation-notes/:id/photo', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const key = await inTransaction(ctx, (tx) => deletePhoto(tx, actor, req.params.id));
    await removePhotoFile(store, key);
    return reply.status(204).send();
  });
}
