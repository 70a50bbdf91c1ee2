import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  inspectionAreaInput,
  inspectionDocumentQuery,
  inspectionInput,
  inspectionRecordInput,
  inspectionsQuery,
} from '../../../shared/inspections';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { storeThenInsert } from '../../lib/files/content';
import { fileStoreOf } from '../../lib/files/create';
import { releaseSharedFile } from '../../lib/files/repo';
import { contentDisposition, sendStored } from '../../lib/files/send';
import { sharedKey } from '../../lib/files/store';
import { inTransaction } from '../../lib/tx';
import { DOCX, download, XLSX } from '../programme/routes';
import * as schoolYearsRepo from '../schoolYears/repo';
import { inspectionPlanDocx, inspectionRecordDocx, planData, writeInspectionsXlsx } from './documents';
import * as files from './files';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });
const documentQuery = inspectionsQuery.extend({ schoolYearId: z.uuid() });

/** Inspections (seed 002 §II.2, Phụ lục II): the plan by area and month, inspections with the checklist, documents. */
export function inspectionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['inspections'];

  r.get('/inspection-areas', { schema: { tags, querystring: inspectionsQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.listAreas(db, actor, req.query);
  });

  r.post('/inspection-areas', { schema: { tags, body: inspectionAreaInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const row = await inTransaction(ctx, (tx) => service.createArea(tx, actor, req.body));
    return reply.status(201).send({ id: row.id });
  });

  r.delete('/inspection-areas/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.removeArea(tx, actor, req.params.id));
    return reply.status(204).send();
  });

  r.get('/inspections', { schema: { tags, querystring: inspectionsQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(db, actor, req.query);
  });

  r.get('/inspections/:id', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(db, actor, req.params.id);
  });

  r.post('/inspections', { schema: { tags, body: inspectionInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const row = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await service.get(db, actor, row.id));
  });

  r.put('/inspections/:id/record', { schema: { tags, params: idParams, body: inspectionRecordInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.record(tx, actor, req.params.id, req.body));
    return service.get(db, actor, req.params.id);
  });

  r.post(
    '/inspections/:id/documents',
    { schema: { tags, params: idParams, querystring: inspectionDocumentQuery, consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      await files.requireUpload(db, actor, req.params.id);
      const f = await files.readUpload(await req.file(), ctx.config.uploadLimitBytes);
      const doc = await storeThenInsert(ctx, f.data, (sha256) =>
        inTransaction(ctx, (tx) =>
          files.addDocument(tx, actor, req.params.id, {
            kind: req.query.documentKind,
            fileName: f.fileName,
            mimeType: f.mimeType,
            size: f.data.length,
            sha256,
          }),
        ),
      );
      return reply.status(201).send(doc);
    },
  );

  r.get('/inspection-documents/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const d = await files.readable(db, actor, req.params.id);
    return sendStored(reply, fileStoreOf(ctx), sharedKey(d.storageKey), req.headers.range, {
      'content-type': d.mimeType,
      'content-disposition': contentDisposition(d.fileName, 'attachment', 'tai-lieu'),
    });
  });

  r.delete('/inspection-documents/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const storageKey = await inTransaction(ctx, (tx) => files.removeDocument(tx, actor, req.params.id));
    await releaseSharedFile(db, fileStoreOf(ctx), storageKey);
    return reply.status(204).send();
  });

  r.get('/inspections/:id/record.docx', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const { buffer } = await inspectionRecordDocx(db, actor, req.params.id);
    return download(reply, DOCX, `bien-ban-kiem-tra-${req.params.id.slice(0, 8)}.docx`).send(buffer);
  });

  r.get('/inspections/phu-luc-2.docx', { schema: { tags, querystring: documentQuery } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const year = await schoolYearsRepo.findById(db, req.query.schoolYearId);
    const buffer = await inspectionPlanDocx(db, actor, req.query, year?.code ?? '');
    return download(reply, DOCX, `phu-luc-2-thoi-diem-kiem-tra-${year?.code ?? ''}.docx`).send(buffer);
  });

  r.get('/inspections/phu-luc-2.xlsx', { schema: { tags, querystring: documentQuery } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const data = await planData(db, actor, req.query);
    const stream = new PassThrough();
    writeInspectionsXlsx(stream, data).catch((err) => stream.destroy(err));
    return download(reply, XLSX, 'phu-luc-2-kiem-tra.xlsx').send(stream);
  });
}
