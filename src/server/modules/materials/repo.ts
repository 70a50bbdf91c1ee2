import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { materialComments, materials, networkMembers, orgs, people, subjects } from '../../db/schema';

const columns = {
  id: materials.id,
  title: materials.title,
  kind: materials.kind,
  description: materials.description,
  subjectId: materials.subjectId,
  subjectName: subjects.name,
  grade: materials.grade,
  textbookSeries: materials.textbookSeries,
  lesson: materials.lesson,
  visibility: materials.visibility,
  ownerOrgId: materials.ownerOrgId,
  ownerOrgName: orgs.name,
  provinceOrgId: materials.provinceOrgId,
  meetingId: materials.meetingId,
  fileName: materials.fileName,
  mimeType: materials.mimeType,
  size: materials.size,
  storageKey: materials.storageKey,
  uploadedBy: materials.uploadedBy,
  uploadedByName: people.fullName,
  createdAt: materials.createdAt,
};
export type MaterialRow = Awaited<ReturnType<typeof findById>> & {};

function base(db: Executor) {
  return db
    .select(columns)
    .from(materials)
    .innerJoin(orgs, eq(orgs.id, materials.ownerOrgId))
    .leftJoin(subjects, eq(subjects.id, materials.subjectId))
    .leftJoin(people, eq(people.id, materials.uploadedBy));
}

/** One material with its names. */
export async function findById(db: Executor, id: string) {
  const rows = await base(db).where(eq(materials.id, id)).limit(1);
  return rows[0];
}

/**
 * Materials matching the filters, newest first. Each word of q must appear in the search text, ignoring diacritics
 * and case ("toan 8" finds "Toán 8"): lt_unaccent + the trigram GIN index, the same SQL on PGlite and PostgreSQL.
 */
export async function search(
  db: Executor,
  f: { q?: string; subjectId?: string; grade?: number; textbookSeries?: string; kind?: string; meetingId?: string; limit: number },
) {
  const hay = sql`lt_unaccent(lower(${materials.searchText}))`;
  const words = (f.q ?? '')
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  return base(db)
    .where(
      and(
        ...words.map((w) => sql`${hay} like '%' || lt_unaccent(lower(${w})) || '%'`),
        f.subjectId ? eq(materials.subjectId, f.subjectId) : undefined,
        f.grade ? eq(materials.grade, f.grade) : undefined,
        f.textbookSeries ? eq(materials.textbookSeries, f.textbookSeries) : undefined,
        f.kind ? eq(materials.kind, f.kind) : undefined,
        f.meetingId ? eq(materials.meetingId, f.meetingId) : undefined,
      ),
    )
    .orderBy(desc(materials.createdAt))
    .limit(f.limit);
}

/** Orgs that share a network (any school year) with one of the given schools. */
export async function networkPeers(db: Executor, schoolIds: string[]): Promise<Set<string>> {
  if (schoolIds.length === 0) return new Set();
  const mine = db.select({ id: networkMembers.networkId }).from(networkMembers).where(inArray(networkMembers.orgId, schoolIds));
  const rows = await db.selectDistinct({ orgId: networkMembers.orgId }).from(networkMembers).where(inArray(networkMembers.networkId, mine));
  return new Set(rows.map((r) => r.orgId));
}

/** Stores a material row. */
export async function insert(db: Executor, row: typeof materials.$inferInsert) {
  const [m] = await db.insert(materials).values(row).returning({ id: materials.id });
  return m;
}

/** Deletes a material; true when no other material keeps the same stored file. */
export async function remove(db: Executor, id: string, storageKey: string): Promise<boolean> {
  await db.delete(materials).where(eq(materials.id, id));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(materials)
    .where(and(eq(materials.storageKey, storageKey), ne(materials.id, id)));
  return (row?.n ?? 0) === 0;
}

/** Whether any material row uses the stored file. */
export async function fileInUse(db: Executor, storageKey: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(materials).where(eq(materials.storageKey, storageKey));
  return (row?.n ?? 0) > 0;
}

/** The comments of a material, by time code then date. */
export async function comments(db: Executor, materialId: string) {
  return db
    .select({
      id: materialComments.id,
      body: materialComments.body,
      atSeconds: materialComments.atSeconds,
      authorName: people.fullName,
      createdAt: materialComments.createdAt,
    })
    .from(materialComments)
    .leftJoin(people, eq(people.id, materialComments.authorId))
    .where(eq(materialComments.materialId, materialId))
    .orderBy(sql`${materialComments.atSeconds} nulls last`, materialComments.createdAt);
}

/** Stores a comment. */
export async function insertComment(db: Executor, row: typeof materialComments.$inferInsert) {
  const [c] = await db.insert(materialComments).values(row).returning({ id: materialComments.id });
  return c;
}

/** A subject's name, or undefined when it does not exist. */
export async function subjectName(db: Executor, id: string): Promise<string | undefined> {
  const rows = await db.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, id)).limit(1);
  return rows[0]?.name;
}
