import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { orgs, panelEntries, panelEvents, panelMembers, panelScores, people } from '../../db/schema';

/** Stores an event. */
export async function insertEvent(db: Executor, row: typeof panelEvents.$inferInsert) {
  const [e] = await db.insert(panelEvents).values(row).returning({ id: panelEvents.id });
  return e;
}

/** Stores the panel's members. */
export async function insertMembers(db: Executor, eventId: string, personIds: string[]) {
  if (personIds.length > 0) await db.insert(panelMembers).values(personIds.map((personId) => ({ eventId, personId })));
}

/** One event with its organiser's name; `lock` takes the row FOR UPDATE (scoring, selection). */
export async function findEvent(db: Executor, id: string, lock = false) {
  const q = db
    .select({ e: panelEvents, organiserName: orgs.name })
    .from(panelEvents)
    .innerJoin(orgs, eq(orgs.id, panelEvents.organiserOrgId))
    .where(eq(panelEvents.id, id))
    .limit(1);
  const rows = lock ? await q.for('update', { of: panelEvents }) : await q;
  return rows[0];
}

/** Every event, newest first (the policy filters). */
export async function listEvents(db: Executor) {
  return db
    .select({
      e: panelEvents,
      organiserName: orgs.name,
      entryCount: sql<number>`(select count(*)::int from ${panelEntries} where ${panelEntries.eventId} = ${panelEvents.id})`,
    })
    .from(panelEvents)
    .innerJoin(orgs, eq(orgs.id, panelEvents.organiserOrgId))
    .orderBy(desc(panelEvents.eventDate));
}

/** The members of events, with names. */
export async function membersOf(db: Executor, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({ eventId: panelMembers.eventId, id: people.id, fullName: people.fullName })
    .from(panelMembers)
    .innerJoin(people, eq(people.id, panelMembers.personId))
    .where(inArray(panelMembers.eventId, eventIds))
    .orderBy(asc(people.fullName));
}

/** People by ids (names). */
export async function peopleByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, ids));
}

/** The entries of an event with their team names. */
export async function entriesOf(db: Executor, eventId: string) {
  return db
    .select({ entry: panelEntries, teamName: orgs.name })
    .from(panelEntries)
    .innerJoin(orgs, eq(orgs.id, panelEntries.teamOrgId))
    .where(eq(panelEntries.eventId, eventId))
    .orderBy(asc(panelEntries.submittedAt));
}

/** Stores an entry. */
export async function insertEntry(db: Executor, row: typeof panelEntries.$inferInsert) {
  const [e] = await db.insert(panelEntries).values(row).returning({ id: panelEntries.id });
  return e;
}

/** Replaces an unscored entry's presenters and dossier (a team submits again before the deadline). */
export async function replaceEntry(
  db: Executor,
  id: string,
  row: Pick<typeof panelEntries.$inferInsert, 'presenterIds' | 'items' | 'submittedBy'>,
) {
  const [e] = await db
    .update(panelEntries)
    .set({ ...row, submittedAt: new Date() })
    .where(eq(panelEntries.id, id))
    .returning({ id: panelEntries.id });
  return e;
}

/** The submitted scores of an event, with the members' names. */
export async function scoresOf(db: Executor, eventId: string) {
  return db
    .select({
      entryId: panelScores.entryId,
      memberId: panelScores.memberId,
      memberName: people.fullName,
      points: panelScores.points,
      total: panelScores.total,
      comment: panelScores.comment,
    })
    .from(panelScores)
    .innerJoin(people, eq(people.id, panelScores.memberId))
    .where(eq(panelScores.eventId, eventId))
    .orderBy(asc(people.fullName));
}

/** How many entries the member has scored in the event. */
export async function scoreCountOf(db: Executor, eventId: string, memberId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(panelScores)
    .where(and(eq(panelScores.eventId, eventId), eq(panelScores.memberId, memberId)));
  return row?.n ?? 0;
}

/** Stores a score (unique per entry and member). */
export async function insertScore(db: Executor, row: typeof panelScores.$inferInsert) {
  await db.insert(panelScores).values(row);
}

/** Marks the selected entries (and unmarks the others) and stamps the event. */
export async function setSelection(db: Executor, eventId: string, entryIds: string[]) {
  await db.update(panelEntries).set({ selected: false }).where(eq(panelEntries.eventId, eventId));
  if (entryIds.length > 0)
    await db
      .update(panelEntries)
      .set({ selected: true })
      .where(and(eq(panelEntries.eventId, eventId), inArray(panelEntries.id, entryIds)));
  await db.update(panelEvents).set({ selectedAt: new Date() }).where(eq(panelEvents.id, eventId));
}
