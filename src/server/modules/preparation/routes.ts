import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { preparationInput } from '../../../shared/preparation';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** The plan and preparation report a unit sends before a province-level meeting it was assigned. */
export function preparationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['programme'];

  r.get('/assignments/:id/preparation', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(db, actor, req.params.id);
  });

  r.post('/assignments/:id/preparation', { schema: { tags, params: idParams, body: preparationInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.submit(tx, actor, req.params.id, req.body));
    return reply.status(201).send(await service.get(db, actor, req.params.id));
  });
}
