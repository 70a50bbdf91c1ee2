import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ruleBreaksInput, ruleParams, rulePresetInput, ruleSetInput } from '../../../shared/rules';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as service from './service';

/** Rules and deadlines of a supervising org for a school year: read (own or inherited), replace, preset, breaks. */
export function ruleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['rules'];
  const path = '/orgs/:orgId/rules/:schoolYearId';

  r.get(path, { schema: { tags, params: ruleParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(db, actor, req.params.orgId, req.params.schoolYearId);
  });

  r.put(path, { schema: { tags, params: ruleParams, body: ruleSetInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    const { orgId, schoolYearId } = req.params;
    await inTransaction(ctx, (tx) => service.save(tx, actor, orgId, schoolYearId, req.body));
    return service.get(db, actor, orgId, schoolYearId);
  });

  r.post(`${path}/preset`, { schema: { tags, params: ruleParams, body: rulePresetInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    const { orgId, schoolYearId } = req.params;
    await inTransaction(ctx, (tx) => service.applyPreset(tx, actor, orgId, schoolYearId, req.body.preset));
    return service.get(db, actor, orgId, schoolYearId);
  });

  r.put(`${path}/breaks`, { schema: { tags, params: ruleParams, body: ruleBreaksInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    const { orgId, schoolYearId } = req.params;
    await inTransaction(ctx, (tx) => service.setBreaks(tx, actor, orgId, schoolYearId, req.body.breaks));
    return service.get(db, actor, orgId, schoolYearId);
  });
}
