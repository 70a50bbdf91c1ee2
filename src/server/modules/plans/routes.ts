import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planSchedulePreview, planScheduleResult } from '../../../shared/planSchedule';
import { planApproveInput, planInput, planItemStatusInput, planReturnInput, plansQuery, planUpdateInput } from '../../../shared/schemas';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as schedule from './schedule';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });
const planOwnerQuery = z.object({ networkId: z.uuid().optional(), orgId: z.uuid().optional() });
const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

/** Plans of networks and orgs: drafting, review (submit, return, approve) and tracking of their items. */
export function planRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['plans'];

  r.get('/plans', { schema: { tags, querystring: plansQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(db, actor, req.query);
  });

  r.get('/plans/can', { schema: { tags, querystring: planOwnerQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.ownerCan(db, actor, req.query);
  });

  r.get('/plans/:id', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(db, actor, req.params.id);
  });

  r.post('/plans', { schema: { tags, body: planInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const plan = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await service.get(db, actor, plan.id));
  });

  r.put('/plans/:id', { schema: { tags, params: idParams, body: planUpdateInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.update(tx, actor, req.params.id, req.body));
    return service.get(db, actor, req.params.id);
  });

  r.post('/plans/:id/submit', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.submit(tx, actor, req.params.id));
    return service.get(db, actor, req.params.id);
  });

  r.post('/plans/:id/return', { schema: { tags, params: idParams, body: planReturnInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.decide(tx, actor, req.params.id, 'return', req.body.comment));
    return service.get(db, actor, req.params.id);
  });

  r.post('/plans/:id/approve', { schema: { tags, params: idParams, body: planApproveInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.decide(tx, actor, req.params.id, 'approve', req.body.comment ?? null));
    return service.get(db, actor, req.params.id);
  });

  r.get('/plans/:id/schedule', { schema: { tags, params: idParams, response: { 200: planSchedulePreview } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return schedule.previewSchedule(db, actor, req.params.id);
  });

  r.post('/plans/:id/schedule', { schema: { tags, params: idParams, response: { 200: planScheduleResult } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return inTransaction(ctx, (tx) => schedule.scheduleFromPlan(tx, actor, req.params.id));
  });

  r.post('/plans/:id/items/:itemId/status', { schema: { tags, params: itemParams, body: planItemStatusInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.setItemStatus(tx, actor, req.params.id, req.params.itemId, req.body));
    return service.get(db, actor, req.params.id);
  });
}
