import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountRow } from '../../../shared/authViews';
import { accountInput } from '../../../shared/schemas';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** Account administration. */
export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/accounts', { schema: { tags: ['accounts'], response: { 200: z.array(accountRow) } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(ctx.database.db, actor);
  });

  r.post('/accounts', { schema: { tags: ['accounts'], body: accountInput, response: { 201: accountRow } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    return reply.status(201).send(await inTransaction(ctx, (tx) => service.create(tx, actor, req.body)));
  });

  r.post('/accounts/:id/disable', { schema: { tags: ['accounts'], params: idParams, response: { 200: accountRow } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return inTransaction(ctx, (tx) => service.setDisabled(tx, actor, req.params.id, true));
  });

  r.post('/accounts/:id/enable', { schema: { tags: ['accounts'], params: idParams, response: { 200: accountRow } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return inTransaction(ctx, (tx) => service.setDisabled(tx, actor, req.params.id, false));
  });
}
