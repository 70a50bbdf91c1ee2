import { and, asc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import {
  attendance,
  invitations,
  meetingPresenters,
  meetingSubjects,
  meetings,
  minutes,
  minutesSignatures,
  networkLeaders,
  networkMembers,
  networks,
  orgs,
  people,
  schoolYears,
  subjects,
  terms,
  venues,
} from '../../db/schema';

/** Reads for the official documents. Only this file touches the database in the exports module. */

/** A network row. */
export async function findNetwork(db: Executor, id: string) {
  const rows = await db.select().from(networks).where(eq(networks.id, id)).limit(1);
  return rows[0];
}

/** Ids of a network and of the networks directly inside it (school groups inside a cluster). */
export async function networkAndChildren(db: Executor, id: string): Promise<string[]> {
  const rows = await db
    .select({ id: networks.id })
    .from(networks)
    .where(or(eq(networks.id, id), eq(networks.parentNetworkId, id)));
  return rows.map((r) => r.id);
}

/** Member org ids of a network. */
export async function memberOrgIds(db: Executor, networkId: string): Promise<string[]> {
  const rows = await db.select({ id: networkMembers.orgId }).from(networkMembers).where(eq(networkMembers.networkId, networkId));
  return rows.map((r) => r.id);
}

/** Leaders of networks (person ids and roles), leader first. */
export async function leadersOf(db: Executor, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return db
    .select({
      networkId: networkLeaders.networkId,
      personId: networkLeaders.personId,
      role: networkLeaders.role,
      fullName: people.fullName,
    })
    .from(networkLeaders)
    .innerJoin(people, eq(people.id, networkLeaders.personId))
    .where(inArray(networkLeaders.networkId, networkIds))
    .orderBy(sql`${networkLeaders.role} = 'deputy'`, asc(people.fullName));
}

/** Org rows by id. */
export async function orgsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: orgs.id, name: orgs.name, type: orgs.type, address: orgs.address }).from(orgs).where(inArray(orgs.id, ids));
}

/** A school year with the given term (or undefined term when none is asked). */
export async function schoolYearWithTerm(db: Executor, schoolYearId: string, term: number | undefined) {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, schoolYearId)).limit(1);
  if (!year || term === undefined) return { year, term: undefined };
  const [t] = await db
    .select()
    .from(terms)
    .where(and(eq(terms.schoolYearId, schoolYearId), eq(terms.number, term)))
    .limit(1);
  return { year, term: t };
}

/**
 * Meetings of a school year (and term) held by networks or hosted in orgs, except cancelled ones, by date.
 * A meeting without a term number counts in the term whose dates hold its start (Vietnam time).
 */
export async function scheduleMeetings(
  db: Executor,
  f: { schoolYearId: string; term?: { number: number; startDate: string; endDate: string }; networkIds?: string[]; hostOrgIds?: string[] },
) {
  const scope: SQL[] = [];
  if (f.networkIds?.length) scope.push(inArray(meetings.networkId, f.networkIds));
  if (f.hostOrgIds?.length) scope.push(inArray(meetings.hostOrgId, f.hostOrgIds));
  if (scope.length === 0) return [];
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      content: meetings.content,
      mode: meetings.mode,
      status: meetings.status,
      statusReason: meetings.statusReason,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      plannedCount: meetings.plannedCount,
      notes: meetings.notes,
      hostOrgId: meetings.hostOrgId,
      hostName: orgs.name,
    })
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.hostOrgId))
    .where(
      and(
        eq(meetings.schoolYearId, f.schoolYearId),
        f.term
          ? or(
              eq(meetings.termNumber, f.term.number),
              sql`${meetings.termNumber} is null and ((${meetings.startsAt} at time zone 'UTC') + interval '7 hours')::date between ${f.term.startDate} and ${f.term.endDate}`,
            )
          : undefined,
        ne(meetings.status, 'cancelled'),
        or(...scope),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.title));
}

/** Subject names of each meeting, in catalogue order. */
export async function subjectNames(db: Executor, meetingIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (meetingIds.length === 0) return out;
  const rows = await db
    .select({ meetingId: meetingSubjects.meetingId, name: subjects.name })
    .from(meetingSubjects)
    .innerJoin(subjects, eq(subjects.id, meetingSubjects.subjectId))
    .where(inArray(meetingSubjects.meetingId, meetingIds))
    .orderBy(asc(subjects.sortOrder), asc(subjects.name));
  for (const r of rows) out.set(r.meetingId, [...(out.get(r.meetingId) ?? []), r.name]);
  return out;
}

/** Venues of meetings (central first) with the name of the org each stands in. */
export async function venuesOf(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({
      meetingId: venues.meetingId,
      isCentral: venues.isCentral,
      name: venues.name,
      room: venues.room,
      address: venues.address,
      orgName: orgs.name,
    })
    .from(venues)
    .leftJoin(orgs, eq(orgs.id, venues.orgId))
    .where(inArray(venues.meetingId, meetingIds))
    .orderBy(asc(venues.meetingId), sql`${venues.isCentral} desc`, asc(venues.sortOrder));
}

/** Number of invitations of each meeting. */
export async function invitationCounts(db: Executor, meetingIds: string[]): Promise<Map<string, number>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await db
    .select({ meetingId: invitations.meetingId, n: sql<number>`count(*)::int` })
    .from(invitations)
    .where(inArray(invitations.meetingId, meetingIds))
    .groupBy(invitations.meetingId);
  return new Map(rows.map((r) => [r.meetingId, Number(r.n)]));
}

/** One meeting row. */
export async function findMeeting(db: Executor, id: string) {
  const rows = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  return rows[0];
}

/** Presenters of a meeting: a person (with their own unit filled later) or a team/org. */
export async function presentersOf(db: Executor, meetingId: string) {
  return db
    .select({ personId: meetingPresenters.personId, fullName: people.fullName, orgName: orgs.name, topic: meetingPresenters.topic })
    .from(meetingPresenters)
    .leftJoin(people, eq(people.id, meetingPresenters.personId))
    .leftJoin(orgs, eq(orgs.id, meetingPresenters.orgId))
    .where(eq(meetingPresenters.meetingId, meetingId))
    .orderBy(asc(meetingPresenters.sortOrder));
}

/** Attendance rows of a meeting with names. */
export async function attendanceOf(db: Executor, meetingId: string) {
  return db
    .select({ personId: attendance.personId, fullName: people.fullName, status: attendance.status, reason: attendance.reason })
    .from(attendance)
    .innerJoin(people, eq(people.id, attendance.personId))
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(people.fullName));
}

/** The minutes of a meeting, if any. */
export async function minutesOf(db: Executor, meetingId: string) {
  const rows = await db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).limit(1);
  return rows[0];
}

/** Signatures of minutes with names, in signing order. */
export async function signaturesOf(db: Executor, minutesId: string) {
  return db
    .select({
      personId: minutesSignatures.personId,
      fullName: people.fullName,
      role: minutesSignatures.role,
      signedAt: minutesSignatures.signedAt,
    })
    .from(minutesSignatures)
    .innerJoin(people, eq(people.id, minutesSignatures.personId))
    .where(eq(minutesSignatures.minutesId, minutesId))
    .orderBy(asc(minutesSignatures.signedAt));
}

/** Names of people by id. */
export async function peopleNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** A position held on a date, with the org and (for teams) the org's parent on that date. */
export interface PositionRow {
  personId: string;
  position: string;
  orgId: string;
  orgName: string;
  orgType: string;
  parentName: string | null;
}

/** Positions of people valid on a date (for their unit and title in documents). */
export async function positionsOn(db: Executor, personIds: string[], date: string): Promise<PositionRow[]> {
  if (personIds.length === 0) return [];
  return queryRows<PositionRow>(
    db,
    sql`
    select m.person_id as "personId", m.position::text as "position", o.id as "orgId", o.name as "orgName",
           o.type::text as "orgType", p.name as "parentName"
    from memberships m
    join orgs o on o.id = m.org_id
    left join org_links l on l.org_id = o.id and l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date})
    left join orgs p on p.id = l.parent_id
    where m.person_id in (${sql.join(
      personIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and (m.valid_from is null or m.valid_from <= ${date}) and (m.valid_to is null or m.valid_to >= ${date})
    order by m.person_id, (m.position in ('principal', 'office_leader')) desc, (m.position = 'vice_principal') desc`,
  );
}

/** The people holding given positions in an org on a date (e.g. its principal). */
export async function holdersOf(db: Executor, orgId: string, positions: string[], date: string) {
  return queryRows<{ personId: string; fullName: string; position: string }>(
    db,
    sql`
    select m.person_id as "personId", pe.full_name as "fullName", m.position::text as "position"
    from memberships m join people pe on pe.id = m.person_id
    where m.org_id = ${orgId}::uuid and m.position::text in (${sql.join(
      positions.map((p) => sql`${p}`),
      sql`, `,
    )})
      and (m.valid_from is null or m.valid_from <= ${date}) and (m.valid_to is null or m.valid_to >= ${date})
    order by array_position(array[${sql.join(
      positions.map((p) => sql`${p}`),
      sql`, `,
    )}]::text[], m.position::text), pe.full_name`,
  );
}
