import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgEnding, orgEndingQuery, orgParentChange } from '../../../shared/orgEnding';
import { orgInput, orgParentInput, orgSearchQuery, orgTreeQuery } from '../../../shared/schemas';
import { orgSummary, orgTree } from '../../../shared/views';
import { requireActor } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { todayIso } from '../../lib/dates';
import { inTransaction } from '../../lib/tx';
import * as peopleService from '../people/service';
import { setParent } from './parent';
import * as repo from './repo';
import * as service from './service';

const idParams = z.object({ id: z.uuid() });
const dateQuery = z.object({ date: z.iso.date().optional() });
const parentChanged = z.object({
  id: z.string(),
  parentHistory: z.array(z.object({ id: z.string(), parent: orgSummary, validFrom: z.string(), validTo: z.string().nullable() })),
});

/** Org tree, search, org pages and org edits. */
export function orgRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get('/orgs/tree', { schema: { tags: ['orgs'], querystring: orgTreeQuery, response: { 200: orgTree } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    const { rootId, depth } = req.query;
    return service.getTree(db, actor, { date: req.query.date ?? todayIso(), rootId, depth });
  });

  r.get('/orgs/search', { schema: { tags: ['orgs'], querystring: orgSearchQuery } }, async (req) => {
    await requireActor(req, ctx);
    return repo.search(db, req.query.q, { type: req.query.type, limit: req.query.limit });
  });

  r.get('/orgs/:id', { schema: { tags: ['orgs'], params: idParams, querystring: dateQuery } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return service.getDetail(db, actor, req.params.id, req.query.date ?? todayIso());
  });

  r.get('/orgs/:id/people', { schema: { tags: ['orgs'], params: idParams } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return peopleService.staffOfOrg(db, actor, req.params.id);
  });

  r.post('/orgs', { schema: { tags: ['orgs'], body: orgInput } }, async (req, reply) => {
    const actor = await requireActor(req, ctx);
    const org = await inTransaction(ctx, (tx) => service.create(tx, actor, req.body));
    return reply.status(201).send(await service.getDetail(db, actor, org.id, todayIso()));
  });

  r.put('/orgs/:id', { schema: { tags: ['orgs'], params: idParams, body: orgInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    const { ending } = await inTransaction(ctx, (tx) => service.update(tx, actor, req.params.id, req.body));
    // ending an org answers what still points at it the day after (children, networks, people, rules)
    return { ...(await service.getDetail(db, actor, req.params.id, todayIso())), ending };
  });

  r.get(
    '/orgs/:id/ending',
    { schema: { tags: ['orgs'], params: idParams, querystring: orgEndingQuery, response: { 200: orgEnding } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      return service.endingPreview(db, actor, req.params.id, req.query.validTo);
    },
  );

  r.post('/orgs/:id/move', { schema: { tags: ['orgs'], params: idParams, body: orgParentInput } }, async (req) => {
    const actor = await requireActor(req, ctx);
    const { parentId, validFrom } = req.body;
    await inTransaction(ctx, (tx) => setParent(tx, actor, req.params.id, { parentId, from: validFrom }, 'validFrom'));
    return service.getDetail(db, actor, req.params.id, todayIso());
  });

  r.post(
    '/orgs/:id/parent',
    { schema: { tags: ['orgs'], params: idParams, body: orgParentChange, response: { 200: parentChanged } } },
    async (req) => {
      const actor = await requireActor(req, ctx);
      await inTransaction(ctx, (tx) => setParent(tx, actor, req.params.id, req.body));
      const history = await repo.parentHistory(db, req.params.id);
      return { id: req.params.id, parentHistory: history };
    },
  );
}
