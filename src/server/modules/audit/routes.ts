import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditQuery } from '../../../shared/schemas';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import * as service from './service';

/** The audit log. */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/audit', { schema: { tags: ['audit'], querystring: auditQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(ctx.database.db, actor, req.query);
  });
}
