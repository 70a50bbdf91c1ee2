import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { orgLinks, orgSubjects, orgs, subjects } from '../../db/schema';

/** Columns of an org summary. */
export const orgSummaryColumns = {
  id: orgs.id,
  code: orgs.code,
  name: orgs.name,
  shortName: orgs.shortName,
  type: orgs.type,
  levels: orgs.levels,
};

/** SQL condition: the link is valid on a date. */
function linkValidOn(date: string) {
  return sql`${orgLinks.validFrom} <= ${date} and (${orgLinks.validTo} is null or ${orgLinks.validTo} >= ${date})`;
}

/** SQL: the org itself exists on a date (its own validity; a dissolved office has ended). */
function orgValidOn(date: string) {
  return sql`(${orgs.validFrom} is null or ${orgs.validFrom} <= ${date}) and (${orgs.validTo} is null or ${orgs.validTo} >= ${date})`;
}

/**
 * SQL: "a child as of a date", the one rule of the tree, the org pages and the roll-ups: the parent link is valid on
 * the date AND the child org itself exists then (an office ended on 30/6/2025 whose links were left open is no child
 * on 1/7/2025). Used with `org_links` joined to the child's `orgs` row.
 */
export function childOn(date: string) {
  return and(linkValidOn(date), orgValidOn(date)) as SQL;
}

/** For each org id, the chain [org, parent, grandparent, …] on a date. */
export async function ancestorChains(db: Executor, orgIds: string[], date: string): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (orgIds.length === 0) return result;
  const rows = await queryRows<{ start: string; id: string; depth: number }>(
    db,
    sql`
    with recursive up(start, id, depth) as (
      select o.id, o.id, 0 from orgs o where o.id in (${sql.join(
        orgIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union all
      select up.start, l.parent_id, up.depth + 1 from org_links l join up on l.org_id = up.id
      where l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) and up.depth < 12
    )
    select start, id, depth from up order by start, depth`,
  );
  for (const r of rows) {
    const chain = result.get(r.start) ?? [];
    chain.push(r.id);
    result.set(r.start, chain);
  }
  return result;
}

/** The chain [org, parent, …] of one org on a date. */
export async function ancestorChain(db: Executor, orgId: string, date: string): Promise<string[]> {
  return (await ancestorChains(db, [orgId], date)).get(orgId) ?? [];
}

/** Ids of an org and every org below it on a date. */
export async function subtreeIds(db: Executor, rootIds: string[], date: string): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive down(id, depth) as (
      select o.id, 0 from orgs o where o.id in (${sql.join(
        rootIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union all
      select l.org_id, down.depth + 1 from org_links l join down on l.parent_id = down.id
      where l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) and down.depth < 12
    )
    select distinct id from down`,
  );
  return rows.map((r) => r.id);
}

/** Every org that exists on a date, with its parent on that date (the whole tree, flat), or only those `within`. */
export async function treeOn(db: Executor, date: string, within?: SQL) {
  return db
    .select({ ...orgSummaryColumns, parentId: orgLinks.parentId })
    .from(orgs)
    .leftJoin(orgLinks, and(eq(orgLinks.orgId, orgs.id), linkValidOn(date)))
    .where(and(orgValidOn(date), within ? sql`${orgs.id} in (${within})` : undefined))
    .orderBy(asc(orgs.type), asc(orgs.name));
}

/**
 * The tree on a date below a root (or below every top org, those without a parent on the date), down to `depth`
 * levels (0 = the roots alone): one query, whatever the size of the installation.
 */
export async function treeBelow(db: Executor, date: string, rootId: string | null, depth: number) {
  const roots = rootId
    ? sql`select ${rootId}::uuid, 0`
    : sql`select o.id, 0 from orgs o where not exists (select 1 from org_links l where l.org_id = o.id
        and l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}))`;
  const below = sql`with recursive down(id, depth) as (
      ${roots}
      union all
      select l.org_id, down.depth + 1 from org_links l join down on l.parent_id = down.id
      where l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) and down.depth < ${depth}
    )
    select id from down`;
  return treeOn(db, date, below);
}

/** Orgs whose name or code matches q, ignoring diacritics and case ("tan thanh dong" finds "Tân Thạnh Đông"). */
export async function search(db: Executor, q: string, opts: { type?: string; limit: number }) {
  const needle = sql`lt_unaccent(lower(${q}))`;
  const hay = sql`lt_unaccent(lower(${orgs.name}))`;
  // An exact code first (offices type codes: "THCS-TTD"), then names containing the words, then the nearest names.
  return db
    .select(orgSummaryColumns)
    .from(orgs)
    .where(
      and(
        q ? sql`(${hay} like '%' || ${needle} || '%' or ${hay} % ${needle} or lower(${orgs.code}) = lower(${q}))` : undefined,
        opts.type ? sql`${orgs.type} = ${opts.type}` : undefined,
      ),
    )
    .orderBy(
      q
        ? sql`(lower(${orgs.code}) = lower(${q})) desc, (${hay} like '%' || ${needle} || '%') desc, similarity(${hay}, ${needle}) desc`
        : asc(orgs.name),
      asc(orgs.name),
    )
    .limit(opts.limit);
}

/** One org row. */
export async function findById(db: Executor, id: string) {
  const rows = await db.select().from(orgs).where(eq(orgs.id, id)).limit(1);
  return rows[0];
}

/** Summaries of the given orgs. */
export async function summaries(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(orgSummaryColumns).from(orgs).where(inArray(orgs.id, ids));
}

/** The org by its unique code. */
export async function findByCode(db: Executor, code: string) {
  const rows = await db.select().from(orgs).where(sql`lower(${orgs.code}) = lower(${code})`).limit(1);
  return rows[0];
}

/** Children of an org on a date. */
export async function childrenOn(db: Executor, parentId: string, date: string) {
  return db
    .select(orgSummaryColumns)
    .from(orgLinks)
    .innerJoin(orgs, eq(orgs.id, orgLinks.orgId))
    .where(and(eq(orgLinks.parentId, parentId), childOn(date)))
    .orderBy(asc(orgs.type), asc(orgs.name));
}

/** Every parent link of an org, oldest first, with the parent's summary. */
export async function parentHistory(db: Executor, orgId: string) {
  return db
    .select({ id: orgLinks.id, validFrom: orgLinks.validFrom, validTo: orgLinks.validTo, parent: orgSummaryColumns })
    .from(orgLinks)
    .innerJoin(orgs, eq(orgs.id, orgLinks.parentId))
    .where(eq(orgLinks.orgId, orgId))
    .orderBy(asc(orgLinks.validFrom));
}

/** The open (no end date) parent link of an org. */
export async function openLink(db: Executor, orgId: string) {
  const rows = await db
    .select()
    .from(orgLinks)
    .where(and(eq(orgLinks.orgId, orgId), isNull(orgLinks.validTo)))
    .limit(1);
  return rows[0];
}

type OrgRow = typeof orgs.$inferInsert;

/** Inserts an org. */
export async function insert(db: Executor, row: OrgRow) {
  const [created] = await db.insert(orgs).values(row).returning();
  return created;
}

/** Updates an org. */
export async function update(db: Executor, id: string, row: Partial<OrgRow>) {
  const [updated] = await db
    .update(orgs)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(orgs.id, id))
    .returning();
  return updated;
}

/** Adds a parent link. */
export async function insertLink(db: Executor, row: typeof orgLinks.$inferInsert) {
  const [created] = await db.insert(orgLinks).values(row).returning();
  return created;
}

/** Closes a parent link at a date. */
export async function closeLink(db: Executor, linkId: string, validTo: string): Promise<void> {
  await db.update(orgLinks).set({ validTo }).where(eq(orgLinks.id, linkId));
}

/** Subjects of a team. */
export async function subjectsOf(db: Executor, orgId: string) {
  return db
    .select({ id: subjects.id, code: subjects.code, name: subjects.name })
    .from(orgSubjects)
    .innerJoin(subjects, eq(subjects.id, orgSubjects.subjectId))
    .where(eq(orgSubjects.orgId, orgId))
    .orderBy(asc(subjects.sortOrder));
}

/** Replaces a team's subjects. */
export async function setSubjects(db: Executor, orgId: string, subjectIds: string[]): Promise<void> {
  await db.delete(orgSubjects).where(eq(orgSubjects.orgId, orgId));
  if (subjectIds.length > 0) await db.insert(orgSubjects).values(subjectIds.map((subjectId) => ({ orgId, subjectId })));
}

/**
 * The chain an org's record is authorised on: today's, or for an org that has ended, the one of its last day (an
 * office dissolved on 30/6/2025 stays in the hands of the Sở that managed it, for its pages, its edits and its
 * roll-ups of past years).
 */
export async function recordChain(db: Executor, org: { id: string; validTo: string | null }, today: string): Promise<string[]> {
  return ancestorChain(db, org.id, org.validTo && org.validTo < today ? org.validTo : today);
}
