import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schoolYearInput } from '../../../shared/schemas';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as repo from './repo';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** School years with their terms, and the subject list. */
export function schoolYearRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get('/school-years', { schema: { tags: ['school-years'] } }, async (req) => {
    await requireActor(req, ctx);
    return service.list(db);
  });

  r.post('/school-years', { schema: { tags: ['school-years'], body: schoolYearInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const y = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send((await service.list(db)).find((x) => x.id === y.id));
  });

  r.put('/school-years/:id', { schema: { tags: ['school-years'], params: idParams, body: schoolYearInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.update(tx, actor, req.params.id, req.body));
    return (await service.list(db)).find((x) => x.id === req.params.id);
  });

  r.get('/subjects', { schema: { tags: ['school-years'] } }, async (req) => {
    await requireActor(req, ctx);
    return repo.listSubjects(db);
  });
}
