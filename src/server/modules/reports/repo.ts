import { and, asc, between, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import {
  attachments,
  attendance,
  meetingSubjects,
  meetings,
  networks,
  orgs,
  people,
  personSubjects,
  planItems,
  plans,
  reportReviews,
  reports,
  schoolYears,
  subjects,
  terms,
} from '../../db/schema';

/** A school year or one of its terms, with dates. */
export interface Period {
  schoolYearId: string;
  termNumber: 1 | 2 | null;
  from: string;
  to: string;
}

function periodCond(p: Period): SQL | undefined {
  const year = eq(meetings.schoolYearId, p.schoolYearId);
  if (!p.termNumber) return year;
  const inDates = between(sql`(${meetings.startsAt} at time zone 'Asia/Ho_Chi_Minh')::date`, p.from, p.to);
  return and(year, or(eq(meetings.termNumber, p.termNumber), and(isNull(meetings.termNumber), inDates)));
}

/** Several scopes at once: meetings of any of the networks, or hosted outside any network by any of the orgs. */
export interface ManyScopes {
  networkIds: string[];
  hostOrgIds: string[];
}

function manyCond(s: ManyScopes): SQL {
  const parts: SQL[] = [];
  if (s.networkIds.length) parts.push(inArray(meetings.networkId, s.networkIds));
  if (s.hostOrgIds.length) parts.push(and(inArray(meetings.hostOrgId, s.hostOrgIds), isNull(meetings.networkId)) as SQL);
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

/**
 * Meetings of several scopes and a period with the given statuses, oldest first, with the host's name; each row
 * carries its network and host so the caller splits them by owner.
 */
export async function meetingsInMany(db: Executor, s: ManyScopes, p: Period, statuses: Array<typeof meetings.$inferSelect.status>) {
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      content: meetings.content,
      kind: meetings.kind,
      startsAt: meetings.startsAt,
      status: meetings.status,
      statusReason: meetings.statusReason,
      planItemId: meetings.planItemId,
      // the host's name by primary key, one per meeting: a join lets the planner walk the whole orgs table
      host: sql<string>`(select o.name from orgs o where o.id = ${meetings.hostOrgId})`,
      networkId: meetings.networkId,
      hostOrgId: meetings.hostOrgId,
    })
    .from(meetings)
    .where(and(manyCond(s), periodCond(p), inArray(meetings.status, statuses)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
}

/** Subject names of the given meetings, in catalogue order. */
export async function subjectsOf(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ meetingId: meetingSubjects.meetingId, name: subjects.name, sortOrder: subjects.sortOrder })
    .from(meetingSubjects)
    .innerJoin(subjects, eq(subjects.id, meetingSubjects.subjectId))
    .where(inArray(meetingSubjects.meetingId, meetingIds))
    .orderBy(asc(subjects.sortOrder), asc(subjects.name));
}

/** Attendance records of the given meetings with the person's name. */
export async function attendanceOf(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({
      meetingId: attendance.meetingId,
      personId: attendance.personId,
      // the name by primary key per row: with a join the planner hashes the whole people table (1 M rows at L)
      fullName: sql<string>`(select p.full_name from people p where p.id = ${attendance.personId})`,
      status: attendance.status,
      reason: attendance.reason,
    })
    .from(attendance)
    .where(inArray(attendance.meetingId, meetingIds));
}

/** Subject names each of the given people teaches. */
export async function teacherSubjects(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: personSubjects.personId, name: subjects.name, sortOrder: subjects.sortOrder })
    .from(personSubjects)
    .innerJoin(subjects, eq(subjects.id, personSubjects.subjectId))
    .where(inArray(personSubjects.personId, personIds))
    .orderBy(asc(subjects.sortOrder));
}

/** Cancelled items of several owners' plans for the period, with their reasons and each plan's network or org. */
export async function cancelledItemsMany(db: Executor, owners: { networkIds: string[]; orgIds: string[] }, p: Period) {
  const parts: SQL[] = [];
  if (owners.networkIds.length) parts.push(inArray(plans.networkId, owners.networkIds));
  if (owners.orgIds.length) parts.push(inArray(plans.orgId, owners.orgIds));
  const termCond = p.termNumber
    ? or(eq(plans.termNumber, p.termNumber), and(isNull(plans.termNumber), between(planItems.proposedDate, p.from, p.to)))
    : undefined;
  return db
    .select({
      id: planItems.id,
      content: planItems.content,
      date: planItems.proposedDate,
      reason: planItems.statusReason,
      networkId: plans.networkId,
      orgId: plans.orgId,
    })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(
      and(parts.length ? or(...parts) : sql`false`, eq(plans.schoolYearId, p.schoolYearId), eq(planItems.status, 'cancelled'), termCond),
    )
    .orderBy(asc(planItems.proposedDate), asc(planItems.sortOrder));
}

/** The subtree (the org and every org below it on a date) of each root, in one query. */
export async function subtreesOf(db: Executor, rootIds: string[], date: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (rootIds.length === 0) return out;
  const rows = await queryRows<{ root: string; id: string }>(
    db,
    sql`with recursive down(root, id, depth) as (
        select o.id, o.id, 0 from orgs o where o.id in (${sql.join(
          rootIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        union all
        select down.root, l.org_id, down.depth + 1 from org_links l join down on l.parent_id = down.id
        where l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) and down.depth < 12
      ) select distinct root, id from down`,
  );
  for (const r of rows) out.set(r.root, [...(out.get(r.root) ?? []), r.id]);
  return out;
}

/** The school year and, when asked, one of its terms. */
export async function periodOf(db: Executor, schoolYearId: string, termNumber: 1 | 2 | null) {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, schoolYearId)).limit(1);
  if (!year) return undefined;
  if (!termNumber) return { code: year.code, period: { schoolYearId, termNumber, from: year.startDate, to: year.endDate } };
  const [term] = await db
    .select()
    .from(terms)
    .where(and(eq(terms.schoolYearId, schoolYearId), eq(terms.number, termNumber)))
    .limit(1);
  if (!term) return undefined;
  return { code: year.code, period: { schoolYearId, termNumber, from: term.startDate, to: term.endDate } };
}

/** A network's row. */
export async function findNetwork(db: Executor, id: string) {
  const [row] = await db.select().from(networks).where(eq(networks.id, id)).limit(1);
  return row;
}

/** Networks an org supervises in a school year, by kind and name. */
export async function supervisedNetworks(db: Executor, orgId: string, schoolYearId: string) {
  return db
    .select({ id: networks.id, name: networks.name, kind: networks.kind })
    .from(networks)
    .where(and(eq(networks.supervisingOrgId, orgId), eq(networks.schoolYearId, schoolYearId)))
    .orderBy(asc(networks.kind), asc(networks.name));
}

/** Photo attachments (images) of the given meetings. */
export async function photosOf(db: Executor, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, meetingId: attachments.meetingId, sha256: attachments.sha256 })
    .from(attachments)
    .where(and(inArray(attachments.meetingId, meetingIds), sql`${attachments.mimeType} like 'image/%'`))
    .orderBy(asc(attachments.createdAt));
}

const summaryColumns = {
  id: reports.id,
  networkId: reports.networkId,
  orgId: reports.orgId,
  schoolYearId: reports.schoolYearId,
  schoolYearCode: schoolYears.code,
  termNumber: reports.termNumber,
  documentNumber: reports.documentNumber,
  status: reports.status,
  reviewerOrgId: reports.reviewerOrgId,
  submittedAt: reports.submittedAt,
  decidedAt: reports.decidedAt,
  updatedAt: reports.updatedAt,
};

/** Reports matching a filter (at most 500), newest school year first. */
export async function list(db: Executor, f: { networkId?: string; orgId?: string; schoolYearId?: string; reviewerOrgId?: string }) {
  const conds: SQL[] = [];
  if (f.networkId) conds.push(eq(reports.networkId, f.networkId));
  if (f.orgId) conds.push(eq(reports.orgId, f.orgId));
  if (f.schoolYearId) conds.push(eq(reports.schoolYearId, f.schoolYearId));
  if (f.reviewerOrgId) conds.push(eq(reports.reviewerOrgId, f.reviewerOrgId));
  return db
    .select(summaryColumns)
    .from(reports)
    .innerJoin(schoolYears, eq(schoolYears.id, reports.schoolYearId))
    .where(and(...conds))
    .orderBy(desc(schoolYears.startDate), asc(reports.termNumber), desc(reports.updatedAt))
    .limit(500);
}

/** One report with every column and its school year's code. */
export async function findById(db: Executor, id: string) {
  const [row] = await db
    .select({ report: reports, schoolYearCode: schoolYears.code })
    .from(reports)
    .innerJoin(schoolYears, eq(schoolYears.id, reports.schoolYearId))
    .where(eq(reports.id, id))
    .limit(1);
  return row ? { ...row.report, schoolYearCode: row.schoolYearCode } : undefined;
}

/** The report row, locked for the rest of the transaction. */
export async function lockById(db: Executor, id: string) {
  const [row] = await db.select().from(reports).where(eq(reports.id, id)).for('update').limit(1);
  return row;
}

/** Reports of the given owners (network or org ids) for one period. */
export async function reportsOfOwners(db: Executor, ownerIds: string[], schoolYearId: string, termNumber: 1 | 2 | null) {
  if (ownerIds.length === 0) return [];
  return db
    .select()
    .from(reports)
    .where(
      and(
        or(inArray(reports.networkId, ownerIds), inArray(reports.orgId, ownerIds)),
        eq(reports.schoolYearId, schoolYearId),
        termNumber ? eq(reports.termNumber, termNumber) : isNull(reports.termNumber),
      ),
    );
}

/** The existing report of an owner for a period, other than `exceptId`. */
export async function findForOwner(
  db: Executor,
  owner: { networkId?: string | null; orgId?: string | null },
  schoolYearId: string,
  termNumber: number | null,
) {
  const rows = await reportsOfOwners(db, [owner.networkId ?? owner.orgId ?? ''], schoolYearId, (termNumber as 1 | 2 | null) ?? null);
  return rows[0];
}

type ReportRow = typeof reports.$inferInsert;

/** Inserts a report. */
export async function insert(db: Executor, row: ReportRow) {
  const [created] = await db.insert(reports).values(row).returning();
  return created;
}

/** Updates a report (and its updatedAt). */
export async function update(db: Executor, id: string, row: Partial<ReportRow>) {
  const [updated] = await db
    .update(reports)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(reports.id, id))
    .returning();
  return updated;
}

/** Adds a review step with the numbers at that moment. */
export async function addReview(
  db: Executor,
  row: {
    reportId: string;
    action: 'submit' | 'resubmit' | 'return' | 'accept';
    comment: string | null;
    actorId: string;
    snapshot: unknown;
  },
): Promise<void> {
  await db.insert(reportReviews).values(row);
}

/** Review history of a report, oldest first, with the actor's name. */
export async function historyOf(db: Executor, reportId: string) {
  return db
    .select({
      id: reportReviews.id,
      action: reportReviews.action,
      comment: reportReviews.comment,
      actorName: people.fullName,
      at: reportReviews.at,
    })
    .from(reportReviews)
    .leftJoin(people, eq(people.id, reportReviews.actorId))
    .where(eq(reportReviews.reportId, reportId))
    .orderBy(asc(reportReviews.at), asc(reportReviews.id));
}

/** Org and network names by id (for summaries). */
export async function namesOf(db: Executor, orgIds: string[], networkIds: string[]) {
  const [o, n] = await Promise.all([
    orgIds.length ? db.select({ id: orgs.id, name: orgs.name, type: orgs.type }).from(orgs).where(inArray(orgs.id, orgIds)) : [],
    networkIds.length
      ? db.select({ id: networks.id, name: networks.name, kind: networks.kind }).from(networks).where(inArray(networks.id, networkIds))
      : [],
  ]);
  return { orgs: new Map(o.map((r) => [r.id, r])), networks: new Map(n.map((r) => [r.id, r])) };
}
