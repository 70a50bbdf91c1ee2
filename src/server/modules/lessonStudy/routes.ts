import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analysisInput, compareQuery, layoutBody, lessonPlanCommentInput, lessonPlanInput, stepInput } from '../../../shared/lessonStudy';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { fieldError } from '../../lib/errors';
import { storeThenInsert } from '../../lib/files/content';
import { fileStoreOf } from '../../lib/files/create';
import { contentDisposition, sendStored } from '../../lib/files/send';
import { sharedKey } from '../../lib/files/store';
import { inTransaction } from '../../lib/tx';
import { readUpload } from '../inspections/files';
import { loadStudy } from './access';
import * as service from './service';
import { analysisToMinutes } from './toMinutes';

const idParams = z.object({ id: z.uuid() });

/** Lesson study of a meeting: steps, lesson-plan versions with comments and comparison, seating map, analysis. */
export function lessonStudyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['lessonStudy'];

  r.get('/lesson-study/:id', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.view(db, actor, req.params.id);
  });

  r.put('/lesson-study/:id/step', { schema: { tags, params: idParams, body: stepInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.setStep(tx, actor, req.params.id, req.body.step));
    return service.view(db, actor, req.params.id);
  });

  r.put('/lesson-study/:id/layout', { schema: { tags, params: idParams, body: layoutBody } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.setLayout(tx, actor, req.params.id, req.body.layout));
    return service.view(db, actor, req.params.id);
  });

  r.post('/lesson-study/:id/versions', { schema: { tags, params: idParams, body: lessonPlanInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.addVersion(tx, actor, req.params.id, req.body));
    return reply.status(201).send(await service.view(db, actor, req.params.id));
  });

  r.post(
    '/lesson-study/:id/versions/file',
    { schema: { tags, params: idParams, consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      await loadStudy(db, actor, req.params.id);
      const f = await readUpload(await req.file(), ctx.config.uploadLimitBytes);
      const ext = path.extname(f.fileName).slice(1).toLowerCase();
      if (!['pdf', 'docx'].includes(ext))
        throw fieldError('file', `Tệp «${f.fileName}» không được nhận: kế hoạch bài dạy chỉ nhận pdf hoặc docx`);
      await storeThenInsert(ctx, f.data, (sha256) =>
        inTransaction(ctx, (tx) =>
          service.addFileVersion(tx, actor, req.params.id, {
            fileName: f.fileName,
            mimeType: f.mimeType,
            size: f.data.length,
            sha256,
            note: null,
          }),
        ),
      );
      return reply.status(201).send(await service.view(db, actor, req.params.id));
    },
  );

  r.get('/lesson-study/versions/:id/file', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const v = await service.readableVersion(db, actor, req.params.id);
    if (!v.storageKey || !v.fileName) throw fieldError('id', 'Phiên bản này không có tệp đính kèm');
    return sendStored(reply, fileStoreOf(ctx), sharedKey(v.storageKey), req.headers.range, {
      'content-type': v.mimeType ?? 'application/octet-stream',
      'content-disposition': contentDisposition(v.fileName),
    });
  });

  r.post(
    '/lesson-study/versions/:id/comments',
    { schema: { tags, params: idParams, body: lessonPlanCommentInput } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => service.addComment(tx, actor, req.params.id, req.body.body));
      return reply.status(204).send();
    },
  );

  r.get('/lesson-study/:id/compare', { schema: { tags, params: idParams, querystring: compareQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.compare(db, actor, req.params.id, req.query);
  });

  r.put('/lesson-study/:id/analysis', { schema: { tags, params: idParams, body: analysisInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.saveAnalysis(tx, actor, req.params.id, req.body));
    return service.view(db, actor, req.params.id);
  });

  r.post('/lesson-study/:id/analysis/to-minutes', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => analysisToMinutes(tx, actor, req.params.id));
    return service.view(db, actor, req.params.id);
  });
}
