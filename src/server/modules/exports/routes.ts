import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileBody } from '../../../shared/views';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { renderSchedule } from '../../lib/documents/mau1';
import { renderMinutes } from '../../lib/documents/mau2';
import { minutesDocument } from './minutes';
import { scheduleHtml } from './printHtml';
import { scheduleDocument } from './schedule';
import { minutesParams, scheduleQuery } from './schema';
import { writeScheduleXlsx } from './xlsx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Every export answers with a document, not JSON; errors are the JSON error body of every route. */
const FILE = fileBody('Tài liệu xuất (DOCX, XLSX hoặc trang in HTML)');

/** attachment; filename with an ASCII fallback and the UTF-8 name (RFC 6266). */
function attachment(reply: FastifyReply, type: string, name: string) {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-');
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/** Official documents: the schedule (Mẫu 1) as DOCX, XLSX and a print page; the minutes (Mẫu 2) as DOCX. */
export function exportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['exports'];

  r.get('/exports/schedule.docx', { schema: { tags, querystring: scheduleQuery, response: { 200: FILE } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const doc = await scheduleDocument(db, actor, req.query);
    return attachment(reply, DOCX, `lich-sinh-hoat-chuyen-mon-${doc.schoolYear}${doc.term ? `-hk${doc.term}` : ''}.docx`).send(
      await renderSchedule(doc),
    );
  });

  r.get('/exports/schedule.xlsx', { schema: { tags, querystring: scheduleQuery, response: { 200: FILE } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const doc = await scheduleDocument(db, actor, req.query);
    const stream = new PassThrough();
    writeScheduleXlsx(stream, doc).catch((err) => stream.destroy(err));
    return attachment(reply, XLSX, `lich-sinh-hoat-chuyen-mon-${doc.schoolYear}${doc.term ? `-hk${doc.term}` : ''}.xlsx`).send(stream);
  });

  r.get('/exports/schedule.html', { schema: { tags, querystring: scheduleQuery, response: { 200: FILE } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const doc = await scheduleDocument(db, actor, req.query);
    return reply.header('content-type', 'text/html; charset=utf-8').send(scheduleHtml(doc));
  });

  r.get('/exports/minutes/:meetingId.docx', { schema: { tags, params: minutesParams, response: { 200: FILE } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const doc = await minutesDocument(db, actor, req.params.meetingId);
    return attachment(reply, DOCX, `bien-ban-sinh-hoat-chuyen-mon-${req.params.meetingId.slice(0, 8)}.docx`).send(await renderMinutes(doc));
  });
}
