import { and, asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { assignments, meetings, orgs, schoolYears, subjects } from '../../db/schema';

export interface AssignmentFilter {
  schoolYearId?: string;
  provinceOrgId?: string;
  level?: (typeof assignments.$inferSelect)['level'];
  /** First day of the month. */
  month?: string;
  unitOrgId?: string;
}

const province = alias(orgs, 'province');

const columns = {
  id: assignments.id,
  provinceOrgId: assignments.provinceOrgId,
  provinceName: province.name,
  schoolYearId: assignments.schoolYearId,
  schoolYearCode: schoolYears.code,
  yearStart: schoolYears.startDate,
  yearEnd: schoolYears.endDate,
  level: assignments.level,
  sortOrder: assignments.sortOrder,
  unitOrgId: assignments.unitOrgId,
  unitName: orgs.name,
  subjectId: assignments.subjectId,
  subjectName: subjects.name,
  grade: assignments.grade,
  month: assignments.month,
  notes: assignments.notes,
  meetingId: assignments.meetingId,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
  meetingStatus: meetings.status,
};

function base(db: Executor) {
  return db
    .select(columns)
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.unitOrgId))
    .innerJoin(province, eq(province.id, assignments.provinceOrgId))
    .innerJoin(schoolYears, eq(schoolYears.id, assignments.schoolYearId))
    .innerJoin(subjects, eq(subjects.id, assignments.subjectId))
    .leftJoin(meetings, eq(meetings.id, assignments.meetingId));
}

export type AssignmentRow = Awaited<ReturnType<typeof list>>[number];

/** Assignments matching a filter, by month, level and order (at most 2000). */
export async function list(db: Executor, f: AssignmentFilter) {
  const conds: SQL[] = [];
  if (f.schoolYearId) conds.push(eq(assignments.schoolYearId, f.schoolYearId));
  if (f.provinceOrgId) conds.push(eq(assignments.provinceOrgId, f.provinceOrgId));
  if (f.level) conds.push(eq(assignments.level, f.level));
  if (f.month) conds.push(eq(assignments.month, f.month));
  if (f.unitOrgId) conds.push(eq(assignments.unitOrgId, f.unitOrgId));
  return base(db)
    .where(and(...conds))
    .orderBy(asc(assignments.level), asc(assignments.sortOrder), asc(assignments.month), asc(orgs.name))
    .limit(2000);
}

/** One assignment with its names. */
export async function findById(db: Executor, id: string) {
  const rows = await base(db).where(eq(assignments.id, id)).limit(1);
  return rows[0];
}

/** The assignment row, locked for the rest of the transaction. */
export async function lockById(db: Executor, id: string) {
  const rows = await db.select().from(assignments).where(eq(assignments.id, id)).for('update').limit(1);
  return rows[0];
}

type Insert = typeof assignments.$inferInsert;

/** Inserts an assignment; its order is the next in its province, year and level. */
export async function insert(db: Executor, row: Omit<Insert, 'sortOrder'>) {
  const existing = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(
        eq(assignments.provinceOrgId, row.provinceOrgId),
        eq(assignments.schoolYearId, row.schoolYearId),
        eq(assignments.level, row.level),
      ),
    );
  const [created] = await db
    .insert(assignments)
    .values({ ...row, sortOrder: existing.length + 1 })
    .returning();
  return created;
}

/** Updates an assignment. */
export async function update(db: Executor, id: string, row: Partial<Insert>) {
  const [updated] = await db
    .update(assignments)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(assignments.id, id))
    .returning();
  return updated;
}

/** Deletes an assignment. */
export async function remove(db: Executor, id: string): Promise<void> {
  await db.delete(assignments).where(eq(assignments.id, id));
}

/** The assignment a meeting already fulfils, if any. */
export async function byMeeting(db: Executor, meetingId: string) {
  const rows = await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.meetingId, meetingId)).limit(1);
  return rows[0];
}

/** Meetings hosted by any of the given orgs in a school year, not cancelled, by date. */
export async function meetingsHostedBy(db: Executor, hostIds: string[], schoolYearId: string) {
  if (hostIds.length === 0) return [];
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status, hostName: orgs.name })
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.hostOrgId))
    .where(and(inArray(meetings.hostOrgId, hostIds), eq(meetings.schoolYearId, schoolYearId)))
    .orderBy(asc(meetings.startsAt))
    .limit(500);
}

/** A subject's name. */
export async function subjectName(db: Executor, id: string): Promise<string | undefined> {
  const rows = await db.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, id)).limit(1);
  return rows[0]?.name;
}

/** Every province department (for admins). */
export async function provinceDepartments(db: Executor) {
  return db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.type, 'province_department')).orderBy(asc(orgs.name));
}

/** An assignment of the same year, level, unit, subject and month (other than `exceptId`), if any. */
export async function findSame(
  db: Executor,
  o: { schoolYearId: string; level: Insert['level']; unitOrgId: string; subjectId: string; month: string },
  exceptId?: string,
): Promise<{ id: string } | undefined> {
  const rows = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(
        eq(assignments.schoolYearId, o.schoolYearId),
        eq(assignments.level, o.level),
        eq(assignments.unitOrgId, o.unitOrgId),
        eq(assignments.subjectId, o.subjectId),
        eq(assignments.month, o.month),
        exceptId ? ne(assignments.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows[0];
}
