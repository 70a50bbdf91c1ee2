import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { changedTables, tableDigest } from '../helpers/authz/digest';
import { type AuthzWorld, buildAuthzWorld, loginAll, ROLES, type Role, type Who } from '../helpers/authz/fixtures';
import { junkBody, junkParam } from '../helpers/authz/junk';
import { fillPath } from '../helpers/authz/paths';
import { collectApiRoutes, type RouteKey } from '../helpers/authz/routes';
import { buildExtras } from '../helpers/authz/runner';
import { type Ctx, ROUTE_SPECS } from '../helpers/authz/spec';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';

const dataDir = path.join(tmpdir(), `lt-fuzz-${process.pid}-${Date.now()}`);
/**
 * Property-based fuzzing of every write route (POST, PUT, PATCH, DELETE) with invalid payloads and path ids, sent by
 * a user the route's rule allows (so validation, not authorisation, is what answers): never a 5xx; a refusal is a 4xx
 * with a Vietnamese message (naming the fields when it is a validation error) and leaves every table unchanged.
 */
const RUNS_PER_ROUTE = 15;
const SEED = 20_261_130;

let t: TestApp;
let w: AuthzWorld;
let clients: Record<Who, TestClient>;
let routes: RouteKey[];
let ctxBase: Pick<Ctx, 'extra' | 'fresh'>;
let accountId: string;
const tally = { requests: 0, refused: 0, accepted: 0, byStatus: {} as Record<number, number>, acceptedOn: new Set<string>() };

beforeAll(async () => {
  t = await createTestApp({ dataDir });
  routes = (await collectApiRoutes({ database: t.database, config: t.config, mailer: { send: async () => {} } })).filter(
    (r) => r.method !== 'GET',
  );
  w = await buildAuthzWorld(t.db);
  clients = await loginAll(t);
  ctxBase = await buildExtras(t, w, clients);
  const [acc] = await queryRows<{ id: string }>(t.db, sql`select id from accounts where email = 'hieutruong.lucnam@lientruong.vn'`);
  accountId = acc.id;
}, 240_000);

afterAll(async () => {
  console.log(
    `fuzz: ${routes?.length} write routes × ${RUNS_PER_ROUTE} runs (seed ${SEED}) → ${tally.requests} requests: ${tally.refused} refused (4xx), ` +
      `${tally.accepted} accepted (the payload happened to be valid, on ${[...tally.acceptedOn].join(', ')}); ` +
      `by status ${JSON.stringify(tally.byStatus)}`,
  );
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A role the route's rule lets in on the own records (admin when the rule names nobody of the demo roles). */
function allowedRole(key: string): Role {
  const own = ROUTE_SPECS[key]?.own ?? [];
  return (ROLES.find((r) => own.includes(r)) ?? 'admin') as Role;
}

const VIETNAMESE = /[À-ỹ]/;

/**
 * Valid bodies of the routes whose matrix entry sends none (the schema refuses an empty one): corrupting one field of a
 * valid body reaches the deeper checks (cross-field rules, references, the service) rather than only the first one.
 */
function validBase(key: string, c: Ctx): unknown {
  const s = c.w.own;
  const year = c.w.yearId;
  const meeting = {
    kind: 'demo_lesson',
    title: 'Thao giảng Toán 8',
    hostOrgId: s.school,
    startsAt: '2027-03-01T07:30:00+07:00',
    endsAt: '2027-03-01T10:30:00+07:00',
  };
  const terms = [
    { number: 1, startDate: '2031-09-05', endDate: '2032-01-15' },
    { number: 2, startDate: '2032-01-18', endDate: '2032-05-31' },
  ];
  const bases: Record<string, unknown> = {
    'POST /api/orgs': { code: 'TO-FUZZ', name: 'Tổ Thử', type: 'team', levels: [], parentId: s.school },
    'POST /api/people': { fullName: 'Giáo viên Thử', email: 'gv.thu@lientruong.vn', positions: [{ orgId: s.team, position: 'teacher' }] },
    'PUT /api/people/:id': { fullName: 'Giáo viên Thử', positions: [{ orgId: s.team, position: 'teacher' }] },
    'POST /api/networks': {
      kind: 'school_group',
      name: 'Nhóm thử',
      schoolYearId: year,
      supervisingOrgId: s.province,
      memberOrgIds: [s.school, c.w.other.school],
    },
    'POST /api/school-years': { code: '2031-2032', startDate: '2031-09-05', endDate: '2032-05-31', terms },
    'PUT /api/school-years/:id': { code: '2026-2027', startDate: '2026-09-05', endDate: '2027-05-31', terms },
    'POST /api/meetings': meeting,
    'PUT /api/meetings/:id': meeting,
    'POST /api/plans': { networkId: s.network, schoolYearId: year, termNumber: 1, title: 'Kế hoạch học kỳ I', items: [] },
    'PUT /api/plans/:id': { termNumber: 2, title: 'Kế hoạch học kỳ II', items: [] },
    'POST /api/reports': { networkId: s.network, schoolYearId: year, termNumber: 1, advantages: '', recommendations: '' },
    'POST /api/auth/change-password': { currentPassword: 'khong-dung-mat-khau', newPassword: 'mat-khau-moi-123' },
  };
  return bases[key] ?? (ROUTE_SPECS[key]?.body ? ROUTE_SPECS[key].body?.(c) : {});
}

interface Sample {
  body: string;
  badParam: string | null;
}

describe('fuzzing of write routes', () => {
  it('answers invalid payloads with a Vietnamese 4xx, never a 5xx, and writes nothing', async () => {
    const failures: string[] = [];
    for (const [index, r] of routes.entries()) {
      const key = `${r.method} ${r.url}`;
      const spec = ROUTE_SPECS[key];
      const role = allowedRole(key);
      const c: Ctx = { w, s: w.own, scope: 'own', ...ctxBase };
      const params = spec?.params ? await spec.params(c) : {};
      let url = r.url;
      for (const [k, v] of Object.entries(params)) url = url.replace(`:${k}`, v);
      const goodUrl = fillPath(url, w, w.own, accountId) + (spec?.query ? `?${spec.query(c)}` : '');
      const paramNames = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const valid = validBase(key, c);
      const samples = fc.sample(
        fc.record({
          body: junkBody(valid),
          badParam: paramNames.length ? fc.option(junkParam, { freq: 3 }) : fc.constant(null),
        }),
        // One seed per route (fixed): each route gets its own sequence of junk, the same on every run.
        { numRuns: RUNS_PER_ROUTE, seed: SEED + index },
      ) as Sample[];
      const before = await tableDigest(t.db);
      let accepted = 0;
      for (const sample of samples) {
        let target = goodUrl;
        if (sample.badParam !== null) {
          const name = paramNames[sample.badParam.length % paramNames.length];
          target = fillPath(r.url.replace(`:${name}`, sample.badParam), w, w.own, accountId);
        }
        // Logging out ends the session: that route gets a session of its own for every request.
        const client = spec?.throwaway ? await t.client().login('giaovien@lientruong.vn', 'lientruong2026') : clients[role];
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (client.cookie) headers.cookie = client.cookie;
        if (client.csrf) headers['x-csrf-token'] = client.csrf;
        const res = await t.app.inject({
          method: r.method as 'POST',
          url: target,
          headers,
          payload: r.method === 'DELETE' ? undefined : sample.body,
        });
        tally.requests++;
        tally.byStatus[res.statusCode] = (tally.byStatus[res.statusCode] ?? 0) + 1;
        const where = `${key} as ${role} → ${target.slice(0, 120)} body ${sample.body.slice(0, 100)}`;
        if (res.statusCode >= 500) {
          failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          continue;
        }
        if (res.statusCode < 400) {
          accepted++;
          tally.accepted++;
          tally.acceptedOn.add(key);
          continue;
        }
        tally.refused++;
        const json = (() => {
          try {
            return JSON.parse(res.body) as { code?: string; message?: string; fields?: Array<{ field: string; message: string }> };
          } catch {
            return {};
          }
        })();
        if (typeof json.message !== 'string' || !VIETNAMESE.test(json.message)) {
          failures.push(`${where}: ${res.statusCode} without a Vietnamese message: ${res.body.slice(0, 160)}`);
        } else if (json.code === 'VALIDATION' && json.fields?.length) {
          for (const f of json.fields) {
            if (typeof f.field !== 'string' || !VIETNAMESE.test(f.message))
              failures.push(`${where}: field error without a Vietnamese message: ${JSON.stringify(f)}`);
          }
        }
      }
      // A payload that happens to be valid (e.g. junk on a route whose body is all optional) may write: only routes
      // where every sample was refused must leave the database exactly as it was.
      if (accepted === 0) {
        const changed = changedTables(before, await tableDigest(t.db));
        if (changed.length) failures.push(`${key}: refused requests changed tables ${changed.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
