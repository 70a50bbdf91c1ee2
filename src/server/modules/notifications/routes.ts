import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationList, notificationPreferencesView, outboxItemView } from '../../../shared/meetingViews';
import { notificationPreferencesInput, outboxQuery } from '../../../shared/notifications';
import { noContent } from '../../../shared/views';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as outbox from './outbox';
import * as preferences from './preferences';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });
const listQuery = z.object({ unread: z.enum(['0', '1', 'true', 'false']).optional() });

/** In-app notices, notification preferences of the logged-in person, and the e-mail outbox (admins). */
export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['notifications'];

  r.get('/notifications', { schema: { tags, querystring: listQuery, response: { 200: notificationList } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.listMine(db, actor, req.query.unread === '1' || req.query.unread === 'true');
  });

  r.post('/notifications/:id/read', { schema: { tags, params: idParams, response: { 204: noContent } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.markRead(tx, actor, req.params.id));
    return reply.status(204).send();
  });

  r.post('/notifications/read-all', { schema: { tags, response: { 204: noContent } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => service.markAllRead(tx, actor));
    return reply.status(204).send();
  });

  r.get('/notifications/preferences', { schema: { tags, response: { 200: notificationPreferencesView } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return preferences.getMine(db, actor, ctx.config.digestHour);
  });

  r.put(
    '/notifications/preferences',
    { schema: { tags, body: notificationPreferencesInput, response: { 200: notificationPreferencesView } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      return inTransaction(ctx, (tx) => preferences.setMine(tx, actor, req.body, ctx.config.digestHour));
    },
  );

  r.get(
    '/notifications/outbox',
    { schema: { tags, querystring: outboxQuery, response: { 200: z.array(outboxItemView) } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      return outbox.list(db, actor, req.query);
    },
  );

  r.post('/notifications/outbox/:id/retry', { schema: { tags, params: idParams, response: { 204: noContent } } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => outbox.retry(tx, actor, req.params.id));
    return reply.status(204).send();
  });
}
