import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/server/db/client';
import { createTestDatabase } from '../helpers/testApp';

/**
 * meeting_participation (migration 0015) is kept by triggers; after every kind of write that can change who was
 * invited, who came, or where a person belongs on a meeting's day, the kept rows must equal a recount from scratch.
 * The recount below is the dashboard's former live query (every invitation and attendance record), written out
 * here on its own so the test does not lean on the function the triggers call.
 */

type Row = {
  meetingId: string;
  schoolId: string | null;
  invited: number;
  present: number;
  day: string;
  held: boolean;
  hostOrgId: string;
  networkId: string | null;
  subjectIds: string[];
};

const RECOUNT = sql`
  with inv as (
    select x.meeting_id, x.person_id, bool_or(x.present) as present from (
      select meeting_id, person_id, false as present from invitations
      union all
      select meeting_id, person_id, status in ('present', 'late') from attendance
    ) x group by x.meeting_id, x.person_id
  ),
  placed as (
    select distinct on (inv.meeting_id, inv.person_id) inv.meeting_id, inv.present,
      case when mo.type = 'team' then l.parent_id else mo.id end as school_id
    from inv join meetings m on m.id = inv.meeting_id
    cross join lateral (select (m.starts_at at time zone 'Asia/Ho_Chi_Minh')::date as day) d
    left join (memberships ms join orgs mo on mo.id = ms.org_id and mo.type in ('school', 'center', 'team'))
      on ms.person_id = inv.person_id
      and (ms.valid_from is null or ms.valid_from <= d.day) and (ms.valid_to is null or ms.valid_to >= d.day)
    left join org_links l on l.org_id = mo.id and mo.type = 'team'
      and l.valid_from <= d.day and (l.valid_to is null or l.valid_to >= d.day)
    order by inv.meeting_id, inv.person_id, (mo.type = 'team'), ms.valid_from desc
  )
  select g.*, (m.starts_at at time zone 'Asia/Ho_Chi_Minh')::date::text as day,
    m.status in ('held', 'minutes_locked') as held, m.host_org_id as "hostOrgId", m.network_id as "networkId",
    coalesce((select array_agg(ms.subject_id::text order by ms.subject_id) from meeting_subjects ms where ms.meeting_id = m.id),
      '{}') as "subjectIds"
  from (select meeting_id as "meetingId", school_id as "schoolId", count(*)::int as invited,
      (count(*) filter (where present))::int as present
    from placed group by meeting_id, school_id) g
  join meetings m on m.id = g."meetingId"
  order by 1, 2 nulls first`;

const KEPT = sql`select meeting_id as "meetingId", school_id as "schoolId", invited, present, day::text as day, held,
    host_org_id as "hostOrgId", network_id as "networkId", subject_ids::text[] as "subjectIds"
  from meeting_participation order by 1, 2 nulls first`;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database['db'];

async function expectInStep(): Promise<Row[]> {
  const kept = await queryRows<Row>(db, KEPT);
  expect(kept).toEqual(await queryRows<Row>(db, RECOUNT));
  return kept;
}

const one = async <T>(q: ReturnType<typeof sql>): Promise<T> => {
  const [row] = await queryRows<T>(db, q);
  if (!row) throw new Error('the demo data lacks a row this test needs');
  return row;
};

describe('kept participation totals (meeting_participation)', () => {
  beforeAll(async () => {
    t = await createTestDatabase({ demo: true });
    db = t.database.db;
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('hold the demo data, a row per meeting and school, with someone present somewhere', async () => {
    const kept = await expectInStep();
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.some((r) => r.present > 0)).toBe(true);
    expect(kept.every((r) => r.present <= r.invited)).toBe(true);
  });

  it('follow check-ins, changed statuses and removed invitations', async () => {
    const inv = await one<{ meetingId: string; personId: string }>(
      sql`select i.meeting_id as "meetingId", i.person_id as "personId" from invitations i
      where not exists (select 1 from attendance a where a.meeting_id = i.meeting_id and a.person_id = i.person_id) limit 1`,
    );
    const before = await queryRows<Row>(db, sql`select invited, present from meeting_participation where meeting_id = ${inv.meetingId}`);
    await db.execute(
      sql`insert into attendance (meeting_id, person_id, status, method) values (${inv.meetingId}, ${inv.personId}, 'present', 'qr')`,
    );
    const after = await queryRows<Row>(db, sql`select invited, present from meeting_participation where meeting_id = ${inv.meetingId}`);
    const sum = (rows: Row[], k: 'invited' | 'present') => rows.reduce((a, r) => a + r[k], 0);
    expect(sum(after, 'present')).toBe(sum(before, 'present') + 1);
    expect(sum(after, 'invited')).toBe(sum(before, 'invited'));
    await expectInStep();

    await db.execute(
      sql`update attendance set status = 'absent', reason = 'Ốm' where meeting_id = ${inv.meetingId} and person_id = ${inv.personId}`,
    );
    await expectInStep();
    await db.execute(sql`delete from invitations where meeting_id = ${inv.meetingId} and person_id = ${inv.personId}`);
    await expectInStep(); // still counted: the attendance record keeps the person among the invited
    await db.execute(sql`delete from attendance where meeting_id = ${inv.meetingId} and person_id = ${inv.personId}`);
    await expectInStep();
  });

  it('follow invitations added in bulk to a meeting of several schools', async () => {
    const m = await one<{ id: string }>(sql`select id from meetings order by starts_at desc limit 1`);
    await db.execute(sql`insert into invitations (meeting_id, person_id)
      select ${m.id}, p.id from people p
      where not exists (select 1 from invitations i where i.meeting_id = ${m.id} and i.person_id = p.id) limit 40`);
    const kept = await expectInStep();
    expect(kept.filter((r) => r.meetingId === m.id).length).toBeGreaterThan(1);
  });

  it('follow a person moving school, a team moving school and a meeting moving day', async () => {
    const a = await one<{ personId: string; membershipId: string; meetingDay: string }>(
      sql`select a.person_id as "personId", ms.id as "membershipId",
        (m.starts_at at time zone 'Asia/Ho_Chi_Minh')::date::text as "meetingDay"
      from attendance a join meetings m on m.id = a.meeting_id
      join memberships ms on ms.person_id = a.person_id join orgs o on o.id = ms.org_id and o.type in ('school', 'team')
      order by m.starts_at limit 1`,
    );
    const other = await one<{ id: string }>(
      sql`select o.id from orgs o where o.type = 'school'
      and o.id not in (select org_id from memberships where id = ${a.membershipId}
        union select l.parent_id from org_links l join memberships ms on ms.org_id = l.org_id where ms.id = ${a.membershipId})
      limit 1`,
    );
    // left the old school the day before the meeting, joined the other from that day
    await db.execute(sql`update memberships set valid_to = (${a.meetingDay}::date - 1) where id = ${a.membershipId}`);
    await db.execute(
      sql`update memberships set valid_from = null where id = ${a.membershipId} and valid_from > (${a.meetingDay}::date - 1)`,
    );
    await db.execute(sql`insert into memberships (person_id, org_id, position, valid_from)
      select person_id, ${other.id}, position, ${a.meetingDay}::date from memberships where id = ${a.membershipId}`);
    const kept = await expectInStep();
    expect(kept.some((r) => r.schoolId === other.id)).toBe(true);

    const team = await one<{ linkId: string; teamId: string; schoolId: string }>(
      sql`select l.id as "linkId", l.org_id as "teamId", l.parent_id as "schoolId" from org_links l
      join orgs t on t.id = l.org_id and t.type = 'team'
      where exists (select 1 from memberships ms join attendance a on a.person_id = ms.person_id where ms.org_id = t.id)
      limit 1`,
    );
    const school = await one<{ id: string }>(sql`select id from orgs where type = 'school' and id <> ${team.schoolId} limit 1`);
    await db.execute(sql`update org_links set parent_id = ${school.id} where id = ${team.linkId}`);
    await expectInStep();

    const moved = await one<{ id: string }>(
      sql`select meeting_id as id from meeting_participation p where not exists (select 1 from minutes m where m.meeting_id = p.meeting_id and m.status in ('signing', 'locked')) order by meeting_id limit 1`,
    );
    await db.execute(sql`update meetings set starts_at = starts_at - interval '400 days' where id = ${moved.id}`);
    await expectInStep();
    await db.execute(sql`update meetings set title = title || ' ' where id = ${moved.id}`);
    await expectInStep();
    await db.execute(sql`update meetings set status = 'cancelled', status_reason = 'Trùng lịch thi' where id = ${moved.id}`);
    expect((await expectInStep()).filter((r) => r.meetingId === moved.id).every((r) => !r.held)).toBe(true);
    await db.execute(sql`delete from meeting_subjects where meeting_id = ${moved.id}`);
    await db.execute(sql`insert into meeting_subjects (meeting_id, subject_id) select ${moved.id}, id from subjects limit 2`);
    expect((await expectInStep()).find((r) => r.meetingId === moved.id)?.subjectIds).toHaveLength(2);
  });

  it('drop the rows of a deleted meeting', async () => {
    const m = await one<{ id: string }>(
      sql`select meeting_id as id from meeting_participation p where not exists (select 1 from minutes m where m.meeting_id = p.meeting_id and m.status in ('signing', 'locked')) limit 1`,
    );
    await db.execute(sql`delete from meetings where id = ${m.id}`);
    const kept = await expectInStep();
    expect(kept.some((r) => r.meetingId === m.id)).toBe(false);
  });

  it('count each of two simultaneous check-ins at one meeting once (PostgreSQL: two connections)', async (ctx) => {
    if (!t.url) {
      ctx.skip(); // PGlite has one connection: writes cannot overlap there
      return;
    }
    const pair = await queryRows<{ meetingId: string; personId: string }>(
      db,
      sql`select i.meeting_id as "meetingId", i.person_id as "personId" from invitations i
      where i.meeting_id = (select i2.meeting_id from invitations i2
        where not exists (select 1 from attendance a where a.meeting_id = i2.meeting_id and a.person_id = i2.person_id)
        group by i2.meeting_id having count(*) >= 2 limit 1)
      and not exists (select 1 from attendance a where a.meeting_id = i.meeting_id and a.person_id = i.person_id)
      limit 2`,
    );
    expect(pair).toHaveLength(2);
    const clients = [new pg.Client({ connectionString: t.url }), new pg.Client({ connectionString: t.url })];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const checkIn = (i: number) =>
        clients[i].query(`insert into attendance (meeting_id, person_id, status, method) values ($1, $2, 'present', 'qr')`, [
          pair[i].meetingId,
          pair[i].personId,
        ]);
      await Promise.all(clients.map((c) => c.query('begin')));
      await checkIn(0);
      // the second waits for the first's lock on the meeting, then counts the first's row too
      const second = checkIn(1);
      await clients[0].query('commit');
      await second;
      await clients[1].query('commit');
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    await expectInStep();
  });
});
