import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportAcceptInput, reportInput, reportReturnInput, reportsQuery, reportUpdateInput, rollupQuery } from '../../../shared/reports';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { fileStoreOf } from '../../lib/files/create';
import { inTransaction } from '../../lib/tx';
import { mau3Document, rollupDocument } from './documents';
import { renderMau3 } from './mau3';
import { renderRollup } from './rollupDocx';
import { ownerCan, rollupOf } from './rollupService';
import * as service from './service';
import { writeReportXlsx, writeRollupXlsx } from './xlsx';

const idParams = z.object({ id: z.uuid() });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** attachment; filename (ASCII) and filename* (UTF-8). */
function attachment(reply: FastifyReply, type: string, name: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

const period = (termNumber: number | null, year: string) => `${year}${termNumber ? `-hk${termNumber}` : ''}`;

/** Term and year reports (Mẫu 3): drafting, submission, review; the roll-up of a supervising org; their documents. */
export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['reports'];

  r.get('/reports', { schema: { tags, querystring: reportsQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(db, actor, req.query);
  });

  r.get(
    '/reports/can',
    { schema: { tags, querystring: z.object({ networkId: z.uuid().optional(), orgId: z.uuid().optional() }) } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      return ownerCan(db, actor, req.query);
    },
  );

  r.get('/reports/rollup', { schema: { tags, querystring: rollupQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return (await rollupOf(db, actor, req.query)).rollup;
  });

  r.get('/reports/rollup.docx', { schema: { tags, querystring: rollupQuery } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const doc = await rollupDocument(db, actor, req.query);
    return attachment(reply, DOCX, `tong-hop-bao-cao-${period(doc.term, doc.schoolYear)}.docx`).send(await renderRollup(doc));
  });

  r.get('/reports/rollup.xlsx', { schema: { tags, querystring: rollupQuery } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const doc = await rollupDocument(db, actor, req.query);
    const stream = new PassThrough();
    writeRollupXlsx(stream, doc).catch((err) => stream.destroy(err));
    return attachment(reply, XLSX, `tong-hop-bao-cao-${period(doc.term, doc.schoolYear)}.xlsx`).send(stream);
  });

  r.get('/reports/:id', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(db, actor, req.params.id, true);
  });

  r.get('/reports/:id/document.docx', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const doc = await mau3Document(db, actor, req.params.id, fileStoreOf(ctx));
    return attachment(reply, DOCX, `bao-cao-mau-3-${period(doc.term, doc.schoolYear)}.docx`).send(await renderMau3(doc));
  });

  r.get('/reports/:id/tables.xlsx', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const doc = await mau3Document(db, actor, req.params.id, fileStoreOf(ctx));
    const stream = new PassThrough();
    writeReportXlsx(stream, doc).catch((err) => stream.destroy(err));
    return attachment(reply, XLSX, `bao-cao-mau-3-${period(doc.term, doc.schoolYear)}.xlsx`).send(stream);
  });

  r.post('/reports', { schema: { tags, body: reportInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const report = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await service.get(db, actor, report.id));
  });

  r.put('/reports/:id', { schema: { tags, params: idParams, body: reportUpdateInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.update(tx, actor, req.params.id, req.body));
    return service.get(db, actor, req.params.id);
  });

  r.post('/reports/:id/submit', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.submit(tx, actor, req.params.id));
    return service.get(db, actor, req.params.id);
  });

  r.post('/reports/:id/return', { schema: { tags, params: idParams, body: reportReturnInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.decide(tx, actor, req.params.id, 'return', req.body.comment));
    return service.get(db, actor, req.params.id);
  });

  r.post('/reports/:id/accept', { schema: { tags, params: idParams, body: reportAcceptInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.decide(tx, actor, req.params.id, 'accept', req.body.comment ?? null));
    return service.get(db, actor, req.params.id);
  });
}
