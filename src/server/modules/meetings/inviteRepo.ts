import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Position } from '../../../shared/enums';
import { type Executor, queryRows } from '../../db/client';
import { invitationRules, invitations, memberships, orgSubjects, orgs, people, personSubjects } from '../../db/schema';
import { membershipValidOn } from '../people/repo';

/** Positions a rule's "teachers" also covers: team heads and deputies teach too. */
const TEACHING: readonly Position[] = ['teacher', 'team_head', 'team_deputy'];

/**
 * The positions valid on a day in one of the orgs, optionally with given positions and subjects, with who holds them.
 * A rule for teachers works as schools do: "teachers" includes team heads and deputies, and "teachers of subject X"
 * is anyone in scope whose teaching subjects include X, plus the heads and deputies of a team teaching X.
 */
export async function holdersIn(
  db: Executor,
  orgIds: string[],
  day: string,
  f: { positions: Position[]; subjectIds: string[] },
): Promise<Array<{ personId: string; orgId: string; position: Position }>> {
  if (orgIds.length === 0) return [];
  const conds = [inArray(memberships.orgId, orgIds), membershipValidOn(day)];
  const teachers = f.positions.includes('teacher');
  const positions = teachers ? [...new Set([...f.positions, ...TEACHING])] : f.positions;
  const subjects = sql.join(
    f.subjectIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const teaches = sql`exists (select 1 from ${personSubjects} ps where ps.person_id = ${memberships.personId} and ps.subject_id in (${subjects}))`;
  const leadsTeam = sql`(${memberships.position} in ('team_head', 'team_deputy') and exists (select 1 from ${orgSubjects} os where os.org_id = ${memberships.orgId} and os.subject_id in (${subjects})))`;
  const byPosition = positions.length ? inArray(memberships.position, positions) : undefined;
  const bySubject = f.subjectIds.length ? (or(teaches, leadsTeam) as SQL) : undefined;
  const both = and(byPosition, bySubject);
  // Whoever teaches X is one of "the teachers of X", whatever else they hold (a vice-principal who teaches Toán).
  if (both) conds.push(teachers && bySubject ? (or(teaches, both) as SQL) : both);
  return db
    .selectDistinct({ personId: memberships.personId, orgId: memberships.orgId, position: memberships.position })
    .from(memberships)
    .where(and(...conds));
}

/** Which of the people are invited to the meeting already. */
export async function alreadyInvited(db: Executor, meetingId: string, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .select({ personId: invitations.personId })
    .from(invitations)
    .where(and(eq(invitations.meetingId, meetingId), inArray(invitations.personId, personIds)));
  return new Set(rows.map((r) => r.personId));
}

/** Orgs each person holds a position in on one of the days (the invitable-set check of issue 14). */
export async function positionOrgsOn(db: Executor, personIds: string[], days: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ personId: memberships.personId, orgId: memberships.orgId })
    .from(memberships)
    .where(and(inArray(memberships.personId, personIds), or(...days.map((d) => membershipValidOn(d)))));
  for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), r.orgId]);
  return out;
}

/** Orgs each person has held any position in (history included), as the people policy reads them. */
export async function anyPositionOrgs(db: Executor, personIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ personId: memberships.personId, orgId: memberships.orgId })
    .from(memberships)
    .where(inArray(memberships.personId, personIds));
  for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), r.orgId]);
  return out;
}

/** Schools and centres among the given orgs, optionally only those teaching one of the levels. */
export async function schoolsAmong(db: Executor, orgIds: string[], levels: string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.select({ id: orgs.id, type: orgs.type, levels: orgs.levels }).from(orgs).where(inArray(orgs.id, orgIds));
  return rows
    .filter((o) => (o.type === 'school' || o.type === 'center') && (levels.length === 0 || o.levels.some((l) => levels.includes(l))))
    .map((o) => o.id);
}

/** Names of orgs and subjects, for a rule's description. */
export async function namesOf(db: Executor, table: 'orgs' | 'subjects' | 'networks', ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select name from ${sql.raw(table)} where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) order by name`,
  );
  return rows.map((r) => r.name);
}

/** Full names of people, sorted. */
export async function personNames(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ name: people.fullName }).from(people).where(inArray(people.id, ids)).orderBy(people.fullName);
  return rows.map((r) => r.name);
}

/** Stores a rule. */
export async function insertRule(db: Executor, meetingId: string, rule: unknown, description: string) {
  const [row] = await db.insert(invitationRules).values({ meetingId, rule, description }).returning();
  return row;
}

/** Deletes a rule and the invitations it made. */
export async function deleteRule(db: Executor, meetingId: string, ruleId: string): Promise<string[]> {
  const removed = await db
    .delete(invitations)
    .where(and(eq(invitations.meetingId, meetingId), eq(invitations.ruleId, ruleId)))
    .returning({ personId: invitations.personId });
  const gone = await db
    .delete(invitationRules)
    .where(and(eq(invitationRules.meetingId, meetingId), eq(invitationRules.id, ruleId)))
    .returning({ id: invitationRules.id });
  return gone.length ? removed.map((r) => r.personId) : [];
}

/** Invites people who are not invited yet; returns the newly invited person ids. */
export async function insertInvitations(
  db: Executor,
  meetingId: string,
  personIds: string[],
  o: { venueId: string | null; ruleId: string | null; venueChosen?: boolean },
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const venueChosen = o.venueChosen ?? false;
  const rows = await db
    .insert(invitations)
    .values(personIds.map((personId) => ({ meetingId, personId, venueId: o.venueId, ruleId: o.ruleId, venueChosen })))
    .onConflictDoNothing({ target: [invitations.meetingId, invitations.personId] })
    .returning({ personId: invitations.personId });
  return rows.map((r) => r.personId);
}

/** Removes one invitation; returns the person id, if it existed. */
export async function deleteInvitation(db: Executor, meetingId: string, invitationId: string): Promise<string | undefined> {
  const rows = await db
    .delete(invitations)
    .where(and(eq(invitations.meetingId, meetingId), eq(invitations.id, invitationId)))
    .returning({ personId: invitations.personId });
  return rows[0]?.personId;
}

/** Sets the venue of invitations, by person. */
export async function setVenues(db: Executor, meetingId: string, byPerson: Map<string, string | null>): Promise<void> {
  const groups = new Map<string | null, string[]>();
  for (const [p, v] of byPerson) groups.set(v, [...(groups.get(v) ?? []), p]);
  for (const [venueId, personIds] of groups)
    await db
      .update(invitations)
      .set({ venueId })
      .where(and(eq(invitations.meetingId, meetingId), inArray(invitations.personId, personIds)));
}

/** Sets the venue of one invitation, chosen by hand (the automatic bridge-point rule leaves it alone from then on). */
export async function setInvitationVenue(db: Executor, meetingId: string, invitationId: string, venueId: string | null) {
  const rows = await db
    .update(invitations)
    .set({ venueId, venueChosen: venueId !== null })
    .where(and(eq(invitations.meetingId, meetingId), eq(invitations.id, invitationId)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** For each invitee, the schools (or offices) where they hold a position on a day, with each org's parent then. */
export async function inviteePlaces(db: Executor, meetingId: string, day: string) {
  return queryRows<{ personId: string; orgId: string; orgType: string; parentId: string | null }>(
    db,
    sql`select i.person_id as "personId", o.id as "orgId", o.type::text as "orgType",
      (select l.parent_id from org_links l where l.org_id = o.id and l.valid_from <= ${day} and (l.valid_to is null or l.valid_to >= ${day}) limit 1) as "parentId"
    from invitations i
    join memberships m on m.person_id = i.person_id
      and (m.valid_from is null or m.valid_from <= ${day}) and (m.valid_to is null or m.valid_to >= ${day})
    join orgs o on o.id = case when (select type from orgs where id = m.org_id) = 'team'
      then (select l.parent_id from org_links l where l.org_id = m.org_id and l.valid_from <= ${day} and (l.valid_to is null or l.valid_to >= ${day}) limit 1)
      else m.org_id end
    where i.meeting_id = ${meetingId}
    order by i.person_id, (o.type in ('school', 'center')) desc`,
  );
}

/** Each invitation's person, venue and whether that venue was chosen by hand. */
export async function venueChoices(db: Executor, meetingId: string) {
  return db
    .select({ personId: invitations.personId, venueId: invitations.venueId, venueChosen: invitations.venueChosen })
    .from(invitations)
    .where(eq(invitations.meetingId, meetingId));
}
