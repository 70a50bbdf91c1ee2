import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type ComplianceView, dashboardExportParams, dashboardQuery } from '../../../shared/dashboard';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import * as service from './service';
import { exportName, writeDashboardXlsx } from './xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The serialized dashboards of each kept figures object, by the caller's choice list (the same for one office's staff). */
const bodies = new WeakMap<service.Figures, Map<string, { json: string; gzip?: Buffer }>>();

/** The JSON body of figures plus choices (as `{ ...figures, choices }`), written once for each pair. */
function bodyOf(figures: service.Figures, choices: ComplianceView['choices']) {
  let byChoices = bodies.get(figures);
  if (!byChoices) {
    byChoices = new Map();
    bodies.set(figures, byChoices);
  }
  const key = JSON.stringify(choices);
  let body = byChoices.get(key);
  if (!body) {
    body = { json: JSON.stringify({ ...figures, choices }) };
    // a handful of choice lists per office; bounded all the same
    if (byChoices.size >= 8) byChoices.clear();
    byChoices.set(key, body);
  }
  return body;
}

/** The compliance dashboard ("Tổng quan tuân thủ") and the XLSX of each of its tables. */
export function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['dashboard'];

  r.get('/dashboard/compliance', { schema: { tags, querystring: dashboardQuery } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const { figures, choices } = await service.complianceParts(db, actor, req.query, true);
    // A province's dashboard is ~300 KB of JSON: written once per kept answer and choice list, and sent gzipped
    // (~10× smaller) to clients that accept it, phones on mobile data first of all.
    const body = bodyOf(figures, choices);
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.send(body.json);
    body.gzip ??= gzipSync(body.json);
    return reply.header('content-encoding', 'gzip').send(body.gzip);
  });

  r.get(
    '/dashboard/compliance/:table.xlsx',
    { schema: { tags, params: dashboardExportParams, querystring: dashboardQuery } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      const view = await service.compliance(db, actor, req.query, true);
      const stream = new PassThrough();
      writeDashboardXlsx(stream, view, req.params.table).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${exportName(view, req.params.table)}"`)
        .send(stream);
    },
  );
}
