import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { changedTables, tableDigest } from '../helpers/authz/digest';
import { type AuthzWorld, buildAuthzWorld, loginAll, ROLES, type Scope, type Who } from '../helpers/authz/fixtures';
import { fillPath } from '../helpers/authz/paths';
import { collectApiRoutes, type RouteKey } from '../helpers/authz/routes';
import { buildExtras } from '../helpers/authz/runner';
import { type Ctx, ROUTE_SPECS, type RouteSpec } from '../helpers/authz/spec';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';

const dataDir = path.join(tmpdir(), `lt-authz-${process.pid}-${Date.now()}`);
/**
 * Authorisation matrix: every API route × anonymous and each demo role × own / other records, against the access rule
 * written in tests/helpers/authz/spec.ts. "Allowed" means an answer past authorisation (any 2xx, or a 4xx that is
 * not 401/403/404, e.g. 409 for a record in the wrong state); "denied" means 403 or 404; anonymous callers get 401.
 * Refused writes (and every write whose body the schema refuses first) must leave every table's content unchanged.
 */
let t: TestApp;
let w: AuthzWorld;
let clients: Record<Who, TestClient>;
let routes: RouteKey[];
let ctxBase: Pick<Ctx, 'extra' | 'fresh'>;
let accountId: string;
const tally = { setupMs: 0, digestMs: 0, requests: 0, allowed: 0, denied403: 0, denied404: 0, unauthenticated: 0, validation: 0 };
const WHO: readonly Who[] = ['anon', ...ROLES];

beforeAll(async () => {
  const started = Date.now();
  t = await createTestApp({ dataDir });
  routes = await collectApiRoutes({ database: t.database, config: t.config, mailer: { send: async () => {} } });
  w = await buildAuthzWorld(t.db);
  clients = await loginAll(t);
  ctxBase = await buildExtras(t, w, clients);
  const [acc] = await queryRows<{ id: string }>(t.db, sql`select id from accounts where email = 'hieutruong.lucnam@lientruong.vn'`);
  accountId = acc.id;
  tally.setupMs = Date.now() - started;
}, 240_000);

afterAll(async () => {
  const rows = Object.keys(ROUTE_SPECS).length;
  const scoped = Object.values(ROUTE_SPECS).filter((s) => s.other).length;
  console.log(
    `authz matrix: ${rows} routes (${scoped} with own/other records) × ${WHO.length} callers → ${tally.requests} requests: ` +
      `${tally.allowed} allowed, ${tally.denied403} denied 403, ${tally.denied404} denied 404, ${tally.unauthenticated} 401, ` +
      `${tally.validation} refused by the schema (400/415); set-up ${tally.setupMs} ms, table digests ${tally.digestMs} ms`,
  );
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Expect = 'allowed' | 'denied' | 'unauthenticated' | 'validation';

function expectation(spec: RouteSpec, who: Who, scope: Scope): Expect {
  // The session is checked before the schema: an anonymous caller gets 401 on every route but the public ones.
  if (who === 'anon' && !spec.public) return 'unauthenticated';
  if (spec.validationFirst) return 'validation';
  const list = (scope === 'own' ? spec.own : spec.other) ?? [];
  if (list.includes(who)) return 'allowed';
  if (who === 'anon' && !spec.public) return 'unauthenticated';
  return 'denied';
}

function classify(status: number): Expect | 'error' {
  if (status >= 500) return 'error';
  if (status === 401) return 'unauthenticated';
  if (status === 403 || status === 404) return 'denied';
  if (status === 400 || status === 415) return 'validation';
  return 'allowed';
}

/** True when the answer fits the expectation (a validation refusal also counts as "allowed": it came after the check). */
function fits(expected: Expect, status: number): boolean {
  const got = classify(status);
  if (got === 'error') return false;
  if (expected === 'allowed') return got === 'allowed' || got === 'validation';
  return got === expected;
}

interface Planned {
  who: Who;
  scope: Scope;
  url: string;
  body: unknown;
  expected: Expect;
}

async function plan(r: RouteKey, spec: RouteSpec, who: Who, scope: Scope): Promise<Planned> {
  const c: Ctx = { w, s: w[scope], scope, ...ctxBase };
  const params = spec.params ? await spec.params(c) : {};
  let url = r.url;
  for (const [k, v] of Object.entries(params)) url = url.replace(`:${k}`, v);
  url = fillPath(url, w, w[scope], accountId);
  if (spec.query) url += `?${spec.query(c)}`;
  const isWrite = r.method !== 'GET' && r.method !== 'DELETE';
  const body = isWrite ? (spec.body ? spec.body(c) : {}) : undefined;
  return { who, scope, url, body, expected: expectation(spec, who, scope) };
}

async function send(r: RouteKey, spec: RouteSpec, p: Planned) {
  let client = clients[p.who];
  if (spec.throwaway && p.who !== 'anon') {
    const email = (await clients[p.who].get('/api/auth/me')).json().email as string;
    client = await t.client().login(email, 'lientruong2026');
  }
  const res = await client.request(r.method as 'GET', p.url, p.body);
  tally.requests++;
  const got = classify(res.statusCode);
  if (got === 'allowed') tally.allowed++;
  else if (got === 'validation') tally.validation++;
  else if (got === 'unauthenticated') tally.unauthenticated++;
  else if (res.statusCode === 403) tally.denied403++;
  else if (res.statusCode === 404) tally.denied404++;
  return res;
}

/** Runs one route: refused requests first (with the database digest around them), then the allowed ones. */
async function runRoute(r: RouteKey): Promise<string[]> {
  const spec = ROUTE_SPECS[`${r.method} ${r.url}`];
  const scopes: Scope[] = spec.other ? ['own', 'other'] : ['own'];
  const planned: Planned[] = [];
  for (const scope of scopes) for (const who of WHO) planned.push(await plan(r, spec, who, scope));
  const refused = planned.filter((p) => p.expected !== 'allowed');
  const allowed = planned.filter((p) => p.expected === 'allowed');
  const failures: string[] = [];
  const isWrite = r.method !== 'GET';
  const digest = async () => {
    const d0 = Date.now();
    const d = await tableDigest(t.db);
    tally.digestMs += Date.now() - d0;
    return d;
  };
  const before = isWrite ? await digest() : {};
  for (const p of refused) {
    const res = await send(r, spec, p);
    if (!fits(p.expected, res.statusCode))
      failures.push(`${p.who}/${p.scope}: expected ${p.expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
    else if (p.expected === 'denied' && res.statusCode === 403) {
      const message = res.json().message as string;
      if (!/[À-ỹ]/.test(message)) failures.push(`${p.who}/${p.scope}: 403 without a Vietnamese message: ${message}`);
    }
  }
  if (isWrite) {
    const changed = changedTables(before, await digest());
    if (changed.length) failures.push(`refused requests changed tables: ${changed.join(', ')}`);
  }
  for (const p of allowed) {
    const res = await send(r, spec, p);
    if (!fits(p.expected, res.statusCode))
      failures.push(`${p.who}/${p.scope}: expected allowed, got ${res.statusCode} ${res.body.slice(0, 160)}`);
  }
  return failures;
}

/** Reads first, then writes, then deletions, so that a write never removes what a later read needs. */
function order(r: RouteKey): number {
  return r.method === 'GET' ? 0 : r.method === 'DELETE' ? 2 : 1;
}

describe('authorisation matrix', () => {
  it('classifies every route the app registers, and nothing else', () => {
    const registered = routes.map((r) => `${r.method} ${r.url}`);
    expect(
      registered.filter((k) => !ROUTE_SPECS[k]),
      'routes without an expectation',
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_SPECS).filter((k) => !registered.includes(k)),
      'expectations of routes that do not exist',
    ).toEqual([]);
  });

  it('answers every route × caller × scope as its rule says, and refused writes change nothing', async () => {
    const failures: string[] = [];
    for (const r of [...routes].sort((a, b) => order(a) - order(b))) {
      if (!ROUTE_SPECS[`${r.method} ${r.url}`]) continue;
      for (const f of await runRoute(r)) failures.push(`${r.method} ${r.url} · ${f}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('lists and documents built from lists never carry records the caller may not read', async () => {
    const lists = (scope: Scope) => {
      const s = w[scope];
      return [
        { url: '/api/meetings?from=2026-09-01&to=2027-06-30', id: s.meeting },
        { url: `/api/plans?networkId=${s.network}`, id: s.plan },
        { url: `/api/reports?networkId=${s.network}`, id: s.report },
        { url: '/api/materials?q=hoc%20lieu', id: s.material },
        { url: `/api/inspections?provinceOrgId=${s.province}`, id: s.inspection },
        { url: `/api/assignments?provinceOrgId=${s.province}&schoolYearId=${w.yearId}`, id: s.assignment },
        { url: '/api/panels', id: s.panel },
        { url: '/api/rubrics', id: s.rubric },
      ];
    };
    const leaks: string[] = [];
    for (const who of ROLES) {
      const readable = (url: string, scope: Scope) => {
        // Who may read each listed record, by the same rules as the matrix's GET-by-id routes.
        const byId: Record<string, string> = {
          meetings: 'GET /api/meetings/:id',
          plans: 'GET /api/plans/:id',
          reports: 'GET /api/reports/:id',
          materials: 'GET /api/materials/:id',
          inspections: 'GET /api/inspections/:id',
          assignments: 'GET /api/assignments/:id',
          panels: 'GET /api/panels/:id',
          rubrics: 'GET /api/rubrics/:id',
        };
        const spec = ROUTE_SPECS[byId[url.split(/[/?]/)[2]]];
        return ((scope === 'own' ? spec.own : spec.other) ?? []).includes(who);
      };
      for (const scope of ['own', 'other'] as const) {
        for (const l of lists(scope)) {
          const res = await clients[who].get(l.url);
          if (res.statusCode !== 200) leaks.push(`${who} ${l.url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          else if (!readable(l.url, scope) && res.body.includes(l.id)) leaks.push(`${who} sees ${scope} record in ${l.url}`);
          // The check is not vacuous: whoever may read a record finds it in the list.
          else if (readable(l.url, scope) && !res.body.includes(l.id)) leaks.push(`${who} misses ${scope} record in ${l.url}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // The documents of another province's plans come out empty for a Củ Chi teacher (rows filtered by the same lists).
    const areas = await clients.teacher.get(`/api/inspection-areas?provinceOrgId=${w.other.province}&schoolYearId=${w.yearId}`);
    expect(areas.json()).toEqual([]);
    const assignments = await clients.teacher.get(`/api/assignments?provinceOrgId=${w.other.province}&schoolYearId=${w.yearId}`);
    expect(assignments.json()).toEqual([]);
  }, 120_000);
});
