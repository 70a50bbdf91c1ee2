import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PlanStatus } from '../../../shared/enums';
import type { Executor } from '../../db/client';
import {
  meetings,
  memberships,
  networkLeaders,
  networkMembers,
  networks,
  orgs,
  people,
  planItems,
  planReviews,
  plans,
  schoolYears,
  subjects,
  terms,
} from '../../db/schema';

export interface PlanFilter {
  networkId?: string;
  orgId?: string;
  schoolYearId?: string;
  status?: PlanStatus;
  reviewerOrgId?: string;
}

const summaryColumns = {
  id: plans.id,
  title: plans.title,
  status: plans.status,
  schoolYearId: plans.schoolYearId,
  schoolYearCode: schoolYears.code,
  termNumber: plans.termNumber,
  networkId: plans.networkId,
  orgId: plans.orgId,
  reviewerOrgId: plans.reviewerOrgId,
  submittedAt: plans.submittedAt,
  decidedAt: plans.decidedAt,
  updatedAt: plans.updatedAt,
  itemCount: sql<number>`(select count(*)::int from plan_items pi where pi.plan_id = ${plans.id})`,
};

/** Plans matching a filter (at most 500), newest school year first. */
export async function list(db: Executor, f: PlanFilter) {
  const conds: SQL[] = [];
  if (f.networkId) conds.push(eq(plans.networkId, f.networkId));
  if (f.orgId) conds.push(eq(plans.orgId, f.orgId));
  if (f.schoolYearId) conds.push(eq(plans.schoolYearId, f.schoolYearId));
  if (f.status) conds.push(eq(plans.status, f.status));
  if (f.reviewerOrgId) conds.push(eq(plans.reviewerOrgId, f.reviewerOrgId));
  return db
    .select(summaryColumns)
    .from(plans)
    .innerJoin(schoolYears, eq(schoolYears.id, plans.schoolYearId))
    .where(and(...conds))
    .orderBy(desc(schoolYears.startDate), desc(plans.updatedAt))
    .limit(500);
}

/** One plan with its summary columns, its notes and who created it. */
export async function findById(db: Executor, id: string) {
  const rows = await db
    .select({ ...summaryColumns, notes: plans.notes, createdByName: people.fullName })
    .from(plans)
    .innerJoin(schoolYears, eq(schoolYears.id, plans.schoolYearId))
    .leftJoin(people, eq(people.id, plans.createdBy))
    .where(eq(plans.id, id))
    .limit(1);
  return rows[0];
}

/** The plan row, locked for the rest of the transaction (so two reviewers cannot both decide). */
export async function lockById(db: Executor, id: string) {
  const rows = await db.select().from(plans).where(eq(plans.id, id)).for('update').limit(1);
  return rows[0];
}

/** Items of a plan, in order. */
export async function itemsOf(db: Executor, planId: string) {
  return db.select().from(planItems).where(eq(planItems.planId, planId)).orderBy(asc(planItems.sortOrder));
}

/** Review history of a plan, oldest first, with the actor's name. */
export async function historyOf(db: Executor, planId: string) {
  return db
    .select({
      id: planReviews.id,
      action: planReviews.action,
      comment: planReviews.comment,
      actorName: people.fullName,
      at: planReviews.at,
      snapshot: planReviews.snapshot,
    })
    .from(planReviews)
    .leftJoin(people, eq(people.id, planReviews.actorId))
    .where(eq(planReviews.planId, planId))
    .orderBy(asc(planReviews.at), asc(planReviews.id));
}

/** Who sent the plan to its reviewer last (the person of its latest submit step), if anyone. */
export async function lastSubmitter(db: Executor, planId: string): Promise<string | null> {
  const rows = await db
    .select({ actorId: planReviews.actorId })
    .from(planReviews)
    .where(and(eq(planReviews.planId, planId), eq(planReviews.action, 'submit')))
    .orderBy(desc(planReviews.at), desc(planReviews.id))
    .limit(1);
  return rows[0]?.actorId ?? null;
}

type PlanRow = typeof plans.$inferInsert;
type ItemRow = Omit<typeof planItems.$inferInsert, 'planId' | 'sortOrder'>;

/** Inserts a plan. */
export async function insert(db: Executor, row: PlanRow) {
  const [created] = await db.insert(plans).values(row).returning();
  return created;
}

/** Updates a plan (and its updatedAt). */
export async function update(db: Executor, id: string, row: Partial<PlanRow>) {
  const [updated] = await db
    .update(plans)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(plans.id, id))
    .returning();
  return updated;
}

/** Replaces a plan's items with new ones, in the given order. */
export async function replaceItems(db: Executor, planId: string, items: ItemRow[]): Promise<void> {
  await db.delete(planItems).where(eq(planItems.planId, planId));
  if (items.length > 0) await db.insert(planItems).values(items.map((it, i) => ({ ...it, planId, sortOrder: i })));
}

/** One item of a plan. */
export async function findItem(db: Executor, planId: string, itemId: string) {
  const rows = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.planId, planId), eq(planItems.id, itemId)))
    .limit(1);
  return rows[0];
}

/** Sets an item's tracking status and reason. */
export async function setItemStatus(
  db: Executor,
  itemId: string,
  status: 'planned' | 'held' | 'moved' | 'cancelled',
  reason: string | null,
) {
  const [row] = await db.update(planItems).set({ status, statusReason: reason }).where(eq(planItems.id, itemId)).returning();
  return row;
}

/** Links a held meeting to the plan item it carried out. */
export async function linkMeeting(db: Executor, meetingId: string, itemId: string): Promise<void> {
  await db.update(meetings).set({ planItemId: itemId }).where(eq(meetings.id, meetingId));
}

/** A meeting's id, title and start, if it exists. */
export async function findMeeting(db: Executor, id: string) {
  const rows = await db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, planItemId: meetings.planItemId })
    .from(meetings)
    .where(eq(meetings.id, id))
    .limit(1);
  return rows[0];
}

/** Meetings linked to the given plan items. */
export async function meetingsOfItems(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, planItemId: meetings.planItemId })
    .from(meetings)
    .where(inArray(meetings.planItemId, itemIds))
    .orderBy(asc(meetings.startsAt));
}

/** Adds a review step (submit, return, approve) with the items' snapshot. */
export async function addReview(
  db: Executor,
  row: { planId: string; action: 'submit' | 'return' | 'approve'; comment: string | null; actorId: string; snapshot: unknown },
): Promise<void> {
  await db.insert(planReviews).values(row);
}

/** Subjects by id. */
export async function subjectsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: subjects.id, code: subjects.code, name: subjects.name }).from(subjects).where(inArray(subjects.id, ids));
}

/** People (id, full name) by id. */
export async function peopleByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, ids));
}

/** Networks (id, name, kind, year, supervising and lead org) by id. */
export async function networksByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: networks.id,
      name: networks.name,
      kind: networks.kind,
      schoolYearId: networks.schoolYearId,
      supervisingOrgId: networks.supervisingOrgId,
      leadOrgId: networks.leadOrgId,
    })
    .from(networks)
    .where(inArray(networks.id, ids));
}

/** Member orgs of the given networks. */
export async function membersOf(db: Executor, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return db
    .select({ networkId: networkMembers.networkId, orgId: networkMembers.orgId })
    .from(networkMembers)
    .where(inArray(networkMembers.networkId, networkIds));
}

/** Ids of people leading (leader or deputy) each of the given networks. */
export async function leadersOf(db: Executor, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return db
    .select({ networkId: networkLeaders.networkId, personId: networkLeaders.personId })
    .from(networkLeaders)
    .where(inArray(networkLeaders.networkId, networkIds));
}

/** The school year's dates and its terms' dates. */
export async function periodOf(db: Executor, schoolYearId: string) {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, schoolYearId)).limit(1);
  if (!year) return undefined;
  const termRows = await db.select().from(terms).where(eq(terms.schoolYearId, schoolYearId)).orderBy(asc(terms.number));
  return { year, terms: termRows };
}

/** Office leaders, specialists, principals and vice-principals at some orgs on a date, with the org's type. */
export async function managingStaffAt(db: Executor, orgIds: string[], date: string) {
  if (orgIds.length === 0) return [];
  return db
    .select({ orgId: memberships.orgId, orgType: orgs.type, personId: memberships.personId, position: memberships.position })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(
      and(
        inArray(memberships.orgId, orgIds),
        inArray(memberships.position, ['office_leader', 'specialist', 'principal', 'vice_principal']),
        sql`(${memberships.validFrom} is null or ${memberships.validFrom} <= ${date})`,
        sql`(${memberships.validTo} is null or ${memberships.validTo} >= ${date})`,
      ),
    );
}
