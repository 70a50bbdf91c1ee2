import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { networkDetail, networkSummary } from '../../../shared/networkViews';
import { networkInput, networkRollOverInput, networksQuery } from '../../../shared/schemas';
import { noContent } from '../../../shared/views';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { nextLink } from '../../lib/cursor';
import { inTransaction } from '../../lib/tx';
import { authorize } from './policy';
import { rollOver } from './rollOver';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });

/** Network lists, pages and edits. */
export function networkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get(
    '/networks',
    {
      schema: {
        tags: ['networks'],
        description:
          'Pages by keyset: at most `limit` networks; the total matching is in `X-Total-Count`, the next page in `Link` (rel="next") and `X-Next-Cursor`, sent back as `cursor`.',
        querystring: networksQuery,
        response: { 200: z.array(networkSummary) },
      },
    },
    async (req, reply) => {
      authorize(await requireActor(req, ctx), 'read', {});
      const page = await service.list(db, req.query);
      // The body stays an array (decision 0027): the total and the next page travel in headers.
      reply.header('x-total-count', String(page.total));
      if (page.nextCursor) reply.header('x-next-cursor', page.nextCursor).header('link', nextLink(req.url, page.nextCursor));
      return page.items;
    },
  );

  r.get('/networks/:id', { schema: { tags: ['networks'], params: idParams, response: { 200: networkDetail } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(db, actor, req.params.id);
  });

  r.post('/networks', { schema: { tags: ['networks'], body: networkInput, response: { 201: networkDetail } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const network = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await service.get(db, actor, network.id));
  });

  r.put(
    '/networks/:id',
    { schema: { tags: ['networks'], params: idParams, body: networkInput, response: { 200: networkDetail } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => service.update(tx, actor, req.params.id, req.body));
      return service.get(db, actor, req.params.id);
    },
  );

  r.delete('/networks/:id', { schema: { tags: ['networks'], params: idParams, response: { 204: noContent } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.remove(tx, actor, req.params.id));
    return reply.status(204).send();
  });

  r.post(
    '/networks/:id/roll-over',
    { schema: { tags: ['networks'], params: idParams, body: networkRollOverInput, response: { 201: networkDetail } } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      const network = await inTransaction(ctx, (tx) => rollOver(tx, actor, req.params.id, req.body));
      return reply.status(201).send(await service.get(db, actor, network.id));
    },
  );
}
