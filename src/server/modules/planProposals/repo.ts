import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { networks, orgLinks, orgSubjects, orgs, plans, schoolYears, subjects, terms } from '../../db/schema';

/** A network with its school year's code and dates. */
export async function findNetwork(db: Executor, id: string) {
  const rows = await db
    .select({
      id: networks.id,
      name: networks.name,
      kind: networks.kind,
      schoolYearId: networks.schoolYearId,
      schoolYearCode: schoolYears.code,
      yearStart: schoolYears.startDate,
      supervisingOrgId: networks.supervisingOrgId,
    })
    .from(networks)
    .innerJoin(schoolYears, eq(schoolYears.id, networks.schoolYearId))
    .where(eq(networks.id, id))
    .limit(1);
  return rows[0];
}

/** A term with its school year's code. */
export async function findTerm(db: Executor, id: string) {
  const rows = await db
    .select({
      id: terms.id,
      schoolYearId: terms.schoolYearId,
      schoolYearCode: schoolYears.code,
      number: terms.number,
      startDate: terms.startDate,
      endDate: terms.endDate,
    })
    .from(terms)
    .innerJoin(schoolYears, eq(schoolYears.id, terms.schoolYearId))
    .where(eq(terms.id, id))
    .limit(1);
  return rows[0];
}

/** The terms of a school year, in order. */
export async function termsOf(db: Executor, schoolYearId: string) {
  return db
    .select({ id: terms.id, number: terms.number, startDate: terms.startDate, endDate: terms.endDate })
    .from(terms)
    .where(eq(terms.schoolYearId, schoolYearId))
    .orderBy(asc(terms.number));
}

/** Subjects covered by the teams of the given schools on a date, in catalogue order. */
export async function subjectsOfSchools(db: Executor, schoolIds: string[], date: string) {
  if (schoolIds.length === 0) return [];
  return db
    .selectDistinct({ id: subjects.id, name: subjects.name, sortOrder: subjects.sortOrder })
    .from(orgSubjects)
    .innerJoin(orgs, and(eq(orgs.id, orgSubjects.orgId), eq(orgs.type, 'team')))
    .innerJoin(orgLinks, eq(orgLinks.orgId, orgs.id))
    .innerJoin(subjects, eq(subjects.id, orgSubjects.subjectId))
    .where(
      and(
        inArray(orgLinks.parentId, schoolIds),
        sql`${orgLinks.validFrom} <= ${date}`,
        sql`(${orgLinks.validTo} is null or ${orgLinks.validTo} >= ${date})`,
      ),
    )
    .orderBy(asc(subjects.sortOrder), asc(subjects.name));
}

/** Teachers per subject (people teaching it with a position in the schools or their teams on a date). */
export async function teachersPerSubject(db: Executor, schoolIds: string[], date: string): Promise<Map<string, number>> {
  if (schoolIds.length === 0) return new Map();
  const ids = sql.join(
    schoolIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ subject: string; n: number }>(
    db,
    sql`select ps.subject_id as subject, count(distinct m.person_id)::int as n
          from memberships m join person_subjects ps on ps.person_id = m.person_id
         where (m.valid_from is null or m.valid_from <= ${date}) and (m.valid_to is null or m.valid_to >= ${date})
           and (m.org_id in (${ids}) or m.org_id in (
             select l.org_id from org_links l
              where l.parent_id in (${ids}) and l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date})))
         group by ps.subject_id`,
  );
  return new Map(rows.map((r) => [r.subject, r.n]));
}

/** The network of the school year before `yearStart` with the same name and kind (the same network rolled over). */
export async function previousYearNetwork(db: Executor, name: string, kind: string, yearStart: string) {
  const rows = await db
    .select({ id: networks.id })
    .from(networks)
    .innerJoin(schoolYears, eq(schoolYears.id, networks.schoolYearId))
    .where(and(eq(networks.name, name), sql`${networks.kind} = ${kind}`, lt(schoolYears.startDate, yearStart)))
    .orderBy(desc(schoolYears.startDate))
    .limit(1);
  return rows[0];
}

/** The network of a school year with a given name and kind (preferring the given supervising org). */
export async function networkInYear(db: Executor, schoolYearId: string, name: string, kind: string, supervisingOrgId: string) {
  const rows = await db
    .select({ id: networks.id, supervisingOrgId: networks.supervisingOrgId })
    .from(networks)
    .where(and(eq(networks.schoolYearId, schoolYearId), eq(networks.name, name), sql`${networks.kind} = ${kind}`))
    .orderBy(sql`${networks.supervisingOrgId} = ${supervisingOrgId} desc`)
    .limit(1);
  return rows[0];
}

/**
 * The host of the networks' last meeting or planned item (not cancelled) before a date: the latest of held or
 * scheduled meetings and of plan items.
 */
export async function lastHostBefore(db: Executor, networkIds: string[], before: string): Promise<string | null> {
  if (networkIds.length === 0) return null;
  const ids = sql.join(
    networkIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ host: string }>(
    db,
    sql`select host from (
      select pi.host_org_id as host, pi.proposed_date as day from plan_items pi join plans p on p.id = pi.plan_id
       where p.network_id in (${ids}) and pi.host_org_id is not null and pi.proposed_date < ${before} and pi.status <> 'cancelled'
      union all
      select m.host_org_id, ((m.starts_at at time zone 'UTC') + interval '7 hours')::date from meetings m
       where m.network_id in (${ids}) and m.status <> 'cancelled' and ((m.starts_at at time zone 'UTC') + interval '7 hours')::date < ${before}
    ) x order by day desc limit 1`,
  );
  return rows[0]?.host ?? null;
}

/**
 * Days (Vietnam time) on which each of the orgs hosts a meeting or a planned item in a period, leaving out the plans
 * of one network (the one being planned, whose drafts the proposal replaces).
 */
export async function busyDays(db: Executor, orgIds: string[], from: string, to: string, exceptNetworkId: string | null) {
  const out = new Map<string, Set<string>>();
  if (orgIds.length === 0) return out;
  const ids = sql.join(
    orgIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const except = exceptNetworkId ? sql`and p.network_id is distinct from ${exceptNetworkId}::uuid` : sql``;
  const rows = await queryRows<{ org: string; day: string }>(
    db,
    sql`select pi.host_org_id as org, pi.proposed_date::text as day from plan_items pi join plans p on p.id = pi.plan_id
         where pi.host_org_id in (${ids}) and pi.proposed_date between ${from} and ${to} and pi.status <> 'cancelled' ${except}
        union
        select m.host_org_id, (((m.starts_at at time zone 'UTC') + interval '7 hours')::date)::text from meetings m
         where m.host_org_id in (${ids}) and m.status <> 'cancelled'
           and ((m.starts_at at time zone 'UTC') + interval '7 hours')::date between ${from} and ${to}`,
  );
  for (const r of rows) out.set(r.org, (out.get(r.org) ?? new Set()).add(r.day));
  return out;
}

/** Plans of a network for a term. */
export async function plansOfNetworkTerm(db: Executor, networkId: string, schoolYearId: string, termNumber: number) {
  return db
    .select({ id: plans.id, title: plans.title, status: plans.status })
    .from(plans)
    .where(and(eq(plans.networkId, networkId), eq(plans.schoolYearId, schoolYearId), eq(plans.termNumber, termNumber)))
    .orderBy(desc(plans.updatedAt));
}

/** A school year by id. */
export async function findYear(db: Executor, id: string) {
  const rows = await db.select().from(schoolYears).where(eq(schoolYears.id, id)).limit(1);
  return rows[0];
}

/** Names of orgs by id. */
export async function orgNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
