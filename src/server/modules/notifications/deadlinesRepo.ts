import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { meetings, minutes, minutesSignatures, networkLeaders, networks, orgs, plans, reports, schoolYears } from '../../db/schema';

/** School years running on a day (YYYY-MM-DD). */
export async function yearsOn(db: Executor, day: string) {
  return db
    .select({ id: schoolYears.id, code: schoolYears.code })
    .from(schoolYears)
    .where(and(lte(schoolYears.startDate, day), sql`${schoolYears.endDate} >= ${day}`));
}

/** The networks of a school year. */
export async function networksOf(db: Executor, schoolYearId: string) {
  return db
    .select({ id: networks.id, name: networks.name, supervisingOrgId: networks.supervisingOrgId })
    .from(networks)
    .where(eq(networks.schoolYearId, schoolYearId));
}

/** Networks (among `ids`) that have an approved plan of the year. */
export async function withApprovedPlan(db: Executor, ids: string[], schoolYearId: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: plans.networkId })
    .from(plans)
    .where(and(inArray(plans.networkId, ids), eq(plans.schoolYearId, schoolYearId), eq(plans.status, 'approved')));
  return new Set(rows.map((r) => r.id as string));
}

/** Networks (among `ids`) whose report of the period (term 1, or the year when termNumber is null) has been submitted. */
export async function withSubmittedReport(db: Executor, ids: string[], schoolYearId: string, termNumber: 1 | null): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: reports.networkId })
    .from(reports)
    .where(
      and(
        inArray(reports.networkId, ids),
        eq(reports.schoolYearId, schoolYearId),
        termNumber === null ? isNull(reports.termNumber) : eq(reports.termNumber, termNumber),
        inArray(reports.status, ['submitted', 'resubmitted', 'accepted']),
      ),
    );
  return new Set(rows.map((r) => r.id as string));
}

/** Org reports of the period started but not yet submitted (draft or returned), with the org's name and the drafter. */
export async function unsubmittedOrgReports(db: Executor, schoolYearId: string, termNumber: 1 | null) {
  return db
    .select({ id: reports.id, orgName: orgs.name, reviewerOrgId: reports.reviewerOrgId, createdBy: reports.createdBy })
    .from(reports)
    .innerJoin(orgs, eq(orgs.id, reports.orgId))
    .where(
      and(
        eq(reports.schoolYearId, schoolYearId),
        termNumber === null ? isNull(reports.termNumber) : eq(reports.termNumber, termNumber),
        inArray(reports.status, ['draft', 'returned']),
      ),
    );
}

/** Leaders and deputies of each network. */
export async function leadersOf(db: Executor, networkIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (networkIds.length === 0) return out;
  const rows = await db
    .select({ networkId: networkLeaders.networkId, personId: networkLeaders.personId })
    .from(networkLeaders)
    .where(inArray(networkLeaders.networkId, networkIds));
  for (const r of rows) out.set(r.networkId, [...(out.get(r.networkId) ?? []), r.personId]);
  return out;
}

/** Minutes out for signing since before `since`, with their meeting. */
export async function minutesSigningSince(db: Executor, since: Date) {
  return db
    .select({ minutesId: minutes.id, meeting: meetings })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(and(eq(minutes.status, 'signing'), lte(minutes.updatedAt, since)));
}

/** Who has signed each of some minutes. */
export async function signersOf(db: Executor, minutesIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (minutesIds.length === 0) return out;
  const rows = await db
    .select({ minutesId: minutesSignatures.minutesId, personId: minutesSignatures.personId })
    .from(minutesSignatures)
    .where(inArray(minutesSignatures.minutesId, minutesIds));
  for (const r of rows) out.set(r.minutesId, (out.get(r.minutesId) ?? new Set()).add(r.personId));
  return out;
}
