import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planCopyForwardInput, planProposalCreateInput, planProposalQuery } from '../../../shared/planProposals';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as plansService from '../plans/service';
import { copyForward } from './copyForward';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** Plans proposed from the rules (confirm instead of type) and copying a plan into a later term or year. */
export function planProposalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['plans'];

  r.get('/plan-proposals', { schema: { tags, querystring: planProposalQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.propose(db, actor, req.query);
  });

  r.post('/plan-proposals', { schema: { tags, body: planProposalCreateInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const plan = await inTransaction(ctx, (tx) => service.createFromProposal(tx, actor, req.body));
    return reply.status(201).send(await plansService.get(db, actor, plan.id));
  });

  r.post('/plans/:id/copy-forward', { schema: { tags, params: idParams, body: planCopyForwardInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const plan = await inTransaction(ctx, (tx) => copyForward(tx, actor, req.params.id, req.body));
    return reply.status(201).send(await plansService.get(db, actor, plan.id));
  });
}
