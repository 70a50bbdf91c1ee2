import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { changedTables, tableDigest } from '../helpers/authz/digest';
import { type AuthzWorld, buildAuthzWorld, loginAll, ROLES, type Who } from '../helpers/authz/fixtures';
import { type IdField, idFieldsOf } from '../helpers/authz/idFields';
import { isPublicField, KNOWN_OPEN, knownOpen, twinFinder } from '../helpers/authz/idRules';
import { ID_AXIS, type IdCtx } from '../helpers/authz/idSpec';
import { swapAt, swapQuery } from '../helpers/authz/idSwap';
import { buildIdWorld, type IdWorld } from '../helpers/authz/idWorld';
import { fillPath } from '../helpers/authz/paths';
import { collectApiRoutes, type RouteKey } from '../helpers/authz/routes';
import { buildExtras } from '../helpers/authz/runner';
import { type Ctx, ROUTE_SPECS } from '../helpers/authz/spec';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';

const dataDir = path.join(tmpdir(), `lt-idaxis-${process.pid}-${Date.now()}`);
/**
 * The id axis of the authorisation matrix: every id field of every route's body and query schema (found in the zod
 * schemas, nested objects and arrays included) is tried with the other world's record (Bắc Giang) in an otherwise
 * normal request of a caller the route's rule allows on the own records. The answer must be a refusal (400, 403, 404,
 * 409, 422; never 2xx or 5xx) that wrote nothing, and the same request with the own id must be accepted (so the
 * refusal is the id's doing). Public fields are allowed in one list (idRules.ts); a field no request carries fails.
 */
let t: TestApp;
let w: AuthzWorld;
let x: IdWorld;
let clients: Record<string, TestClient>;
let routes: RouteKey[];
let ctxBase: Pick<Ctx, 'extra' | 'fresh'>;
let accountId: string;
const REFUSED = [400, 403, 404, 409, 422];
const tally = { routes: 0, fields: 0, swaps: 0, open: 0, baselines: 0 };

beforeAll(async () => {
  t = await createTestApp({ dataDir });
  routes = await collectApiRoutes({ database: t.database, config: t.config, mailer: { send: async () => {} } });
  w = await buildAuthzWorld(t.db);
  const logins = await loginAll(t);
  // The id world's records first: its report photo is attached before buildExtras puts the minutes out for signing.
  x = await buildIdWorld(t.db, w);
  ctxBase = await buildExtras(t, w, logins);
  clients = { ...logins };
  for (const [who, email] of Object.entries(x.logins)) clients[who] = await t.client().login(email, 'lientruong2026');
  const [acc] = await queryRows<{ id: string }>(t.db, sql`select id from accounts where email = 'hieutruong.lucnam@lientruong.vn'`);
  accountId = acc.id;
}, 240_000);

afterAll(async () => {
  console.log(
    `authz id axis: ${tally.routes} routes, ${tally.fields} id fields → ${tally.swaps} requests with the other side's id ` +
      `(${tally.open} known open), ${tally.baselines} normal requests`,
  );
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const key = (r: RouteKey) => `${r.method} ${r.url}`;

/** The id fields of a route that are not public by design. */
function checkedFields(r: RouteKey): IdField[] {
  return [...idFieldsOf(r.body, 'body'), ...idFieldsOf(r.querystring, 'query')].filter((f) => !isPublicField(key(r), f.path));
}

interface Swap {
  field: IdField;
  body: unknown;
  query: string;
  open: boolean;
}

/** Runs one route's swaps and normal requests; returns the failures and the fields it exercised. */
async function runRoute(r: RouteKey, fields: IdField[]): Promise<{ failures: string[]; exercised: Set<string> }> {
  const k = key(r);
  const spec = ROUTE_SPECS[k];
  const ax = ID_AXIS[k] ?? {};
  const failures: string[] = [];
  const exercised = new Set<string>();
  const caller = ax.caller ?? ROLES.find((role) => role !== 'admin' && spec?.own.includes(role as Who));
  if (!spec || !caller) return { failures, exercised };
  const c: IdCtx = { w, s: w.own, scope: 'own', ...ctxBase, x };
  const params = ax.params ? await ax.params(c) : spec.params ? await spec.params(c) : {};
  let url = r.url;
  for (const [p, v] of Object.entries(params)) url = url.replace(`:${p}`, v);
  url = fillPath(url, w, w.own, accountId);
  const isWrite = r.method !== 'GET' && r.method !== 'DELETE';
  const bodies: unknown[] = isWrite ? (ax.bodies?.(c) ?? (spec.body && !spec.validationFirst ? [spec.body(c)] : [])) : [undefined];
  const queries = ax.queries?.(c) ?? (spec.query ? [spec.query(c)] : ['']);
  const twin = twinFinder(w, x, ctxBase.extra);
  const swaps: Swap[] = [];
  for (const field of fields) {
    const open = Boolean(knownOpen(k, field.path));
    if (field.where === 'body') {
      for (const b of bodies) {
        const s = swapAt(b, field.path, twin);
        if (s.missing) failures.push(`${field.path}: no twin for ${s.missing}`);
        else if (s.count) swaps.push({ field, body: s.body, query: queries[0] as string, open });
      }
    } else {
      for (const q of queries) {
        const s = swapQuery(q, field.path, twin);
        if (s.missing) failures.push(`${field.path}: no twin for ${s.missing}`);
        else if (s.count) swaps.push({ field, body: bodies[0], query: s.query, open });
      }
    }
  }
  const send = (body: unknown, query: string) =>
    clients[caller].request(r.method as 'GET', query ? `${url}?${query}` : url, isWrite ? (body ?? {}) : undefined);
  const before = r.method === 'GET' ? {} : await tableDigest(t.db);
  for (const s of swaps.filter((s) => !s.open)) {
    exercised.add(s.field.path);
    const res = await send(s.body, s.query);
    tally.swaps++;
    if (!REFUSED.includes(res.statusCode))
      failures.push(`${s.field.path} (other side's id) as ${caller}: expected a refusal, got ${res.statusCode} ${res.body.slice(0, 160)}`);
  }
  if (r.method !== 'GET') {
    const changed = changedTables(before, await tableDigest(t.db));
    if (changed.length) failures.push(`refused requests changed tables: ${changed.join(', ')}`);
  }
  for (const s of swaps.filter((s) => s.open)) {
    exercised.add(s.field.path);
    const res = await send(s.body, s.query);
    tally.swaps++;
    tally.open++;
    if (res.statusCode >= 300)
      failures.push(`${s.field.path} is listed in KNOWN_OPEN but is now refused (${res.statusCode}): remove the entry`);
  }
  // The normal requests: accepted, so each refusal above was the swapped id's doing.
  const normal = bodies.length > 1 ? bodies.map((b) => [b, queries[0]] as const) : queries.map((q) => [bodies[0], q] as const);
  for (const [b, q] of normal) {
    const res = await send(b, q as string);
    tally.baselines++;
    if (res.statusCode >= 300)
      failures.push(`the normal request as ${caller} is not accepted: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  return { failures, exercised };
}

const order = (r: RouteKey) => (r.method === 'GET' ? 0 : r.method === 'DELETE' ? 2 : 1);

describe('authorisation matrix: the id axis', () => {
  it('finds the id fields of the route schemas, nested ones included', () => {
    const all = Object.fromEntries(routes.map((r) => [key(r), [...idFieldsOf(r.body, 'body'), ...idFieldsOf(r.querystring, 'query')]]));
    const paths = (k: string) => (all[k] ?? []).map((f) => f.path);
    expect(paths('POST /api/meetings')).toEqual(expect.arrayContaining(['hostOrgId', 'presenters[].personId', 'venues[].id']));
    expect(paths('POST /api/meetings/:id/invitation-rules')).toEqual(
      expect.arrayContaining(['rule.scope.orgIds[]', 'rule.scope.networkId', 'rule.scope.underOrgId']),
    );
    expect(paths('PUT /api/meetings/:id/attendance')).toEqual(['entries[].personId']);
    expect(paths('GET /api/exports/schedule.docx')).toEqual(expect.arrayContaining(['networkId', 'orgId']));
  });

  it("refuses every id field holding the other side's record, writes nothing, and accepts the own one", async () => {
    const failures: string[] = [];
    const unexercised: string[] = [];
    const exercisedAll = new Set<string>();
    for (const r of [...routes].sort((a, b) => order(a) - order(b))) {
      const fields = checkedFields(r);
      if (fields.length === 0) continue;
      tally.routes++;
      tally.fields += fields.length;
      const { failures: f, exercised } = await runRoute(r, fields);
      for (const line of f) failures.push(`${key(r)} · ${line}`);
      for (const field of fields) {
        if (exercised.has(field.path)) exercisedAll.add(`${key(r)} ${field.path}`);
        else unexercised.push(`${key(r)} ${field.where}:${field.path}`);
      }
    }
    expect.soft(failures).toEqual([]);
    expect.soft(unexercised, 'id fields no request of the axis carries (add a request to idSpec.ts or a reason to idRules.ts)').toEqual([]);
    const stale = KNOWN_OPEN.filter((e) => !exercisedAll.has(`${e.route} ${e.field}`)).map((e) => `${e.route} ${e.field}`);
    expect(stale, 'KNOWN_OPEN entries of fields the axis does not try').toEqual([]);
  }, 420_000);
});
