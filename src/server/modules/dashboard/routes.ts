import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardExportParams, dashboardQuery } from '../../../shared/dashboard';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import * as service from './service';
import { exportName, writeDashboardXlsx } from './xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The compliance dashboard ("Tổng quan tuân thủ") and the XLSX of each of its tables. */
export function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['dashboard'];

  r.get('/dashboard/compliance', { schema: { tags, querystring: dashboardQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.compliance(db, actor, req.query, req.dataMark ?? undefined);
  });

  r.get(
    '/dashboard/compliance/:table.xlsx',
    { schema: { tags, params: dashboardExportParams, querystring: dashboardQuery } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      const view = await service.compliance(db, actor, req.query, req.dataMark ?? undefined);
      const stream = new PassThrough();
      writeDashboardXlsx(stream, view, req.params.table).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${exportName(view, req.params.table)}"`)
        .send(stream);
    },
  );
}
