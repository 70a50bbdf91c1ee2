import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Position } from '../../../shared/enums';
import type { Executor } from '../../db/client';
import { accounts, memberships, orgs, people, personSubjects, subjects } from '../../db/schema';

/** SQL condition: a membership is valid on a date. */
export function membershipValidOn(date: string): SQL {
  return sql`(${memberships.validFrom} is null or ${memberships.validFrom} <= ${date}) and (${memberships.validTo} is null or ${memberships.validTo} >= ${date})`;
}

/** A person's positions valid on a date, with the org's name and type. */
export async function activeMemberships(db: Executor, personId: string, date: string) {
  return db
    .select({ orgId: orgs.id, orgName: orgs.name, orgType: orgs.type, position: memberships.position })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberships.personId, personId), membershipValidOn(date)));
}

/** Every membership of a person (history included). */
export async function membershipsOf(db: Executor, personId: string) {
  return db
    .select({
      id: memberships.id,
      orgId: memberships.orgId,
      orgName: orgs.name,
      position: memberships.position,
      validFrom: memberships.validFrom,
      validTo: memberships.validTo,
    })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.personId, personId))
    .orderBy(asc(memberships.validFrom));
}

/** One person row. */
export async function findById(db: Executor, id: string) {
  const rows = await db.select().from(people).where(eq(people.id, id)).limit(1);
  return rows[0];
}

/** A person by staff code or e-mail (case-insensitive), for imports. */
export async function findByCodeOrEmail(db: Executor, code: string | null, email: string | null) {
  const conds: SQL[] = [];
  if (code) conds.push(sql`${people.code} = ${code}`);
  if (email) conds.push(sql`lower(${people.email}) = lower(${email})`);
  if (conds.length === 0) return undefined;
  const rows = await db.select().from(people).where(sql.join(conds, sql` or `)).limit(2);
  return rows;
}

export interface PeopleFilter {
  q: string;
  orgIds: string[] | null;
  position?: Position;
  subjectId?: string;
  date: string;
  limit: number;
  offset: number;
  /** Keyset paging: only people sorting after this (full name, id); the offset is then 0. */
  after?: { fullName: string; id: string };
}

/** People matching the filter: name search without diacritics, limited to people with a position in orgIds. */
export async function list(db: Executor, f: PeopleFilter) {
  const conds: SQL[] = [];
  if (f.q) {
    conds.push(
      sql`(lt_unaccent(lower(${people.fullName})) like '%' || lt_unaccent(lower(${f.q})) || '%' or lower(${people.email}) = lower(${f.q}) or ${people.code} = ${f.q})`,
    );
  }
  const mConds: SQL[] = [
    sql`m.person_id = ${people.id}`,
    sql`(m.valid_from is null or m.valid_from <= ${f.date})`,
    sql`(m.valid_to is null or m.valid_to >= ${f.date})`,
  ];
  if (f.orgIds) {
    if (f.orgIds.length === 0) return { rows: [], more: false, total: 0 };
    mConds.push(
      sql`m.org_id in (${sql.join(
        f.orgIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (f.position) mConds.push(sql`m.position = ${f.position}`);
  conds.push(sql`exists (select 1 from memberships m where ${sql.join(mConds, sql` and `)})`);
  if (f.subjectId)
    conds.push(sql`exists (select 1 from person_subjects ps where ps.person_id = ${people.id} and ps.subject_id = ${f.subjectId})`);
  const where = and(...conds);
  const page = f.after ? and(where, sql`(${people.fullName}, ${people.id}) > (${f.after.fullName}, ${f.after.id}::uuid)`) : where;
  // One row more than asked tells whether a next page exists, without a second count.
  const [found, count] = await Promise.all([
    db
      .select()
      .from(people)
      .where(page)
      .orderBy(asc(people.fullName), asc(people.id))
      .limit(f.limit + 1)
      .offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(people).where(where),
  ]);
  return { rows: found.slice(0, f.limit), more: found.length > f.limit, total: count[0]?.n ?? 0 };
}

/** SQL: the school of a team org on a date (null for any other org). */
function schoolOfTeam(date: string): SQL<string | null> {
  return sql`case when ${orgs.type} = 'team' then (select po.name from org_links l join orgs po on po.id = l.parent_id
    where l.org_id = ${orgs.id} and l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) limit 1) end`;
}

/** Current positions (with org names and a team's school) and subjects of many people, for list rows. */
export async function decorate(db: Executor, personIds: string[], date: string) {
  if (personIds.length === 0) return { positions: [], subjects: [] };
  const [pos, subj] = await Promise.all([
    db
      .select({
        personId: memberships.personId,
        orgId: orgs.id,
        orgName: orgs.name,
        schoolName: schoolOfTeam(date),
        position: memberships.position,
      })
      .from(memberships)
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .where(and(inArray(memberships.personId, personIds), membershipValidOn(date))),
    db
      .select({ personId: personSubjects.personId, id: subjects.id, code: subjects.code, name: subjects.name })
      .from(personSubjects)
      .innerJoin(subjects, eq(subjects.id, personSubjects.subjectId))
      .where(inArray(personSubjects.personId, personIds))
      .orderBy(asc(subjects.sortOrder)),
  ]);
  return { positions: pos, subjects: subj };
}

/** Ids of people with a position valid on a date in any of the orgs. */
export async function staffOf(db: Executor, orgIds: string[], date: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectDistinct({ id: people.id, fullName: people.fullName })
    .from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .where(and(inArray(memberships.orgId, orgIds), membershipValidOn(date)))
    .orderBy(asc(people.fullName));
}

/** Org ids where the person has any position (history included). */
export async function orgIdsOf(db: Executor, personId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.personId, personId));
  return rows.map((r) => r.orgId);
}

/** Whether the person has an account. */
export async function hasAccount(db: Executor, personId: string): Promise<boolean> {
  const rows = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId)).limit(1);
  return rows.length > 0;
}

type PersonRow = typeof people.$inferInsert;

/** Inserts a person. */
export async function insert(db: Executor, row: PersonRow) {
  const [created] = await db.insert(people).values(row).returning();
  return created;
}

/** Updates a person. */
export async function update(db: Executor, id: string, row: Partial<PersonRow>) {
  const [updated] = await db
    .update(people)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(people.id, id))
    .returning();
  return updated;
}

/** Replaces a person's memberships. */
export async function setMemberships(
  db: Executor,
  personId: string,
  rows: Array<{ orgId: string; position: Position; validFrom: string | null; validTo: string | null }>,
): Promise<void> {
  await db.delete(memberships).where(eq(memberships.personId, personId));
  if (rows.length > 0) await db.insert(memberships).values(rows.map((r) => ({ ...r, personId })));
}

/** Replaces a person's subjects. */
export async function setSubjects(db: Executor, personId: string, subjectIds: string[]): Promise<void> {
  await db.delete(personSubjects).where(eq(personSubjects.personId, personId));
  if (subjectIds.length > 0) await db.insert(personSubjects).values(subjectIds.map((subjectId) => ({ personId, subjectId })));
}
