import { and, eq, gte, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  attendance,
  inspections,
  mailOutbox,
  meetings,
  minutes,
  minutesSignatures,
  networkLeaders,
  networks,
  orgs,
  plans,
  reports,
  schoolYears,
} from '../../db/schema';

/** SQL: ids of the orgs `rootIds` and every org below them on a date (the same walk as orgs/repo.ts subtreeIds). */
function subtreeOf(rootIds: string[], date: string): SQL {
  return sql`(
    with recursive down(id, depth) as (
      select o.id, 0 from orgs o where o.id in (${sql.join(
        rootIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union all
      select l.org_id, down.depth + 1 from org_links l join down on l.parent_id = down.id
      where l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) and down.depth < 12
    )
    select id from down)`;
}

/** Submitted plans whose reviewer org lies in the subtree of `rootIds` on a date, oldest submission first. */
export async function submittedPlansUnder(db: Executor, rootIds: string[], date: string) {
  if (rootIds.length === 0) return [];
  return db
    .select({
      id: plans.id,
      title: plans.title,
      networkId: plans.networkId,
      orgId: plans.orgId,
      reviewerOrgId: plans.reviewerOrgId,
      submittedAt: plans.submittedAt,
    })
    .from(plans)
    .where(and(eq(plans.status, 'submitted'), sql`${plans.reviewerOrgId} in ${subtreeOf(rootIds, date)}`))
    .orderBy(plans.submittedAt);
}

/** Submitted or resubmitted reports whose reviewer org lies in the subtree of `rootIds` on a date, oldest first. */
export async function submittedReportsUnder(db: Executor, rootIds: string[], date: string) {
  if (rootIds.length === 0) return [];
  return db
    .select({
      id: reports.id,
      termNumber: reports.termNumber,
      networkId: reports.networkId,
      orgId: reports.orgId,
      reviewerOrgId: reports.reviewerOrgId,
      submittedAt: reports.submittedAt,
    })
    .from(reports)
    .where(and(inArray(reports.status, ['submitted', 'resubmitted']), sql`${reports.reviewerOrgId} in ${subtreeOf(rootIds, date)}`))
    .orderBy(reports.submittedAt);
}

/**
 * Minutes out for signing whose frozen signers include the person and that the person has not signed, with the frozen
 * signers and how many have signed (one statement).
 */
export async function minutesAwaiting(db: Executor, personId: string) {
  const signedCount = sql<number>`(select count(*)::int from ${minutesSignatures} s where s.minutes_id = "minutes"."id")`;
  return db
    .select({
      meetingId: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      signers: sql<Array<{ personId: string; role: string }>>`${minutes.frozen} -> 'signers'`,
      signedCount,
    })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(
      and(
        eq(minutes.status, 'signing'),
        sql`${minutes.frozen} -> 'signers' @> jsonb_build_array(jsonb_build_object('personId', ${personId}::text))`,
        sql`not exists (select 1 from ${minutesSignatures} s where s.minutes_id = "minutes"."id" and s.person_id = ${personId})`,
      ),
    )
    .orderBy(meetings.startsAt);
}

/** Networks of school years running on a day that the person leads or deputises, with the year's code. */
export async function networksLedOn(db: Executor, personId: string, day: string) {
  return db
    .select({
      id: networks.id,
      name: networks.name,
      supervisingOrgId: networks.supervisingOrgId,
      schoolYearId: networks.schoolYearId,
    })
    .from(networkLeaders)
    .innerJoin(networks, eq(networks.id, networkLeaders.networkId))
    .innerJoin(schoolYears, eq(schoolYears.id, networks.schoolYearId))
    .where(and(eq(networkLeaders.personId, personId), lte(schoolYears.startDate, day), gte(schoolYears.endDate, day)));
}

/** The plans and reports of some networks in their school year, or of reports the person drafts for an org. */
export async function papersOf(db: Executor, networkIds: string[], personId: string) {
  const ownerPlans =
    networkIds.length === 0
      ? []
      : await db
          .select({ id: plans.id, networkId: plans.networkId, schoolYearId: plans.schoolYearId, status: plans.status })
          .from(plans)
          .where(inArray(plans.networkId, networkIds));
  const ownerReports = await db
    .select({
      id: reports.id,
      networkId: reports.networkId,
      orgId: reports.orgId,
      schoolYearId: reports.schoolYearId,
      termNumber: reports.termNumber,
      status: reports.status,
      reviewerOrgId: reports.reviewerOrgId,
    })
    .from(reports)
    .where(
      or(
        networkIds.length > 0 ? inArray(reports.networkId, networkIds) : sql`false`,
        and(isNotNull(reports.orgId), eq(reports.createdBy, personId), inArray(reports.status, ['draft', 'returned'])),
      ),
    );
  return { plans: ownerPlans, reports: ownerReports };
}

/**
 * Meetings starting in [from, to] that the person chairs or is secretary of, scheduled or held, with how many
 * attendance rows are saved and the minutes' status (null when none).
 */
export async function meetingsRunBy(db: Executor, personId: string, from: Date, to: Date) {
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      chairPersonId: meetings.chairPersonId,
      secretaryPersonId: meetings.secretaryPersonId,
      // Qualified by hand: in a one-table select drizzle writes ${meetings.id} as a bare "id", which the subquery would take as its own.
      attendanceCount: sql<number>`(select count(*)::int from ${attendance} a where a.meeting_id = "meetings"."id")`,
      minutesStatus: sql<string | null>`(select m.status::text from ${minutes} m where m.meeting_id = "meetings"."id")`,
    })
    .from(meetings)
    .where(
      and(
        or(eq(meetings.chairPersonId, personId), eq(meetings.secretaryPersonId, personId)),
        inArray(meetings.status, ['scheduled', 'held']),
        gte(meetings.startsAt, from),
        lte(meetings.startsAt, to),
      ),
    )
    .orderBy(meetings.startsAt);
}

/**
 * Planned inspections from one day to another, of the provinces `orgIds` or of the units `orgIds`, in the school
 * years `yearIds` (any year when empty), with the target's name.
 */
export async function inspectionsUpTo(db: Executor, orgIds: string[], from: string, until: string, yearIds: string[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      id: inspections.id,
      provinceOrgId: inspections.provinceOrgId,
      unitOrgId: inspections.unitOrgId,
      visitDate: inspections.visitDate,
      unitName: orgs.name,
      networkName: networks.name,
    })
    .from(inspections)
    .leftJoin(orgs, eq(orgs.id, inspections.unitOrgId))
    .leftJoin(networks, eq(networks.id, inspections.networkId))
    .where(
      and(
        eq(inspections.status, 'planned'),
        gte(inspections.visitDate, from),
        lte(inspections.visitDate, until),
        yearIds.length ? inArray(inspections.schoolYearId, yearIds) : undefined,
        or(inArray(inspections.provinceOrgId, orgIds), inArray(inspections.unitOrgId, orgIds)),
      ),
    )
    .orderBy(inspections.visitDate)
    .limit(50);
}

/** How many e-mails failed every attempt. */
export async function failedMailCount(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(eq(mailOutbox.status, 'failed'));
  return Number(row?.n ?? 0);
}
