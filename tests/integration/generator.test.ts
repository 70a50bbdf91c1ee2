import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type Manifest } from '../../bench/generate/generate';
import { SIZES } from '../../bench/generate/sizes';
import { type GenContext, TABLES } from '../../bench/generate/tables';
import { World } from '../../bench/generate/world';
import { type Database, queryRows } from '../../src/server/db/client';
import { loadActor } from '../../src/server/lib/actor';
import { mine } from '../../src/server/modules/meetings/detail';
import * as reports from '../../src/server/modules/reports/service';
import { createTestDatabase } from '../helpers/testApp';

/** The benchmark data generator at size XS: deterministic, consistent, and readable by the app's own services. */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
const dbs: TestDb[] = [];
const manifests: Manifest[] = [];

async function load(): Promise<{ t: TestDb; manifest: Manifest }> {
  const t = await createTestDatabase();
  dbs.push(t);
  const manifest = await generate({ spec: SIZES.XS, database: t.database, databaseUrl: t.url });
  return { t, manifest };
}

async function checksum(database: Database, query: string): Promise<string> {
  const [row] = await queryRows<{ sum: string }>(database.db, sql.raw(query));
  return row.sum;
}

const NAMES = `select md5(string_agg(full_name || '|' || coalesce(email, ''), ',' order by id)) as sum from people`;
const MEETINGS = `select md5(string_agg(title || '|' || status || '|' || starts_at::text, ',' order by id)) as sum from meetings`;

describe('bench data generator (size XS)', () => {
  beforeAll(async () => {
    manifests.push((await load()).manifest);
  }, 60_000);
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  it('gives the same data on every run', async () => {
    // a second run of the generator, in memory: same rows per table, same names as those loaded
    const ctx: GenContext = { world: new World(SIZES.XS), subjectIds: new Map(), schoolYearId: 'year', passwordHash: 'hash' };
    const again = Object.fromEntries(TABLES.map((t) => [t.table, [...t.rows(ctx)].length]));
    expect(manifests[0].counts.tables).toEqual(again);
    expect(again.meetings).toBeGreaterThan(100);
    expect(again.attendance).toBeGreaterThan(300);
    const people = TABLES.find((t) => t.table === 'people') as (typeof TABLES)[number];
    const names = [...people.rows(ctx)].map((l) => {
      const [, , fullName, email] = l.split('\t');
      return `${fullName}|${email}`;
    });
    const expected = createHash('md5').update(names.join(',')).digest('hex');
    expect(await checksum(dbs[0].database, NAMES)).toBe(expected);
    const [meetingsSum] = await queryRows<{ sum: string }>(dbs[0].database.db, sql.raw(MEETINGS));
    expect(meetingsSum.sum).toMatch(/^[0-9a-f]{32}$/);
  });

  it('loads rows that agree with each other', async () => {
    const db = dbs[0].database.db;
    const one = async (q: string) => Number((await queryRows<{ n: number }>(db, sql.raw(q)))[0].n);
    // every attendance row belongs to an invitee of a meeting that took place, with a reason when absent
    expect(
      await one(`select count(*)::int as n from attendance a
        left join invitations i on i.meeting_id = a.meeting_id and i.person_id = a.person_id
        join meetings m on m.id = a.meeting_id
        where i.id is null or m.status not in ('held', 'minutes_locked')`),
    ).toBe(0);
    // every school hangs under a commune under a province; every team under its school
    expect(
      await one(`select count(*)::int as n from orgs o where o.type <> 'province_department'
        and not exists (select 1 from org_links l where l.org_id = o.id)`),
    ).toBe(0);
    // network meetings are hosted by a member school; minutes exist exactly for held meetings
    expect(
      await one(`select count(*)::int as n from meetings m where m.network_id is not null
        and not exists (select 1 from network_members nm where nm.network_id = m.network_id and nm.org_id = m.host_org_id)`),
    ).toBe(0);
    expect(
      await one(
        `select count(*)::int as n from meetings m where (m.status in ('held', 'minutes_locked')) <> exists (select 1 from minutes x where x.meeting_id = m.id)`,
      ),
    ).toBe(0);
    // accounts are a sample, all with the one shared hash
    expect(await one('select count(distinct password_hash)::int as n from accounts')).toBe(1);
    expect(manifests[0].counts.accounts).toBeLessThan(manifests[0].counts.people);
  });

  it("answers the sample teacher's \"my meetings\" and the cluster's term report through the app's services", async () => {
    const db = dbs[0].database.db;
    const m = manifests[0];
    const actorOf = async (personId: string) => {
      const [a] = await queryRows<{ id: string }>(db, sql`select id from accounts where person_id = ${personId}`);
      return loadActor(db, { accountId: a.id, personId, fullName: '', isAdmin: false });
    };
    const teacher = await actorOf(m.samples.teacher.personId);
    const lines = await mine(db, teacher, {});
    expect(lines.length).toBe(m.samples.teacher.meetingsInYear);
    expect(lines.map((l) => l.id)).toContain(m.samples.heldMeetingId);
    expect(lines.every((l) => l.myRoles?.length)).toBe(true);

    const leader = await actorOf(m.samples.clusterLeader.personId);
    const report = await reports.get(db, leader, m.samples.clusterLeader.reportIds['1']);
    expect(report.results.meetingsHeld).toBeGreaterThan(0);
    expect(report.results.participants).toBeGreaterThan(0);
  });
});
