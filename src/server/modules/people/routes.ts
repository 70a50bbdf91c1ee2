import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personDetail, personPage } from '../../../shared/peopleViews';
import { peopleQuery, personInput } from '../../../shared/schemas';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** Staff lists, person pages and staff edits. */
export function peopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get('/people', { schema: { tags: ['people'], querystring: peopleQuery, response: { 200: personPage } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(db, actor, req.query);
  });

  r.get('/people/:id', { schema: { tags: ['people'], params: idParams, response: { 200: personDetail } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(db, actor, req.params.id);
  });

  r.post('/people', { schema: { tags: ['people'], body: personInput, response: { 201: personDetail } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const person = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await service.get(db, actor, person.id));
  });

  r.put(
    '/people/:id',
    { schema: { tags: ['people'], params: idParams, body: personInput, response: { 200: personDetail } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => service.update(tx, actor, req.params.id, req.body));
      return service.get(db, actor, req.params.id);
    },
  );
}
