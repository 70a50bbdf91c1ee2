import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { importJobs, memberships, orgLinks, orgSubjects, orgs, people, personSubjects, schoolYears } from '../../db/schema';

const CHUNK = 2000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs a look-up per chunk of keys and concatenates the rows. */
async function byChunks<K, R>(keys: readonly K[], fn: (part: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunks([...new Set(keys)])) out.push(...(await fn(part)));
  return out;
}

/** Inserts rows in chunks (bounded number of parameters per statement). */
async function insertChunks<T>(rows: readonly T[], size: number, fn: (part: T[]) => Promise<unknown>): Promise<void> {
  for (const part of chunks(rows, size)) await fn(part);
}

export type ImportJobRow = typeof importJobs.$inferSelect;

/** Creates an import job. */
export async function insertJob(db: Executor, row: { kind: string; fileName: string; total: number; accountId: string }) {
  const [job] = await db
    .insert(importJobs)
    .values({ ...row, status: 'validating' })
    .returning();
  return job;
}

/** One import job. */
export async function findJob(db: Executor, id: string): Promise<ImportJobRow | undefined> {
  const rows = await db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return rows[0];
}

/** Updates an import job's progress, status, errors or summary. */
export async function updateJob(db: Executor, id: string, set: Partial<Omit<ImportJobRow, 'id'>>): Promise<void> {
  await db.update(importJobs).set(set).where(eq(importJobs.id, id));
}

/** Orgs whose code is one of the given codes (case-insensitive). */
export function orgsByCodes(db: Executor, codes: string[]) {
  return byChunks(
    codes.map((c) => c.toLowerCase()),
    (part) =>
      db
        .select()
        .from(orgs)
        .where(inArray(sql`lower(${orgs.code})`, part)),
  );
}

/** Open-ended parent links of the given orgs. */
export function openLinksOf(db: Executor, orgIds: string[]) {
  return byChunks(orgIds, (part) =>
    db
      .select()
      .from(orgLinks)
      .where(and(inArray(orgLinks.orgId, part), isNull(orgLinks.validTo))),
  );
}

/** (org, subject) pairs of the given orgs. */
export function orgSubjectsOf(db: Executor, orgIds: string[]) {
  return byChunks(orgIds, (part) => db.select().from(orgSubjects).where(inArray(orgSubjects.orgId, part)));
}

/** People whose e-mail (case-insensitive) or staff code is among the given ones. */
export async function peopleByKeys(db: Executor, emails: string[], codes: string[]) {
  const a = await byChunks(emails, (part) =>
    db
      .select()
      .from(people)
      .where(inArray(sql`lower(${people.email})`, part)),
  );
  const b = await byChunks(codes, (part) => db.select().from(people).where(inArray(people.code, part)));
  const byId = new Map([...a, ...b].map((p) => [p.id, p]));
  return [...byId.values()];
}

/** Every membership of the given people. */
export function membershipsOfPeople(db: Executor, personIds: string[]) {
  return byChunks(personIds, (part) => db.select().from(memberships).where(inArray(memberships.personId, part)));
}

/** (person, subject) pairs of the given people. */
export function personSubjectsOf(db: Executor, personIds: string[]) {
  return byChunks(personIds, (part) => db.select().from(personSubjects).where(inArray(personSubjects.personId, part)));
}

/** Inserts orgs (with their ids set by the caller). */
export function insertOrgs(db: Executor, rows: Array<typeof orgs.$inferInsert>) {
  return insertChunks(rows, 1000, (part) => db.insert(orgs).values(part));
}

/** Inserts parent links. */
export function insertLinks(db: Executor, rows: Array<typeof orgLinks.$inferInsert>) {
  return insertChunks(rows, 2000, (part) => db.insert(orgLinks).values(part));
}

/** Replaces the subjects of the given orgs. */
export async function replaceOrgSubjects(db: Executor, orgIds: string[], rows: Array<{ orgId: string; subjectId: string }>) {
  for (const part of chunks(orgIds)) await db.delete(orgSubjects).where(inArray(orgSubjects.orgId, part));
  await insertChunks(rows, 5000, (part) => db.insert(orgSubjects).values(part));
}

/** Inserts people (with their ids set by the caller). */
export function insertPeople(db: Executor, rows: Array<typeof people.$inferInsert>) {
  return insertChunks(rows, 1000, (part) => db.insert(people).values(part));
}

/** Updates many people's own fields, one statement per chunk. */
export async function updatePeople(
  db: Executor,
  rows: Array<{
    id: string;
    code: string | null;
    fullName: string;
    email: string | null;
    phone: string | null;
    gender: string | null;
    teachingLevels: string[];
  }>,
) {
  for (const part of chunks(rows, 1000)) {
    const values = sql.join(
      part.map(
        (r) =>
          sql`(${r.id}::uuid, ${r.code}::text, ${r.fullName}::text, ${r.email}::text, ${r.phone}::text, ${r.gender}::text, ${`{${r.teachingLevels.join(',')}}`}::school_level[])`,
      ),
      sql`, `,
    );
    await db.execute(sql`
      update people p set code = v.code, full_name = v.full_name, email = v.email, phone = v.phone, gender = v.gender,
        teaching_levels = v.teaching_levels, updated_at = now()
      from (values ${values}) as v(id, code, full_name, email, phone, gender, teaching_levels) where p.id = v.id`);
  }
}

/** Inserts memberships. */
export function insertMemberships(db: Executor, rows: Array<typeof memberships.$inferInsert>) {
  return insertChunks(rows, 2000, (part) => db.insert(memberships).values(part));
}

/** Replaces the subjects of the given people. */
export async function replacePersonSubjects(db: Executor, personIds: string[], rows: Array<{ personId: string; subjectId: string }>) {
  for (const part of chunks(personIds)) await db.delete(personSubjects).where(inArray(personSubjects.personId, part));
  await insertChunks(rows, 5000, (part) => db.insert(personSubjects).values(part));
}

/** The first day of the school year under way on a date (else the last one begun before it), or null without any. */
export async function schoolYearStartOn(db: Executor, date: string): Promise<string | null> {
  const [row] = await db
    .select({ startDate: schoolYears.startDate })
    .from(schoolYears)
    .where(sql`${schoolYears.startDate} <= ${date}`)
    .orderBy(desc(schoolYears.startDate))
    .limit(1);
  return row?.startDate ?? null;
}
