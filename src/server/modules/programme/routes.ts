import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignmentInput, assignmentLinkInput, assignmentMeetingInput, assignmentsQuery } from '../../../shared/programme';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import { programmeDocx, programmeRows, writeProgrammeXlsx } from './documents';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });
const documentQuery = assignmentsQuery.pick({ provinceOrgId: true }).extend({ schoolYearId: z.uuid() });

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** attachment; filename (ASCII names only here). */
export function download(reply: FastifyReply, type: string, name: string) {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`);
}

/** The province programme (seed 002 Phụ lục I): assignments, their meetings, Phụ lục I as DOCX and XLSX. */
export function programmeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['programme'];

  r.get('/programme/can', { schema: { tags } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.can(db, actor);
  });

  r.get('/assignments', { schema: { tags, querystring: assignmentsQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(db, actor, req.query);
  });

  r.get('/assignments/:id', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(db, actor, req.params.id);
  });

  r.post('/assignments', { schema: { tags, body: assignmentInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const row = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await service.get(db, actor, row.id));
  });

  r.put('/assignments/:id', { schema: { tags, params: idParams, body: assignmentInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.update(tx, actor, req.params.id, req.body));
    return service.get(db, actor, req.params.id);
  });

  r.delete('/assignments/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.remove(tx, actor, req.params.id));
    return reply.status(204).send();
  });

  r.get('/assignments/:id/meetings', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.linkable(db, actor, req.params.id);
  });

  r.put('/assignments/:id/meeting', { schema: { tags, params: idParams, body: assignmentLinkInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.link(tx, actor, req.params.id, req.body.meetingId));
    return service.get(db, actor, req.params.id);
  });

  r.post('/assignments/:id/meeting', { schema: { tags, params: idParams, body: assignmentMeetingInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const meeting = await inTransaction(ctx, (tx) => service.createMeeting(tx, actor, req.params.id, req.body.date));
    return reply.status(201).send({ meetingId: meeting.id, assignment: await service.get(db, actor, req.params.id) });
  });

  r.get('/programme/phu-luc-1.docx', { schema: { tags, querystring: documentQuery } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const { year, buffer } = await programmeDocx(db, actor, req.query);
    return download(reply, DOCX, `phu-luc-1-phan-cong-shcm-cap-tinh-${year}.docx`).send(buffer);
  });

  r.get('/programme/phu-luc-1.xlsx', { schema: { tags, querystring: documentQuery } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const rows = await programmeRows(db, actor, req.query);
    const stream = new PassThrough();
    writeProgrammeXlsx(stream, rows).catch((err) => stream.destroy(err));
    return download(reply, XLSX, `phu-luc-1-phan-cong-shcm-cap-tinh-${rows[0]?.schoolYearCode ?? ''}.xlsx`).send(stream);
  });
}
