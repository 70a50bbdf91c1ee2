import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todoView } from '../../../shared/homeViews';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import * as service from './service';
import { todo } from './todo';

/** The home page data: my orgs and my networks for a school year; my "Việc cần làm" (home/todo.ts). */
export function homeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/home', { schema: { tags: ['home'], querystring: z.object({ schoolYearId: z.uuid().optional() }) } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.home(ctx.database.db, actor, req.query.schoolYearId);
  });
  r.get('/home/todo', { schema: { tags: ['home'], response: { 200: todoView } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return todo(ctx.database.db, actor);
  });
}
