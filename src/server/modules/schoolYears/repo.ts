import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { schoolYears, subjects, terms } from '../../db/schema';

/** Every school year, newest first, with its terms. */
export async function listWithTerms(db: Executor) {
  const years = await db.select().from(schoolYears).orderBy(desc(schoolYears.startDate));
  if (years.length === 0) return [];
  const t = await db
    .select()
    .from(terms)
    .where(
      inArray(
        terms.schoolYearId,
        years.map((y) => y.id),
      ),
    )
    .orderBy(asc(terms.number));
  return years.map((y) => ({
    ...y,
    terms: t
      .filter((x) => x.schoolYearId === y.id)
      .map((x) => ({ id: x.id, number: x.number as 1 | 2, startDate: x.startDate, endDate: x.endDate })),
  }));
}

/** One school year row. */
export async function findById(db: Executor, id: string) {
  const rows = await db.select().from(schoolYears).where(eq(schoolYears.id, id)).limit(1);
  return rows[0];
}

/** Inserts a school year and its two terms. */
export async function insert(
  db: Executor,
  row: { code: string; startDate: string; endDate: string },
  termRows: Array<{ number: number; startDate: string; endDate: string }>,
) {
  const [y] = await db.insert(schoolYears).values(row).returning();
  await db.insert(terms).values(termRows.map((t) => ({ ...t, schoolYearId: y.id })));
  return y;
}

/** Updates a school year and replaces its terms' dates. */
export async function update(
  db: Executor,
  id: string,
  row: { code: string; startDate: string; endDate: string },
  termRows: Array<{ number: number; startDate: string; endDate: string }>,
) {
  const [y] = await db.update(schoolYears).set(row).where(eq(schoolYears.id, id)).returning();
  await db.delete(terms).where(eq(terms.schoolYearId, id));
  await db.insert(terms).values(termRows.map((t) => ({ ...t, schoolYearId: id })));
  return y;
}

/** Every subject, in display order. */
export async function listSubjects(db: Executor) {
  return db
    .select({ id: subjects.id, code: subjects.code, name: subjects.name })
    .from(subjects)
    .orderBy(asc(subjects.sortOrder), asc(subjects.name));
}

/** Inserts subjects (reference data), skipping existing codes. */
export async function upsertSubjects(db: Executor, rows: Array<{ code: string; name: string; sortOrder: number }>) {
  if (rows.length === 0) return;
  await db.insert(subjects).values(rows).onConflictDoNothing({ target: subjects.code });
}

/** Ids of the given subjects that exist. */
export async function existingSubjectIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: subjects.id }).from(subjects).where(inArray(subjects.id, ids));
  return rows.map((r) => r.id);
}
