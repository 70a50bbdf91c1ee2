import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { panelEntryInput, panelEventInput, panelScoreInput, panelSelectionInput } from '../../../shared/panels';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as actions from './actions';
import { resultsDocx, TIE_BREAK } from './document';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });
const entryParams = z.object({ id: z.uuid(), entryId: z.uuid() });

/** Panels (seed 004): events with a panel, team entries, scores each member gives alone, ranking, selection, DOCX. */
export function panelRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['panels'];

  r.get('/panels', { schema: { tags } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.list(db, actor);
  });

  r.get('/panels/tie-break', { config: { public: true }, schema: { tags } }, async () => ({ rule: TIE_BREAK }));

  r.get('/panels/:id', { schema: { tags, params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.get(db, actor, req.params.id);
  });

  r.post('/panels', { schema: { tags, body: panelEventInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const id = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await service.get(db, actor, id));
  });

  r.post('/panels/:id/entries', { schema: { tags, params: idParams, body: panelEntryInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => actions.submitEntry(tx, actor, req.params.id, req.body));
    return reply.status(201).send(await service.get(db, actor, req.params.id));
  });

  r.put('/panels/:id/entries/:entryId/score', { schema: { tags, params: entryParams, body: panelScoreInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => actions.score(tx, actor, req.params.id, req.params.entryId, req.body));
    return service.get(db, actor, req.params.id);
  });

  r.post('/panels/:id/selection', { schema: { tags, params: idParams, body: panelSelectionInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    await inTransaction(ctx, (tx) => actions.select(tx, actor, req.params.id, req.body.entryIds));
    return service.get(db, actor, req.params.id);
  });

  r.get('/panels/:id/results.docx', { schema: { tags, params: idParams } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const { fileName, data } = await resultsDocx(db, actor, req.params.id);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(data);
  });
}
