import { and, eq, gte, inArray, isNull, lte, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { assignments, meetings, memberships, orgs, panelEntries, panelEvents, preparationReports, schoolYears } from '../../db/schema';

/** SQL condition: the membership holds on a day. */
function heldOn(day: string) {
  return sql`(${memberships.validFrom} is null or ${memberships.validFrom} <= ${day}) and (${memberships.validTo} is null or ${memberships.validTo} >= ${day})`;
}

/** Panel events still taking dossiers or not yet held (event day on or after `day`) and not yet decided. */
export async function openPanelEvents(db: Executor, day: string) {
  return db
    .select({
      id: panelEvents.id,
      title: panelEvents.title,
      organiserOrgId: panelEvents.organiserOrgId,
      eventDate: panelEvents.eventDate,
      submissionDeadline: panelEvents.submissionDeadline,
    })
    .from(panelEvents)
    .where(and(gte(panelEvents.eventDate, day), isNull(panelEvents.selectedAt)));
}

/** The school year running on a day (its id), if any. */
export async function yearOn(db: Executor, day: string): Promise<string | undefined> {
  const rows = await db
    .select({ id: schoolYears.id })
    .from(schoolYears)
    .where(and(lte(schoolYears.startDate, day), gte(schoolYears.endDate, day)))
    .limit(1);
  return rows[0]?.id;
}

/** Teams (org type team) among some org ids, with their names. */
export async function teamsAmong(db: Executor, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(inArray(orgs.id, orgIds), eq(orgs.type, 'team')));
}

/** Teams that have submitted an entry to the event. */
export async function enteredTeams(db: Executor, eventId: string): Promise<Set<string>> {
  const rows = await db.select({ id: panelEntries.teamOrgId }).from(panelEntries).where(eq(panelEntries.eventId, eventId));
  return new Set(rows.map((r) => r.id));
}

/** People holding one of the positions in each of some orgs on a day: orgId → person ids. */
export async function holdersOf(
  db: Executor,
  orgIds: string[],
  positions: (typeof memberships.$inferSelect)['position'][],
  day: string,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (orgIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ orgId: memberships.orgId, personId: memberships.personId })
    .from(memberships)
    .where(and(inArray(memberships.orgId, orgIds), inArray(memberships.position, positions), heldOn(day)));
  for (const r of rows) out.set(r.orgId, [...(out.get(r.orgId) ?? []), r.personId]);
  return out;
}

/**
 * Assignments linked to a meeting that is still to come (not cancelled, not held, starting on or after `from`) and for
 * which no preparation report was sent for that meeting, with the names the reminder needs.
 */
export async function assignmentsAwaitingPreparation(db: Executor, from: Date) {
  const sent = db
    .select({ id: preparationReports.assignmentId })
    .from(preparationReports)
    .where(and(eq(preparationReports.assignmentId, assignments.id), eq(preparationReports.meetingId, assignments.meetingId)));
  return db
    .select({
      id: assignments.id,
      provinceOrgId: assignments.provinceOrgId,
      schoolYearId: assignments.schoolYearId,
      unitOrgId: assignments.unitOrgId,
      unitName: orgs.name,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
      hostOrgId: meetings.hostOrgId,
    })
    .from(assignments)
    .innerJoin(meetings, eq(meetings.id, assignments.meetingId))
    .innerJoin(orgs, eq(orgs.id, assignments.unitOrgId))
    .where(
      and(gte(meetings.startsAt, from), notInArray(meetings.status, ['cancelled', 'held', 'minutes_locked']), sql`not exists (${sent})`),
    );
}

/** The type of each of some orgs. */
export async function typesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: orgs.id, type: orgs.type }).from(orgs).where(inArray(orgs.id, ids));
  return new Map(rows.map((r) => [r.id, r.type]));
}
