import { and, asc, between, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import {
  attachments,
  meetings,
  networks,
  orgLinks,
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
import { childOn } from '../orgs/repo';

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

/**
 * A list of ids as one bound parameter (`col = any(…)`): a province's batch holds ~100,000 meeting ids, more than the
 * 65,535 parameters a statement may carry when each id is its own parameter. The array is built from one text value,
 * which node-postgres and PGlite bind alike; the planner folds it into a constant array and still uses the index.
 */
export function idArray(ids: string[]): SQL {
  return sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
}

function manyCond(s: ManyScopes): SQL {
  const parts: SQL[] = [];
  if (s.networkIds.length) parts.push(sql`${meetings.networkId} = any(${idArray(s.networkIds)})`);
  if (s.hostOrgIds.length) parts.push(sql`(${meetings.hostOrgId} = any(${idArray(s.hostOrgIds)}) and ${meetings.networkId} is null)`);
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

type Keyed = ReadonlyArray<readonly [number, string]>;

/**
 * The numbers of a roll-up's units, counted in one statement (reports/numbers.ts says what each counts): each owner
 * `k` is some networks (their meetings) or some orgs (the meetings they host outside any network). Rows: `held` and
 * `people` (participants in `n`, non-participants in `n2`) once per owner with meetings, `lessons` per owner and
 * subject name (null: no subject), `items` (cancelled plan items) and `cancelled` (cancelled meetings without one).
 * The owners' meetings are reached by joining from the owner lists, attendance per meeting; only a few rows per owner
 * come back.
 */
export async function ownerNumbers(db: Executor, owners: Array<{ k: number; networkIds: string[]; orgIds: string[] }>, p: Period) {
  const pairs = (key: 'networkIds' | 'orgIds'): Keyed => owners.flatMap((o) => o[key].map((id) => [o.k, id] as const));
  type Row = { what: 'held' | 'lessons' | 'people' | 'items' | 'cancelled'; k: number; subject: string | null; n: number; n2: number };
  // JIT off for this statement (SET LOCAL, so in a transaction; inside the caller's it lasts to that one's end): its
  // cost estimate makes PostgreSQL compile it with inlining and optimisation, 4.8 s of a 9 s run at M, for one run;
  // and room for the hash of (owner, person) pairs (~80,000 at L), which spilled to disk with the default 4 MB
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return queryRows<Row>(tx, numbersSql(pairs('networkIds'), pairs('orgIds'), p));
  });
}

/** The statement of ownerNumbers: the owners as relations `o(k, id)` of network ids and of host org ids. */
function numbersSql(nets: Keyed, hosts: Keyed, p: Period): SQL {
  const list = (ps: Keyed) => sql`unnest(string_to_array(${ps.map((x) => x[0]).join(',')}, ',')::int[], ${idArray(ps.map((x) => x[1]))})`;
  const statuses = sql`${meetings.status} in ('held', 'minutes_locked', 'cancelled')`;
  const termCond = p.termNumber
    ? sql`(pl.term_number = ${p.termNumber} or (pl.term_number is null and i.proposed_date between ${p.from} and ${p.to}))`
    : sql`true`;
  const itemsOf = (col: SQL, ps: Keyed) => sql`
    select o.k, i.id from ${list(ps)} as o(k, id) join plans pl on ${col} = o.id join plan_items i on i.plan_id = pl.id
      where pl.school_year_id = ${p.schoolYearId} and i.status = 'cancelled' and ${termCond}`;
  // the owners' meetings, attendance and subjects are read through LATERAL subqueries fenced with OFFSET 0 (or an
  // aggregate), so each is an index probe per owner or meeting: as plain joins the planner, estimating ~5× the
  // meetings of a province at L, hashed whole tables instead (meetings 6.7 M, attendance 44 M rows: over 90 s)
  const ofOwners = (ps: Keyed, match: SQL) => sql`
    select o.k, m.id, m.status, m.plan_item_id from ${list(ps)} as o(k, id) cross join lateral (
      select ${meetings.id} as id, ${meetings.status} as status, ${meetings.planItemId} as plan_item_id from ${meetings}
      where ${match} and ${periodCond(p)} and ${statuses} offset 0
    ) m`;
  return sql`with scoped as materialized (
      ${ofOwners(nets, sql`${meetings.networkId} = o.id`)}
      union all
      ${ofOwners(hosts, sql`${meetings.hostOrgId} = o.id and ${meetings.networkId} is null`)}
    ),
    held as materialized (select k, id from scoped where status <> 'cancelled'),
    items as materialized (${itemsOf(sql`pl.network_id`, nets)} union all ${itemsOf(sql`pl.org_id`, hosts)}),
    att as materialized (
      select h.k, h.id as meeting_id, a.person_id, a.status in ('present', 'late') as took
      from held h cross join lateral (select a.person_id, a.status from attendance a where a.meeting_id = h.id offset 0) a
    ),
    took as (select k, person_id, bool_or(took) as took, bool_and(took) as always from att group by k, person_id),
    ${missedSql()}
    select 'held' as what, k, null as subject, count(*)::int as n, 0 as n2 from held group by k
    union all
    select 'lessons', h.k, s.name, count(*)::int, 0
      from held h
      cross join lateral (select coalesce(array_agg(ms.subject_id), '{null}') as ids from meeting_subjects ms where ms.meeting_id = h.id) x
      cross join unnest(x.ids) as u(subject_id) left join subjects s on s.id = u.subject_id
      group by h.k, s.name
    union all
    select 'people', t.k, null, (count(*) filter (where t.took))::int,
        (count(*) filter (where not t.took or m.person_id is not null))::int
      from took t left join missed m on m.k = t.k and m.person_id = t.person_id group by t.k
    union all
    select 'items', k, null, count(*)::int, 0 from items group by k
    union all
    select 'cancelled', c.k, null, count(*)::int, 0 from scoped c
      where c.status = 'cancelled' and (c.plan_item_id is null or not exists (select 1 from items i where i.k = c.k and i.id = c.plan_item_id))
      group by c.k`;
}

/** The name a meeting without a subject is counted under. */
export const NO_SUBJECT = 'Liên môn';

/**
 * The CTEs of numbersSql ending in `missed(k, person_id)`: the people who took part in some of an owner's held meetings
 * and missed every meeting of a subject they were recorded absent in, each attendance counted under the subjects
 * compute.ts's subjectsFor gives (by name: those they teach that the meeting is about, else those they teach, else the
 * meeting's, else NO_SUBJECT). Only these mixed people are looked at subject by subject (a person who took part
 * nowhere is listed under every subject of their absences, one never absent under none); subject names are read once
 * per held meeting and per mixed person, each by an index probe, and matched to the attendance rows by hashing, not
 * probed per attendance row.
 */
function missedSql(): SQL {
  return sql`mixed as materialized (select k, person_id from took where took and not always),
    msub as (
      select h.id as meeting_id, x.names from (select distinct id from held) h cross join lateral (
        select array_agg(s.name) as names from meeting_subjects ms join subjects s on s.id = ms.subject_id
        where ms.meeting_id = h.id offset 0
      ) x
    ),
    psub as (
      select q.person_id, x.names from (select distinct person_id from mixed) q cross join lateral (
        select array_agg(s.name) as names from person_subjects ps join subjects s on s.id = ps.subject_id
        where ps.person_id = q.person_id offset 0
      ) x
    ),
    missed as (
      select distinct y.k, y.person_id from (
        select a.k, a.person_id, u.name, bool_or(a.took) as took
        from att a
        join mixed t on t.k = a.k and t.person_id = a.person_id
        left join msub m on m.meeting_id = a.meeting_id
        left join psub p on p.person_id = a.person_id
        cross join lateral unnest(coalesce(
          nullif(array(select n from unnest(p.names) as n where n = any(m.names)), '{}'),
          p.names,
          m.names,
          array[${NO_SUBJECT}::text]
        )) as u(name)
        group by a.k, a.person_id, u.name
      ) y
      where not y.took
    )`;
}

/** Subject names of the given meetings, in catalogue order. */
export async function subjectsOf(db: Executor, meetingIds: string[]) {
  return chunked(meetingIds, (ids) =>
    queryRows<{ meetingId: string; name: string; sortOrder: number }>(
      db,
      sql`select ms.meeting_id as "meetingId", s.name, s.sort_order as "sortOrder"
        from ${meetingsIn(ids)}
        join meeting_subjects ms on ms.meeting_id = x.id
        join subjects s on s.id = ms.subject_id
        order by s.sort_order, s.name`,
    ),
  );
}

/** The excused and absent records of the given meetings, with the person's name (they are listed by name). */
export async function absenteesOf(db: Executor, meetingIds: string[]) {
  // the name by primary key per row: with a join the planner hashes the whole people table (1 M rows at L)
  return chunked(meetingIds, (ids) =>
    queryRows<{ meetingId: string; personId: string; fullName: string; status: string; reason: string | null }>(
      db,
      sql`select a.meeting_id as "meetingId", a.person_id as "personId",
          (select p.full_name from people p where p.id = a.person_id) as "fullName", a.status::text as status, a.reason
        from ${meetingsIn(ids)}
        join attendance a on a.meeting_id = x.id
        where a.status not in ('present', 'late')`,
    ),
  );
}

/**
 * Runs a per-meeting read over the ids in chunks, a few at a time, and concatenates the rows in order: with a province's
 * ~100,000 meeting ids in one statement the planner turns to whole-table scans of attendance (44 M rows at L, 4 s and
 * more); with 8,000 it probes the indexes (~0.2 s a chunk). Each meeting's rows stay within one chunk, in order.
 */
async function chunked<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += MEETING_CHUNK) chunks.push(ids.slice(i, i + MEETING_CHUNK));
  const results: T[][] = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const k = next++;
      results[k] = await read(chunks[k]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHUNK_CONCURRENCY, chunks.length) }, worker));
  const out: T[] = [];
  for (const rows of results) for (const row of rows) out.push(row);
  return out;
}

/** Chunks of one read in flight at once (three reads run side by side: up to 9 of the pool's 10 connections). */
const CHUNK_CONCURRENCY = 3;

const MEETING_CHUNK = 8000;

/**
 * The given meetings as a relation `x(id)` to join from: with `meeting_id = any(…)` over a province's ~100,000 ids
 * the planner scans the whole attendance table (44 M rows at L, 11 s); joined from the list it probes the index.
 */
function meetingsIn(meetingIds: string[]): SQL {
  return sql`unnest(${idArray(meetingIds)}) as x(id)`;
}

/**
 * Who took part (present or late) in the given meetings, one row per network (or host outside a network), person
 * and set of meeting subjects, with one of those meetings as `meetingId`: what counts participants by subject
 * depends on nothing else, and a teacher's dozen meetings of a term in one team collapse into one row (a province's
 * batch: ~600,000 attendance records at M, far fewer rows).
 */
export async function participantsOf(db: Executor, meetingIds: string[]) {
  // chunks may repeat a person's row with another meeting of the same subjects: participants are sets, so it is harmless
  return chunked(meetingIds, (ids) =>
    queryRows<{ networkId: string | null; hostOrgId: string; personId: string; meetingId: string }>(
      db,
      sql`select m.network_id as "networkId", m.host_org_id as "hostOrgId", a.person_id as "personId",
          min(a.meeting_id::text) as "meetingId"
        from ${meetingsIn(ids)}
        join meetings m on m.id = x.id
        join attendance a on a.meeting_id = x.id
        left join lateral (
          select string_agg(ms.subject_id::text, ',' order by ms.subject_id) as subject_set
          from meeting_subjects ms where ms.meeting_id = m.id
        ) s on true
        where a.status in ('present', 'late')
        group by m.network_id, m.host_org_id, a.person_id, s.subject_set`,
    ),
  );
}

/** Subject names each of the given people teaches. */
export async function teacherSubjects(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: personSubjects.personId, name: subjects.name, sortOrder: subjects.sortOrder })
    .from(personSubjects)
    .innerJoin(subjects, eq(subjects.id, personSubjects.subjectId))
    .where(sql`${personSubjects.personId} = any(${idArray(personIds)})`)
    .orderBy(asc(subjects.sortOrder));
}

/** Cancelled items of several owners' plans for the period, with their reasons and each plan's network or org. */
export async function cancelledItemsMany(db: Executor, owners: { networkIds: string[]; orgIds: string[] }, p: Period) {
  const parts: SQL[] = [];
  if (owners.networkIds.length) parts.push(sql`${plans.networkId} = any(${idArray(owners.networkIds)})`);
  if (owners.orgIds.length) parts.push(sql`${plans.orgId} = any(${idArray(owners.orgIds)})`);
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
        select o.id, o.id, 0 from orgs o where o.id = any(${idArray(rootIds)})
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

/** Networks each of the given orgs supervises in a school year, by org, kind and name (a roll-up level at once). */
export async function supervisedNetworksMany(db: Executor, orgIds: string[], schoolYearId: string) {
  if (orgIds.length === 0) return [];
  return db
    .select({ id: networks.id, name: networks.name, kind: networks.kind, supervisingOrgId: networks.supervisingOrgId })
    .from(networks)
    .where(and(sql`${networks.supervisingOrgId} = any(${idArray(orgIds)})`, eq(networks.schoolYearId, schoolYearId)))
    .orderBy(asc(networks.supervisingOrgId), asc(networks.kind), asc(networks.name));
}

/** The child orgs of each of the given orgs on a date, by parent, type and name (orgs' childrenOn, for many). */
export async function childrenOnMany(db: Executor, parentIds: string[], date: string) {
  if (parentIds.length === 0) return [];
  return db
    .select({ parentId: orgLinks.parentId, id: orgs.id, name: orgs.name, type: orgs.type })
    .from(orgLinks)
    .innerJoin(orgs, eq(orgs.id, orgLinks.orgId))
    .where(and(sql`${orgLinks.parentId} = any(${idArray(parentIds)})`, childOn(date)))
    .orderBy(asc(orgLinks.parentId), asc(orgs.type), asc(orgs.name));
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

/** Who last submitted or resubmitted a report (told of the decision with its drafter). */
export async function lastSubmitter(db: Executor, reportId: string): Promise<string | null> {
  const rows = await db
    .select({ actorId: reportReviews.actorId })
    .from(reportReviews)
    .where(and(eq(reportReviews.reportId, reportId), inArray(reportReviews.action, ['submit', 'resubmit'])))
    .orderBy(desc(reportReviews.at))
    .limit(1);
  return rows[0]?.actorId ?? null;
}
