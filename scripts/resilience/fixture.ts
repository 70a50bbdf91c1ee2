import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../src/server/db/client';
import { buildInvitations, buildMeeting, buildMinutes } from '../../tests/factories/meetings';

/** A uuid[] parameter (drizzle would spread a JS array into a tuple). */
export function uuids(ids: string[]): SQL {
  return sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
}

/** A demo account used as a load-test user. */
export interface Account {
  email: string;
  personId: string;
  accountId: string;
}

/** Where the test meetings live: the current school year, a demo school, and a chair who never signs. */
export interface Place {
  schoolYearId: string;
  hostOrgId: string;
  chairPersonId: string;
}

/** The first n active, non-admin demo accounts (every demo account shares the demo password). */
export async function demoAccounts(db: Executor, n: number): Promise<Account[]> {
  return queryRows<Account>(
    db,
    sql`select a.email, a.person_id as "personId", a.id as "accountId" from accounts a
         where not a.is_admin and a.disabled_at is null order by a.email limit ${n}`,
  );
}

export async function place(db: Executor): Promise<Place> {
  const [row] = await queryRows<Place>(
    db,
    sql`select (select id from school_years where start_date <= current_date order by start_date desc limit 1) as "schoolYearId",
               (select id from orgs where type = 'school' order by code limit 1) as "hostOrgId",
               (select person_id from accounts where is_admin order by email limit 1) as "chairPersonId"`,
  );
  return row;
}

/** Meetings under way now (check-in open for 4 hours), everyone invited. */
export async function checkinMeetings(db: Executor, p: Place, count: number, personIds: string[], label: string) {
  const out: Array<{ id: string; secret: string }> = [];
  for (let i = 0; i < count; i++) {
    const m = await buildMeeting(db, {
      hostOrgId: p.hostOrgId,
      schoolYearId: p.schoolYearId,
      title: `Kiểm thử chịu tải ${label} — điểm danh ${i + 1}`,
      startsAt: new Date(Date.now() - 5 * 60_000),
      endsAt: new Date(Date.now() + 4 * 3_600_000),
      chairPersonId: p.chairPersonId,
    });
    await buildInvitations(db, m.id, personIds);
    out.push({ id: m.id, secret: m.checkinSecret });
  }
  return out;
}

/** Meetings held an hour ago whose minutes are out for signing; everyone invited and present; the chair never signs. */
export async function signingMeetings(db: Executor, p: Place, count: number, personIds: string[], label: string) {
  const out: Array<{ id: string; minutesId: string; textHash: string }> = [];
  for (let i = 0; i < count; i++) {
    const m = await buildMeeting(db, {
      hostOrgId: p.hostOrgId,
      schoolYearId: p.schoolYearId,
      title: `Kiểm thử chịu tải ${label} — ký biên bản ${i + 1}`,
      status: 'held',
      startsAt: new Date(Date.now() - 3 * 3_600_000),
      endsAt: new Date(Date.now() - 3_600_000),
      chairPersonId: p.chairPersonId,
    });
    await buildInvitations(db, m.id, personIds);
    await db.execute(sql`insert into attendance (meeting_id, person_id, status) select ${m.id}, unnest(${uuids(personIds)}), 'present'`);
    const discussion = `<p>Các ý kiến trao đổi của buổi ${label} ${i + 1}.</p>`;
    const textHash = createHash('sha256').update(`${m.id}|${discussion}`).digest('hex');
    const minutes = await buildMinutes(db, { meetingId: m.id, status: 'signing', discussion, textHash });
    out.push({ id: m.id, minutesId: minutes.id, textHash });
  }
  return out;
}

/** Meetings next week whose secretaries keep saving notes in the minutes draft. */
export async function notesMeetings(db: Executor, p: Place, secretaries: string[], everyone: string[], label: string) {
  const out: Array<{ id: string; secretaryPersonId: string }> = [];
  for (const [i, secretaryPersonId] of secretaries.entries()) {
    const m = await buildMeeting(db, {
      hostOrgId: p.hostOrgId,
      schoolYearId: p.schoolYearId,
      title: `Kiểm thử chịu tải ${label} — ghi biên bản ${i + 1}`,
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      chairPersonId: p.chairPersonId,
      secretaryPersonId,
    });
    await buildInvitations(db, m.id, everyone);
    out.push({ id: m.id, secretaryPersonId });
  }
  return out;
}
