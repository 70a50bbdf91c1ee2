import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../lib/context';
import * as repo from './repo';

/** Liveness and database check for load balancers and monitoring. */
export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/health', { config: { public: true }, schema: { tags: ['health'] } }, async (_req, reply) => {
    try {
      await repo.ping(ctx.database.db);
      return { status: 'ok', database: ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: ctx.database.kind });
    }
  });
}
