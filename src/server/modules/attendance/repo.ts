import { and, eq, sql } from 'drizzle-orm';
import type { AttendanceStatus, MinutesStatus } from '../../../shared/enums';
import { type Executor, queryRows } from '../../db/client';
import { attendance, invitations, meetings, minutes, orgs } from '../../db/schema';

/** SQL: the name of a person's unit today (a team member's unit is the team's school). */
export function unitNameSql(personIdColumn: unknown, date: string) {
  return sql<string | null>`(
    select coalesce(
      case when uo.type = 'team' then (
        select po.name from org_links ul join orgs po on po.id = ul.parent_id
        where ul.org_id = uo.id and ul.valid_from <= ${date} and (ul.valid_to is null or ul.valid_to >= ${date}) limit 1
      ) end, uo.name)
    from memberships um join orgs uo on uo.id = um.org_id
    where um.person_id = ${personIdColumn}
      and (um.valid_from is null or um.valid_from <= ${date}) and (um.valid_to is null or um.valid_to >= ${date})
    order by case when uo.type in ('school', 'center', 'team') then 0 else 1 end, um.valid_from desc nulls last
    limit 1)`;
}

/** A meeting with its host's name. */
export async function findMeeting(db: Executor, id: string) {
  const rows = await db
    .select({ meeting: meetings, hostOrgName: orgs.name })
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.hostOrgId))
    .where(eq(meetings.id, id))
    .limit(1);
  return rows[0];
}

/** Org ids of the members of the meeting's network (none when the meeting has no network). */
export async function networkMemberIds(db: Executor, networkId: string | null): Promise<string[]> {
  if (!networkId) return [];
  const rows = await queryRows<{ id: string }>(db, sql`select org_id as id from network_members where network_id = ${networkId}`);
  return rows.map((r) => r.id);
}

/** Whether the person is invited to the meeting, and from which venue. */
export async function invitationOf(db: Executor, meetingId: string, personId: string) {
  const rows = await db
    .select({ venueId: invitations.venueId })
    .from(invitations)
    .where(and(eq(invitations.meetingId, meetingId), eq(invitations.personId, personId)))
    .limit(1);
  return rows[0];
}

/** Locks the meeting row until the transaction ends: attendance changes and the start of signing take turns. */
export async function lockMeeting(db: Executor, meetingId: string): Promise<void> {
  await db.execute(sql`select id from meetings where id = ${meetingId} for no key update`);
}

/** Status of the meeting's minutes, without locking (none: no minutes yet). */
export async function minutesStatus(db: Executor, meetingId: string): Promise<MinutesStatus | undefined> {
  const rows = await db.select({ status: minutes.status }).from(minutes).where(eq(minutes.meetingId, meetingId));
  return rows[0]?.status;
}

/** Invitees and anyone with an attendance row, with venue and status, in name order. */
export async function sheet(db: Executor, meetingId: string, date: string) {
  return queryRows<{
    personId: string;
    fullName: string;
    unitName: string | null;
    venueId: string | null;
    venueName: string | null;
    venueIsCentral: boolean | null;
    status: AttendanceStatus | null;
    reason: string | null;
    method: 'secretary' | 'qr' | null;
    checkedInAt: string | null;
  }>(
    db,
    sql`
    with who as (
      select person_id, venue_id from invitations where meeting_id = ${meetingId}
      union
      select a.person_id, a.venue_id from attendance a where a.meeting_id = ${meetingId}
        and not exists (select 1 from invitations i where i.meeting_id = a.meeting_id and i.person_id = a.person_id)
    )
    select p.id as "personId", p.full_name as "fullName", ${unitNameSql(sql`p.id`, date)} as "unitName",
      v.id as "venueId", v.name as "venueName", v.is_central as "venueIsCentral",
      a.status, a.reason, a.method, to_char(a.checked_in_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "checkedInAt"
    from who
    join people p on p.id = who.person_id
    left join attendance a on a.meeting_id = ${meetingId} and a.person_id = who.person_id
    left join venues v on v.id = coalesce(a.venue_id, who.venue_id)
    order by v.is_central desc nulls last, v.sort_order nulls last, v.name nulls last, p.full_name`,
  );
}

/** Venues of a meeting, central first. */
export async function venuesOf(db: Executor, meetingId: string) {
  return queryRows<{ id: string; name: string; isCentral: boolean; address: string | null; room: string | null }>(
    db,
    sql`select id, name, is_central as "isCentral", address, room from venues where meeting_id = ${meetingId} order by is_central desc, sort_order, name`,
  );
}

/** Person ids invited to the meeting, with their venue. */
export async function invitees(db: Executor, meetingId: string) {
  return db
    .select({ personId: invitations.personId, venueId: invitations.venueId })
    .from(invitations)
    .where(eq(invitations.meetingId, meetingId));
}

/** Inserts or replaces attendance rows. */
export async function upsert(db: Executor, rows: Array<typeof attendance.$inferInsert>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(attendance)
    .values(rows)
    .onConflictDoUpdate({
      target: [attendance.meetingId, attendance.personId],
      set: {
        status: sql`excluded.status`,
        reason: sql`excluded.reason`,
        method: sql`excluded.method`,
        venueId: sql`coalesce(excluded.venue_id, ${attendance.venueId})`,
        checkedInAt: sql`coalesce(excluded.checked_in_at, ${attendance.checkedInAt})`,
        recordedBy: sql`excluded.recorded_by`,
        updatedAt: sql`now()`,
      },
    });
}

/** One attendance row. */
export async function findAttendance(db: Executor, meetingId: string, personId: string) {
  const rows = await db
    .select()
    .from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), eq(attendance.personId, personId)))
    .limit(1);
  return rows[0];
}

/** Inserts a QR check-in unless the person already has a row; returns the row that is there afterwards. */
export async function insertCheckin(db: Executor, row: typeof attendance.$inferInsert) {
  await db
    .insert(attendance)
    .values(row)
    .onConflictDoNothing({ target: [attendance.meetingId, attendance.personId] });
  return findAttendance(db, row.meetingId, row.personId);
}

/** Sets the meeting's status (held / minutes_locked). */
export async function setMeetingStatus(db: Executor, meetingId: string, status: 'held' | 'minutes_locked'): Promise<void> {
  await db.update(meetings).set({ status, updatedAt: new Date() }).where(eq(meetings.id, meetingId));
}

/** One row of the travel-allowance export: who attended (present or late) which meeting. */
export interface TravelRow {
  fullName: string;
  unitName: string | null;
  meetingTitle: string;
  /** The meeting's date in Vietnam, YYYY-MM-DD. */
  startsAt: string;
  hostName: string;
  venueName: string | null;
  status: AttendanceStatus;
}

/** Where a page of meetings ends: the sort key of its last meeting (starts_at as exact text, title, id). */
export interface MeetingCursor {
  startsAt: string;
  title: string;
  id: string;
}

/**
 * A list of ids as one `uuid[]` parameter (`= any(…)`): thousands of ids (a province's orgs) would otherwise be
 * thousands of parameters for PostgreSQL to parse and plan on every page.
 */
const uuidArray = (list: readonly string[]) => sql`${`{${list.join(',')}}`}::uuid[]`;

/**
 * One keyset page of the meetings hosted in the given orgs between two dates, in (starts_at, title, id) order,
 * after `after`. Paging by meeting keeps each page's query small however many rows the whole export has. The dates
 * (Vietnam, UTC+7 all year) become a range of `starts_at` and the cursor a lower bound on it, so each page is read
 * from the `starts_at` index (a computed date made every page scan and sort the whole range: quadratic).
 */
export async function travelMeetingsPage(
  db: Executor,
  hostOrgIds: string[],
  range: { from: string; to: string },
  after: MeetingCursor | null,
  limit: number,
): Promise<MeetingCursor[]> {
  if (hostOrgIds.length === 0) return [];
  return queryRows<MeetingCursor>(
    db,
    sql`
    select m.id, m.starts_at::text as "startsAt", m.title
    from meetings m
    where m.host_org_id = any(${uuidArray(hostOrgIds)})
      and m.starts_at >= (${range.from}::date - interval '7 hours') at time zone 'UTC'
      and m.starts_at < (${range.to}::date + 1 - interval '7 hours') at time zone 'UTC'
      ${
        after
          ? sql`and m.starts_at >= ${after.startsAt}::timestamptz
                and (m.starts_at, m.title, m.id) > (${after.startsAt}::timestamptz, ${after.title}, ${after.id}::uuid)`
          : sql``
      }
    order by m.starts_at, m.title, m.id
    limit ${limit}`,
  );
}

/**
 * Who attended (present or late) the given meetings, for travel allowances, in meeting then name order. Each
 * person's unit is looked up once per page, not once per row: besides the repeated work, the per-row lookup made the
 * planner's estimate cross `jit_above_cost`, and compiling the query took longer than running it (on every page).
 */
export async function travelRowsOf(db: Executor, meetingIds: string[], date: string): Promise<TravelRow[]> {
  if (meetingIds.length === 0) return [];
  return queryRows<TravelRow>(
    db,
    sql`
    with r as (
      select a.person_id, a.venue_id, a.status, m.id as meeting_id, m.starts_at, m.title, m.host_org_id
      from attendance a join meetings m on m.id = a.meeting_id
      where a.status in ('present', 'late') and a.meeting_id = any(${uuidArray(meetingIds)})
    ), units as (
      select d.person_id, ${unitNameSql(sql`d.person_id`, date)} as name from (select distinct person_id from r) d
    )
    select p.full_name as "fullName", u.name as "unitName", r.title as "meetingTitle",
      to_char(r.starts_at at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD') as "startsAt", h.name as "hostName",
      v.name as "venueName", r.status
    from r
    join orgs h on h.id = r.host_org_id
    join people p on p.id = r.person_id
    join units u on u.person_id = r.person_id
    left join venues v on v.id = r.venue_id
    order by r.starts_at, r.title, r.meeting_id, p.full_name, p.id`,
  );
}
