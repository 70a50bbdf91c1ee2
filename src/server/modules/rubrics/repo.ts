import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { orgs, rubrics } from '../../db/schema';

const columns = {
  id: rubrics.id,
  name: rubrics.name,
  purpose: rubrics.purpose,
  noGrading: rubrics.noGrading,
  presetKey: rubrics.presetKey,
  groups: rubrics.groups,
  ownerOrgId: rubrics.ownerOrgId,
  ownerOrgName: orgs.name,
};

/** Inserts a preset unless one with its key exists (idempotent). */
export async function ensurePreset(db: Executor, row: typeof rubrics.$inferInsert): Promise<void> {
  await db.insert(rubrics).values(row).onConflictDoNothing({ target: rubrics.presetKey });
}

/** Presets and every org's rubrics, optionally of one purpose (the policy filters what the actor may read). */
export async function list(db: Executor, purpose?: string) {
  return db
    .select(columns)
    .from(rubrics)
    .leftJoin(orgs, eq(orgs.id, rubrics.ownerOrgId))
    .where(purpose ? eq(rubrics.purpose, purpose) : undefined)
    .orderBy(sql`${rubrics.ownerOrgId} is not null`, asc(rubrics.name));
}

/** One rubric with its owner's name. */
export async function findById(db: Executor, id: string) {
  const rows = await db.select(columns).from(rubrics).leftJoin(orgs, eq(orgs.id, rubrics.ownerOrgId)).where(eq(rubrics.id, id)).limit(1);
  return rows[0];
}

/** Stores a new rubric. */
export async function insert(db: Executor, row: typeof rubrics.$inferInsert) {
  const [r] = await db.insert(rubrics).values(row).returning({ id: rubrics.id });
  return r;
}

/** Replaces a rubric's name, purpose, mode and groups. */
export async function update(db: Executor, id: string, set: Partial<typeof rubrics.$inferInsert>) {
  await db
    .update(rubrics)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(rubrics.id, id));
}

/** Presets only (no owner). */
export async function presets(db: Executor) {
  return db.select(columns).from(rubrics).leftJoin(orgs, eq(orgs.id, rubrics.ownerOrgId)).where(isNull(rubrics.ownerOrgId));
}
