import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { NetworkKind, NetworkRole } from '../../../shared/enums';
import type { Executor } from '../../db/client';
import { memberships, networkLeaders, networkMembers, networks, orgs, people, schoolYears } from '../../db/schema';

const summaryColumns = {
  id: networks.id,
  kind: networks.kind,
  name: networks.name,
  schoolYearId: networks.schoolYearId,
  schoolYearCode: schoolYears.code,
  supervisingOrgId: networks.supervisingOrgId,
  leadOrgId: networks.leadOrgId,
  parentNetworkId: networks.parentNetworkId,
  memberCount: sql<number>`(select count(*)::int from network_members nm where nm.network_id = ${networks.id})`,
};

export interface NetworkFilter {
  schoolYearId?: string;
  kind?: NetworkKind;
  orgId?: string;
  q: string;
  ids?: string[];
}

/** SQL conditions of a network filter; null when it can match nothing (an empty id list). */
function filterConds(f: NetworkFilter): SQL[] | null {
  const conds: SQL[] = [];
  if (f.schoolYearId) conds.push(eq(networks.schoolYearId, f.schoolYearId));
  if (f.kind) conds.push(eq(networks.kind, f.kind));
  if (f.orgId) {
    conds.push(
      sql`(${networks.supervisingOrgId} = ${f.orgId} or exists (select 1 from network_members nm where nm.network_id = ${networks.id} and nm.org_id = ${f.orgId}))`,
    );
  }
  if (f.q) conds.push(sql`lt_unaccent(lower(${networks.name})) like '%' || lt_unaccent(lower(${f.q})) || '%'`);
  if (f.ids) {
    if (f.ids.length === 0) return null;
    conds.push(inArray(networks.id, f.ids));
  }
  return conds;
}

/** The sort key of the network list (newest school year first, then kind, name and id), as keyset cursors carry it. */
export type NetworkKey = [startDate: string, kind: NetworkKind, name: string, id: string];

/** Networks matching the filter, with counts (at most 1,000: callers that need more page with `page`). */
export async function list(db: Executor, f: NetworkFilter) {
  return (await page(db, f, 1000)).rows.map(({ startDate: _sortKey, ...row }) => row);
}

/** One page of networks in the list's order, after a key; `more` says whether rows follow. */
export async function page(db: Executor, f: NetworkFilter, limit: number, after?: NetworkKey) {
  const conds = filterConds(f);
  if (!conds) return { rows: [], more: false };
  if (after) {
    const [startDate, kind, name, id] = after;
    conds.push(sql`(${schoolYears.startDate} < ${startDate}::date or (${schoolYears.startDate} = ${startDate}::date and
      (${networks.kind}, ${networks.name}, ${networks.id}) > (${kind}::network_kind, ${name}, ${id}::uuid)))`);
  }
  const found = await db
    .select({ ...summaryColumns, startDate: schoolYears.startDate })
    .from(networks)
    .innerJoin(schoolYears, eq(schoolYears.id, networks.schoolYearId))
    .where(and(...conds))
    .orderBy(desc(schoolYears.startDate), asc(networks.kind), asc(networks.name), asc(networks.id))
    .limit(limit + 1);
  return { rows: found.slice(0, limit), more: found.length > limit };
}

/** How many networks match the filter. */
export async function count(db: Executor, f: NetworkFilter): Promise<number> {
  const conds = filterConds(f);
  if (!conds) return 0;
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(networks)
    .where(and(...conds));
  return rows[0]?.n ?? 0;
}

/** One network row with its school year code. */
export async function findById(db: Executor, id: string) {
  const rows = await db
    .select({ ...summaryColumns, network: networks })
    .from(networks)
    .innerJoin(schoolYears, eq(schoolYears.id, networks.schoolYearId))
    .where(eq(networks.id, id))
    .limit(1);
  return rows[0];
}

/** Member orgs of a network, in order. */
export async function membersOf(db: Executor, networkId: string) {
  return db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, shortName: orgs.shortName, type: orgs.type, levels: orgs.levels })
    .from(networkMembers)
    .innerJoin(orgs, eq(orgs.id, networkMembers.orgId))
    .where(eq(networkMembers.networkId, networkId))
    .orderBy(asc(networkMembers.sortOrder), asc(orgs.name));
}

/** Leaders of a network with the school where each holds a position on a date. */
export async function leadersOf(db: Executor, networkId: string, date: string) {
  return db
    .select({
      personId: people.id,
      fullName: people.fullName,
      role: networkLeaders.role,
      orgName: sql<
        string | null
      >`(select o.name from memberships m join orgs o on o.id = m.org_id where m.person_id = ${people.id} and (m.valid_from is null or m.valid_from <= ${date}) and (m.valid_to is null or m.valid_to >= ${date}) order by (m.position in ('principal','vice_principal','office_leader')) desc limit 1)`,
      position: sql<
        string | null
      >`(select m.position::text from memberships m where m.person_id = ${people.id} and (m.valid_from is null or m.valid_from <= ${date}) and (m.valid_to is null or m.valid_to >= ${date}) order by (m.position in ('principal','vice_principal','office_leader')) desc limit 1)`,
    })
    .from(networkLeaders)
    .innerJoin(people, eq(people.id, networkLeaders.personId))
    .where(eq(networkLeaders.networkId, networkId))
    .orderBy(sql`${networkLeaders.role} = 'deputy'`, asc(people.fullName));
}

/** Networks directly inside a network. */
export async function childrenOf(db: Executor, networkId: string) {
  return db
    .select({ id: networks.id, name: networks.name, kind: networks.kind })
    .from(networks)
    .where(eq(networks.parentNetworkId, networkId))
    .orderBy(asc(networks.name));
}

/** Networks (of a school year) where the person leads, or where one of their orgs is a member. */
export async function networksOfPerson(db: Executor, personId: string, orgIds: string[], schoolYearId: string) {
  const byOrg =
    orgIds.length > 0
      ? sql`or exists (select 1 from network_members nm where nm.network_id = ${networks.id} and nm.org_id in (${sql.join(
          orgIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}))`
      : sql``;
  const rows = await db
    .select({ ...summaryColumns, myRole: networkLeaders.role })
    .from(networks)
    .innerJoin(schoolYears, eq(schoolYears.id, networks.schoolYearId))
    .leftJoin(networkLeaders, and(eq(networkLeaders.networkId, networks.id), eq(networkLeaders.personId, personId)))
    .where(and(eq(networks.schoolYearId, schoolYearId), sql`(${networkLeaders.personId} is not null ${byOrg})`))
    .orderBy(asc(networks.kind), asc(networks.name));
  return rows;
}

/** Networks an org belongs to (any year). */
export async function networksOfOrg(db: Executor, orgId: string) {
  return db
    .select({ id: networks.id, name: networks.name, kind: networks.kind, schoolYearCode: schoolYears.code })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .innerJoin(schoolYears, eq(schoolYears.id, networks.schoolYearId))
    .where(eq(networkMembers.orgId, orgId))
    .orderBy(desc(schoolYears.startDate), asc(networks.name));
}

type NetworkRow = typeof networks.$inferInsert;

/** Inserts a network. */
export async function insert(db: Executor, row: NetworkRow) {
  const [created] = await db.insert(networks).values(row).returning();
  return created;
}

/** Updates a network. */
export async function update(db: Executor, id: string, row: Partial<NetworkRow>) {
  const [updated] = await db
    .update(networks)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(networks.id, id))
    .returning();
  return updated;
}

/** Deletes a network (members and leaders cascade). */
export async function remove(db: Executor, id: string): Promise<void> {
  await db.delete(networks).where(eq(networks.id, id));
}

/** Replaces a network's members and leaders. */
export async function setMembersAndLeaders(
  db: Executor,
  networkId: string,
  memberOrgIds: string[],
  leaders: Array<{ personId: string; role: NetworkRole }>,
): Promise<void> {
  await db.delete(networkMembers).where(eq(networkMembers.networkId, networkId));
  await db.delete(networkLeaders).where(eq(networkLeaders.networkId, networkId));
  if (memberOrgIds.length > 0) await db.insert(networkMembers).values(memberOrgIds.map((orgId, i) => ({ networkId, orgId, sortOrder: i })));
  if (leaders.length > 0) await db.insert(networkLeaders).values(leaders.map((l) => ({ networkId, ...l })));
}

/** Ids of people among the given ones who exist. */
export async function existingPeople(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: people.id }).from(people).where(inArray(people.id, ids));
  return rows.map((r) => r.id);
}

/** Whether any memberships reference the person, for the leader's school lookup. */
export async function anyMembership(db: Executor, personId: string): Promise<boolean> {
  const rows = await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.personId, personId)).limit(1);
  return rows.length > 0;
}

/** The principal (else vice-principal) of an org on a date, if any. */
export async function principalOf(db: Executor, orgId: string, date: string) {
  const rows = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        sql`${memberships.position} in ('principal', 'vice_principal')`,
        sql`(${memberships.validFrom} is null or ${memberships.validFrom} <= ${date}) and (${memberships.validTo} is null or ${memberships.validTo} >= ${date})`,
      ),
    )
    .orderBy(sql`${memberships.position} = 'vice_principal'`)
    .limit(1);
  return rows[0]?.personId;
}

/** A network of a school year with a given name and supervising org. */
export async function findByName(db: Executor, schoolYearId: string, supervisingOrgId: string, name: string) {
  const rows = await db
    .select({ id: networks.id })
    .from(networks)
    .where(and(eq(networks.schoolYearId, schoolYearId), eq(networks.supervisingOrgId, supervisingOrgId), eq(networks.name, name)))
    .limit(1);
  return rows[0];
}
