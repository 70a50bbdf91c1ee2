import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/testApp';
import type { ComplianceView } from '../../shared/dashboard';
import { queryRows } from '../db/client';
import { seedDemo } from './demo';

/**
 * The demo lives around the day it is made: seeded on a faked "today" in October and in March, each of the eight
 * demo accounts has something to do in the current school year, read from the data the app shows (minutes awaiting
 * their signature, plans and reports to review, a returned plan to revise, meetings in the coming week, inspections
 * past their day without a record), and the Sở's dashboard shows networks both on and behind their quota.
 */

interface Todo {
  sign: number;
  plansToReview: number;
  reportsToReview: number;
  plansToRevise: number;
  upcoming: number;
  inspectionsOverdue: number;
}

/** The to-do counts of one account on `today`, from the same tables the app's lists read. */
async function todoOf(t: TestApp, email: string, today: string): Promise<Todo> {
  const [row] = await queryRows<Todo>(
    t.db,
    sql`with me as (select a.person_id as id, a.is_admin from accounts a where a.email = ${email}),
        offices as (select m.org_id from memberships m, me where m.person_id = me.id
          and m.position in ('specialist', 'office_leader') and (m.valid_from is null or m.valid_from <= ${today}::date)
          and (m.valid_to is null or m.valid_to >= ${today}::date))
      select
        (select count(*)::int from minutes x, me where x.status = 'signing'
          and exists (select 1 from jsonb_array_elements(x.frozen->'signers') s where s->>'personId' = me.id::text)
          and not exists (select 1 from minutes_signatures g where g.minutes_id = x.id and g.person_id = me.id)) as sign,
        (select count(*)::int from plans p, me where p.status = 'submitted'
          and (me.is_admin or p.reviewer_org_id in (select org_id from offices))) as "plansToReview",
        (select count(*)::int from reports r, me where r.status in ('submitted', 'resubmitted')
          and (me.is_admin or r.reviewer_org_id in (select org_id from offices))) as "reportsToReview",
        (select count(*)::int from plans p join network_leaders l on l.network_id = p.network_id, me
          where p.status = 'returned' and l.person_id = me.id) as "plansToRevise",
        (select count(*)::int from invitations i join meetings g on g.id = i.meeting_id, me where i.person_id = me.id
          and g.status = 'scheduled' and g.starts_at > ${`${today}T00:00:00+07:00`}::timestamptz
          and g.starts_at < ${`${today}T00:00:00+07:00`}::timestamptz + interval '8 days') as upcoming,
        (select count(*)::int from inspections n, me where n.status = 'planned' and n.visit_date < ${today}::date
          and (me.is_admin or n.province_org_id in (select org_id from offices))) as "inspectionsOverdue"`,
  );
  return row;
}

const total = (t: Todo) => Object.values(t).reduce((a, b) => a + b, 0);

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  vi.useRealTimers();
});

describe.each([
  ['2026-10-14', '2026-2027', 1],
  ['2028-03-15', '2027-2028', 2],
])('the demo made on %s', (today, yearCode, term) => {
  it(`gives each of the eight accounts something to do in ${yearCode}, and a dashboard with groups on and behind quota`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${today}T02:00:00Z`));
    t = await createTestApp();
    const app = t;
    const seeded = await app.db.transaction((tx) => seedDemo(tx, { today }));

    const todos = new Map<string, Todo>();
    for (const a of seeded.accounts) todos.set(a.email, await todoOf(app, a.email, today));
    for (const [email, todo] of todos) expect({ email, total: total(todo) > 0 }).toEqual({ email, total: true });
    const of = (email: string) => todos.get(email) as Todo;
    expect(of('chuyenvien.so@lientruong.vn').plansToReview).toBeGreaterThan(0);
    expect(of('chuyenvien.so@lientruong.vn').reportsToReview).toBeGreaterThan(0);
    expect(of('canbo.xa@lientruong.vn').reportsToReview).toBeGreaterThan(0);
    expect(of('hieutruong@lientruong.vn').sign).toBeGreaterThan(0);
    expect(of('hieutruong@lientruong.vn').plansToRevise).toBeGreaterThan(0);
    for (const e of ['totruong@lientruong.vn', 'giaovien@lientruong.vn']) {
      expect(of(e).sign).toBeGreaterThan(0);
      expect(of(e).upcoming).toBeGreaterThan(0);
    }
    expect(of('chuyenvien.bacgiang@lientruong.vn').inspectionsOverdue).toBeGreaterThan(0);
    expect(of('hieutruong.lucnam@lientruong.vn').upcoming).toBeGreaterThan(0);

    const client = await app.client().login('chuyenvien.so@lientruong.vn', seeded.password);
    const res = await client.get('/api/dashboard/compliance');
    expect(res.statusCode).toBe(200);
    const view: ComplianceView = res.json();
    expect(view.schoolYear.code).toBe(yearCode);
    expect(view.term.number).toBe(term);
    const groups = view.networks.filter((n) => n.kind === 'school_group');
    expect(groups.some((n) => n.behind)).toBe(true);
    expect(groups.some((n) => !n.behind && n.held > 0)).toBe(true);
  });
});
