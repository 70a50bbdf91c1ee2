import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { ruleBreaks, ruleQuotas, ruleSets, schoolYears, terms } from '../../db/schema';

export type RuleSetRow = typeof ruleSets.$inferSelect;
export type RuleQuotaRow = typeof ruleQuotas.$inferSelect;
export type RuleBreakRow = typeof ruleBreaks.$inferSelect;

/** A school year with its terms (null when it does not exist). */
export async function schoolYearWithTerms(db: Executor, schoolYearId: string) {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, schoolYearId)).limit(1);
  if (!year) return null;
  const ts = await db.select().from(terms).where(eq(terms.schoolYearId, schoolYearId)).orderBy(asc(terms.number));
  return { ...year, terms: ts };
}

/** The rule sets of some orgs in a school year (one per org at most). */
export async function setsOf(db: Executor, orgIds: string[], schoolYearId: string): Promise<RuleSetRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(ruleSets)
    .where(and(inArray(ruleSets.orgId, orgIds), eq(ruleSets.schoolYearId, schoolYearId)));
}

/** The quotas and breaks of some rule sets. */
export async function detailsOf(db: Executor, ruleSetIds: string[]) {
  if (ruleSetIds.length === 0) return { quotas: [] as RuleQuotaRow[], breaks: [] as RuleBreakRow[] };
  const quotas = await db
    .select()
    .from(ruleQuotas)
    .where(inArray(ruleQuotas.ruleSetId, ruleSetIds))
    .orderBy(asc(ruleQuotas.target), asc(ruleQuotas.per));
  const breaks = await db.select().from(ruleBreaks).where(inArray(ruleBreaks.ruleSetId, ruleSetIds)).orderBy(asc(ruleBreaks.startDate));
  return { quotas, breaks };
}

/** The rule set of an org and year, locked for the rest of the transaction. */
export async function lockSet(db: Executor, orgId: string, schoolYearId: string): Promise<RuleSetRow | undefined> {
  const rows = await db
    .select()
    .from(ruleSets)
    .where(and(eq(ruleSets.orgId, orgId), eq(ruleSets.schoolYearId, schoolYearId)))
    .for('update')
    .limit(1);
  return rows[0];
}

/** Inserts or replaces the scalar fields of an org's rule set for a year; returns the row. */
export async function upsertSet(db: Executor, row: typeof ruleSets.$inferInsert): Promise<RuleSetRow> {
  const { orgId: _o, schoolYearId: _y, ...rest } = row;
  const [saved] = await db
    .insert(ruleSets)
    .values(row)
    .onConflictDoUpdate({ target: [ruleSets.orgId, ruleSets.schoolYearId], set: { ...rest, updatedAt: sql`now()` } })
    .returning();
  return saved;
}

/** Replaces the quotas of a rule set. */
export async function replaceQuotas(db: Executor, ruleSetId: string, quotas: Omit<typeof ruleQuotas.$inferInsert, 'ruleSetId'>[]) {
  await db.delete(ruleQuotas).where(eq(ruleQuotas.ruleSetId, ruleSetId));
  if (quotas.length) await db.insert(ruleQuotas).values(quotas.map((q) => ({ ...q, ruleSetId })));
}

/** Replaces the breaks of a rule set. */
export async function replaceBreaks(db: Executor, ruleSetId: string, breaks: Omit<typeof ruleBreaks.$inferInsert, 'ruleSetId'>[]) {
  await db.delete(ruleBreaks).where(eq(ruleBreaks.ruleSetId, ruleSetId));
  if (breaks.length) await db.insert(ruleBreaks).values(breaks.map((b) => ({ ...b, ruleSetId })));
}

/** Marks a rule set as edited now by a person. */
export async function touchSet(db: Executor, ruleSetId: string, personId: string | null): Promise<void> {
  await db.update(ruleSets).set({ updatedAt: sql`now()`, updatedBy: personId }).where(eq(ruleSets.id, ruleSetId));
}

/** The values a rule set is written from (the form, a preset). */
export interface RuleSetValues {
  preset?: string | null;
  quotas: { target: string; per: string; minCount: number; perSubject?: boolean }[];
  teamIntervalDays: number;
  planDueDate?: string | null;
  preparationDaysBefore?: number | null;
  term1ReportDue?: string | null;
  yearReportDue?: string | null;
  dossierDaysBefore?: number | null;
  breaks: { startDate: string; endDate: string; label: string; kind: string }[];
}

/** Creates or replaces an org's rule set for a year with its quotas and breaks; returns the rule set row. */
export async function writeRuleSet(
  db: Executor,
  orgId: string,
  schoolYearId: string,
  v: RuleSetValues,
  personId: string | null,
): Promise<RuleSetRow> {
  const set = await upsertSet(db, {
    orgId,
    schoolYearId,
    preset: v.preset ?? null,
    teamIntervalDays: v.teamIntervalDays,
    planDueDate: v.planDueDate ?? null,
    preparationDaysBefore: v.preparationDaysBefore ?? null,
    term1ReportDue: v.term1ReportDue ?? null,
    yearReportDue: v.yearReportDue ?? null,
    dossierDaysBefore: v.dossierDaysBefore ?? null,
    updatedBy: personId,
  });
  await replaceQuotas(db, set.id, v.quotas);
  await replaceBreaks(db, set.id, v.breaks);
  return set;
}

/** A list of uuids for `in (…)`; never empty (a null that matches nothing). */
function uuidList(list: string[]) {
  if (list.length === 0) return sql`null::uuid`;
  return sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

export interface PlanSubjectRow {
  networkId: string;
  planId: string;
  termNumber: number | null;
  status: string;
  id: string;
  name: string;
  sortOrder: number;
}

/** The subjects of the items of the submitted or approved plans of some networks in a school year. */
export async function planSubjectsOf(db: Executor, networkIds: string[], schoolYearId: string): Promise<PlanSubjectRow[]> {
  if (networkIds.length === 0) return [];
  return queryRows<PlanSubjectRow>(
    db,
    sql`select distinct p.network_id as "networkId", p.id as "planId", p.term_number as "termNumber", p.status::text as status,
          s.id, s.name, s.sort_order as "sortOrder"
        from plans p
        join plan_items pi on pi.plan_id = p.id
        cross join lateral unnest(pi.subject_ids) as u(subject_id)
        join subjects s on s.id = u.subject_id
        where p.network_id in (${uuidList(networkIds)}) and p.school_year_id = ${schoolYearId}
          and p.status in ('submitted', 'approved')`,
  );
}

/** The subjects taught by the teams of each network's member schools on a date. */
export async function memberSubjectsOf(db: Executor, networkIds: string[], date: string) {
  if (networkIds.length === 0) return [];
  return queryRows<{ networkId: string; id: string; name: string; sortOrder: number }>(
    db,
    sql`select distinct nm.network_id as "networkId", s.id, s.name, s.sort_order as "sortOrder"
        from network_members nm
        join org_links l on l.parent_id = nm.org_id and l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date})
        join orgs t on t.id = l.org_id and t.type = 'team'
        join org_subjects os on os.org_id = t.id
        join subjects s on s.id = os.subject_id
        where nm.network_id in (${uuidList(networkIds)})`,
  );
}

/** Held meetings (held or minutes locked, local date in [from, to]) of some networks, counted per subject. */
export async function heldPerSubject(db: Executor, networkIds: string[], from: string, to: string) {
  if (networkIds.length === 0) return [];
  return queryRows<{ networkId: string; subjectId: string; held: number }>(
    db,
    sql`select m.network_id as "networkId", ms.subject_id as "subjectId", count(*)::int as held
        from meetings m join meeting_subjects ms on ms.meeting_id = m.id
        where m.network_id in (${uuidList(networkIds)}) and m.status in ('held', 'minutes_locked')
          and (m.starts_at at time zone 'UTC' + interval '7 hours')::date between ${from}::date and ${to}::date
        group by m.network_id, ms.subject_id`,
  );
}
