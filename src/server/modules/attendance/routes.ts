import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attendanceBatchInput, travelQuery } from '../../../shared/minutes';
import { attendanceSheet, attendanceSummary, checkinCode, checkinPreview, checkinResult } from '../../../shared/minutesViews';
import { fileBody } from '../../../shared/views';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as service from './service';
import { travelWorkbook } from './travel';

const meetingParams = z.object({ id: z.uuid() });
const checkinParams = z.object({ meetingId: z.uuid(), code: z.string().min(1).max(200) });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Attendance: the secretary's sheet, counts per venue, QR check-in and the travel-allowance export. */
export function attendanceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['attendance'];

  r.get('/meetings/:id/attendance', { schema: { tags, params: meetingParams, response: { 200: attendanceSheet } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.getSheet(db, actor, req.params.id);
  });

  r.put(
    '/meetings/:id/attendance',
    { schema: { tags, params: meetingParams, body: attendanceBatchInput, response: { 200: attendanceSheet } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => service.saveBatch(tx, actor, req.params.id, req.body));
      return service.getSheet(db, actor, req.params.id);
    },
  );

  r.get(
    '/meetings/:id/attendance/summary',
    { schema: { tags, params: meetingParams, response: { 200: attendanceSummary } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      return service.getSummary(db, actor, req.params.id);
    },
  );

  r.get('/meetings/:id/checkin-code', { schema: { tags, params: meetingParams, response: { 200: checkinCode } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.checkinCode(db, actor, req.params.id, ctx.config.publicUrl);
  });

  r.get('/checkin/:meetingId/:code', { schema: { tags, params: checkinParams, response: { 200: checkinPreview } } }, async (req) => {
    await requireActor(req, ctx);
    return service.checkinPreview(db, req.params.meetingId, req.params.code);
  });

  r.post('/checkin/:meetingId/:code', { schema: { tags, params: checkinParams, response: { 200: checkinResult } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return inTransaction(ctx, (tx) => service.checkin(tx, actor, req.params.meetingId, req.params.code));
  });

  r.get(
    '/attendance/travel.xlsx',
    { schema: { tags, querystring: travelQuery, response: { 200: fileBody('Bảng công tác phí (XLSX)') } } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      const stream = await travelWorkbook(db, actor, req.query);
      const name = `cong-tac-phi-${req.query.from}-${req.query.to}.xlsx`;
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${name}"`).send(stream);
    },
  );
}
