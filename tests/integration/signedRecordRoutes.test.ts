import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { hashPassword } from '../../src/server/lib/auth';
import { liveCheckinCode } from '../../src/server/modules/attendance/rotatingCode';
import { buildAccount } from '../factories';
import { changedTables, tableDigest } from '../helpers/authz/digest';
import { type AuthzWorld, buildAuthzWorld, loginAll } from '../helpers/authz/fixtures';
import { fillPath } from '../helpers/authz/paths';
import { collectApiRoutes, type RouteKey } from '../helpers/authz/routes';
import { buildExtras } from '../helpers/authz/runner';
import { type Ctx, ROUTE_SPECS } from '../helpers/authz/spec';
import { multipartWithFields } from '../helpers/materialsWorld';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';

/**
 * Decision 0024: once a meeting's minutes are out for signing, and once they are locked, every write route that
 * touches the meeting or one of its parts is refused with 409 and a Vietnamese message, and writes nothing. The routes
 * are collected from the app (a new one is covered without being listed here); the only ones left out are those meant
 * to work then, each with its reason.
 */
const EXEMPT: Record<string, string> = {
  'POST /api/meetings/:id/minutes/sign': 'signing itself (it refuses on its own once the minutes are locked)',
  'POST /api/meetings/:id/minutes/venue-sign': 'signing at the venue (the same signing path: refused once the minutes are locked)',
  'POST /api/meetings/:id/minutes/addenda': 'a correction to locked minutes is a signed addendum; the minutes stay as signed',
  'POST /api/meetings/:id/minutes/addenda/:addendumId/sign': 'signing an addendum',
  'POST /api/meetings/:id/minutes/seal':
    'the seal signs the frozen record (decision 0032): it writes a signed copy beside the minutes, never the minutes',
  'PUT /api/lesson-study/:id/step':
    "the lesson study's own work (steps, lesson-plan versions, seating map, analysis) goes on; it is not in the signed record",
  'PUT /api/lesson-study/:id/layout': 'the lesson study’s seating map, not in the signed record',
  'PUT /api/lesson-study/:id/analysis':
    'the lesson study’s analysis; it reaches the minutes only through …/analysis/to-minutes, which is closed',
  'POST /api/lesson-study/:id/versions': 'a lesson-plan version (the plan is revised for the next lesson), not in the signed record',
  'POST /api/lesson-study/:id/versions/file': 'a lesson-plan version as a file, not in the signed record',
  'POST /api/lesson-study/versions/:id/comments': 'a comment on a lesson-plan version, not in the signed record',
  'POST /api/observations/:id/share': "observers' own notes about students, private until shared; not in the signed record",
  'PUT /api/observation-notes/:id': 'an observer’s own note, not in the signed record',
  'DELETE /api/observation-notes/:id': 'an observer’s own note, not in the signed record',
  'POST /api/observation-notes/:id/share': 'an observer’s own note, not in the signed record',
  'PUT /api/observation-notes/:id/photo': 'an observer’s own photo, not in the signed record',
  'DELETE /api/observation-notes/:id/photo': 'an observer’s own photo, not in the signed record',
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A write route on a meeting or one of its parts: its path names a meeting, or a record that belongs to one. */
const touchesMeeting = (r: RouteKey) =>
  WRITES.has(r.method) &&
  (r.url.startsWith('/api/meetings/:id') ||
    r.url.includes(':meetingId') ||
    /^\/api\/(attachments|lesson-study|observations|observation-notes)\//.test(r.url));

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32), Buffer.from('\n%%EOF\n')]);
const dataDir = path.join(tmpdir(), `lt-signed-record-${process.pid}-${Date.now()}`);
let t: TestApp;
let w: AuthzWorld;
let routes: RouteKey[];
let ctx: Ctx;
let chair: TestClient;
let ruleId: string;

beforeAll(async () => {
  t = await createTestApp({ dataDir });
  routes = (await collectApiRoutes({ database: t.database, config: t.config, mailer: { send: async () => {} } })).filter(touchesMeeting);
  w = await buildAuthzWorld(t.db);
  // An invitation rule of the meeting, added while its minutes are still a draft (buildExtras sends them for signing).
  [{ id: ruleId }] = await queryRows<{ id: string }>(
    t.db,
    sql`insert into invitation_rules (meeting_id, rule, description) values (${w.own.meeting}, ${{ subjectIds: [], positions: [], scope: { orgIds: [w.own.school] } }}, 'Giáo viên trường') returning id`,
  );
  const clients = await loginAll(t);
  const extras = await buildExtras(t, w, clients);
  ctx = { w, s: w.own, scope: 'own', ...extras };
  // The meeting's chair may use nearly every one of these routes: each refusal is then the record's, not a lack of right.
  const [m] = await queryRows<{ chair: string }>(t.db, sql`select chair_person_id as chair from meetings where id = ${w.own.meeting}`);
  const [account] = await queryRows<{ email: string }>(t.db, sql`select email from accounts where person_id = ${m.chair}`);
  if (account) {
    await t.db.execute(sql`update accounts set password_hash = ${await hashPassword('matkhau123')} where email = ${account.email}`);
  } else {
    await buildAccount(t.db, { personId: m.chair, email: 'chutri.ttd@lientruong.vn' });
  }
  chair = await t.client().login(account?.email ?? 'chutri.ttd@lientruong.vn', 'matkhau123');
}, 240_000);

afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A request body the route accepts, so that only the state of the record can refuse it. */
async function request(route: RouteKey) {
  const key = `${route.method} ${route.url}`;
  const url = fillPath(
    route.url
      .replace(':ruleId', ruleId)
      .replace(':addendumId', ctx.extra.addendum.own)
      .replace(':code', liveCheckinCode(ctx.extra.checkinSecret.own, w.own.meeting))
      .replace(/^\/api\/attachments\/:id/, `/api/attachments/${ctx.extra.attachment.own}`),
    w,
    w.own,
    '',
  );
  if (key === 'POST /api/meetings/:id/attachments') {
    const { body, headers } = multipartWithFields({}, 'anh-them.pdf', PDF);
    return chair.request('POST', url, body, headers);
  }
  let body = ROUTE_SPECS[key]?.body?.(ctx);
  if (key === 'PUT /api/meetings/:id') body = await wholeForm();
  if (key === 'POST /api/meetings/:id/invitation-rules' || key === 'POST /api/meetings/:id/invitation-rules/preview')
    body = { rule: { scope: { orgIds: [w.own.school] } } };
  return chair.request(route.method as 'POST' | 'PUT' | 'DELETE', url, body ?? (route.method === 'DELETE' ? undefined : {}));
}

/** The meeting's edit form as it is, with a new title. */
async function wholeForm() {
  const m = (await chair.get(`/api/meetings/${w.own.meeting}`)).json();
  return {
    kind: m.kind,
    title: `${m.title} (sửa)`,
    hostOrgId: m.hostOrg.id,
    networkId: m.network?.id ?? null,
    mode: m.mode,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    chairPersonId: m.chair?.id ?? null,
    secretaryPersonId: m.secretary?.id ?? null,
  };
}

async function walk(code: 'MINUTES_SIGNING' | 'MINUTES_LOCKED', message: string) {
  const failures: string[] = [];
  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    if (EXEMPT[key]) continue;
    const before = await tableDigest(t.db);
    const res = await request(route);
    const changed = changedTables(before, await tableDigest(t.db));
    const body = res.statusCode === 409 ? res.json() : null;
    if (res.statusCode !== 409 || body?.code !== code || !body?.message.includes(message) || changed.length > 0) {
      failures.push(`${key}: ${res.statusCode} ${res.body.slice(0, 160)}${changed.length ? `; wrote ${changed.join(', ')}` : ''}`);
    }
  }
  return failures;
}

describe('the signed record is closed to every meeting write route', () => {
  it('collects the routes from the app, and every exemption names one of them', () => {
    const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const k of [
      'PUT /api/meetings/:id',
      'POST /api/meetings/:id/attachments',
      'DELETE /api/attachments/:id',
      'PUT /api/meetings/:id/attendance',
    ]) {
      expect(keys).toContain(k);
    }
    expect(Object.keys(EXEMPT).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('refuses each with 409 «Biên bản đang được ký…» and writes nothing while the minutes are out for signing', async () => {
    expect(await walk('MINUTES_SIGNING', 'Biên bản đang được ký')).toEqual([]);
  }, 240_000);

  it('refuses each with 409 «Biên bản đã được ký đủ và khóa…» and writes nothing once they are locked', async () => {
    await t.db.execute(sql`update minutes set status = 'locked', locked_at = now() where meeting_id = ${w.own.meeting}`);
    await t.db.execute(sql`update meetings set status = 'minutes_locked' where id = ${w.own.meeting}`);
    expect(await walk('MINUTES_LOCKED', 'Biên bản đã được ký đủ và khóa')).toEqual([]);
  }, 240_000);
});
