import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addendumInput, minutesTextInput, periodQuery } from '../../../shared/minutes';
import { minutesVerification, minutesView, teamMeetingCount as teamMeetingCountView } from '../../../shared/minutesViews';
import { venueSignInput } from '../../../shared/venueSigning';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import { teamMeetingCount } from './count';
import * as service from './service';
import * as signing from './signing';
import { venueSign } from './venue';

const meetingParams = z.object({ id: z.uuid() });
const addendumParams = z.object({ id: z.uuid(), addendumId: z.uuid() });
const teamParams = z.object({ teamId: z.uuid() });

/** Minutes (Mẫu 2): prefilled view, text edits with versions, signing and lock, addenda, hash verification. */
export function minutesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['minutes'];

  r.get('/meetings/:id/minutes', { schema: { tags, params: meetingParams, response: { 200: minutesView } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.getView(db, actor, req.params.id);
  });

  r.put(
    '/meetings/:id/minutes',
    { schema: { tags, params: meetingParams, body: minutesTextInput, response: { 200: minutesView } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => service.saveText(tx, actor, req.params.id, req.body));
      return service.getView(db, actor, req.params.id);
    },
  );

  r.post(
    '/meetings/:id/minutes/start-signing',
    { schema: { tags, params: meetingParams, response: { 200: minutesView } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => signing.startSigning(tx, actor, req.params.id));
      return service.getView(db, actor, req.params.id);
    },
  );

  r.post('/meetings/:id/minutes/sign', { schema: { tags, params: meetingParams, response: { 200: minutesView } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => signing.sign(tx, actor, req.params.id));
    return service.getView(db, actor, req.params.id);
  });

  r.post(
    '/meetings/:id/minutes/venue-sign',
    { schema: { tags, params: meetingParams, body: venueSignInput, response: { 200: minutesView } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      const ua = req.headers['user-agent'];
      await venueSign(ctx, actor, req.params.id, req.body, typeof ua === 'string' ? ua.slice(0, 300) : null);
      return service.getView(db, actor, req.params.id);
    },
  );

  r.get(
    '/meetings/:id/minutes/verify',
    { schema: { tags, params: meetingParams, response: { 200: minutesVerification } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      return signing.verify(db, actor, req.params.id);
    },
  );

  r.post(
    '/meetings/:id/minutes/addenda',
    { schema: { tags, params: meetingParams, body: addendumInput, response: { 201: minutesView } } },
    async (req, reply) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => signing.addAddendum(tx, actor, req.params.id, req.body));
      return reply.status(201).send(await service.getView(db, actor, req.params.id));
    },
  );

  r.post(
    '/meetings/:id/minutes/addenda/:addendumId/sign',
    { schema: { tags, params: addendumParams, response: { 200: minutesView } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => signing.signAddendum(tx, actor, req.params.id, req.params.addendumId));
      return service.getView(db, actor, req.params.id);
    },
  );

  r.get(
    '/orgs/:teamId/meetings-count',
    { schema: { tags, params: teamParams, querystring: periodQuery, response: { 200: teamMeetingCountView } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      return teamMeetingCount(db, actor, req.params.teamId, req.query.from, req.query.to);
    },
  );
}
