import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rubricInput, rubricsQuery } from '../../../shared/rubrics';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** Rubrics: presets and each supervising org's own, with a simple editor for office staff. */
export function rubricRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['rubrics'];

  r.get('/rubrics', { schema: { tags, querystring: rubricsQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(db, actor, req.query.purpose);
  });

  r.get('/rubrics/:id', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.readRubric(db, req.params.id, actor);
  });

  r.post('/rubrics', { schema: { tags, body: rubricInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const id = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await service.readRubric(db, id, actor));
  });

  r.put('/rubrics/:id', { schema: { tags, params: idParams, body: rubricInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.update(tx, actor, req.params.id, req.body));
    return service.readRubric(db, req.params.id, actor);
  });
}
