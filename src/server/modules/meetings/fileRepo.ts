import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { attachments } from '../../db/schema';
import { sharedFileInUse } from '../../lib/files/repo';

/** Stores an attachment row. */
export async function insertAttachment(db: Executor, row: typeof attachments.$inferInsert) {
  const [a] = await db.insert(attachments).values(row).returning();
  return a;
}

/** One attachment row. */
export async function findAttachment(db: Executor, id: string) {
  const rows = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return rows[0];
}

/** Deletes an attachment row; true when no row of any feature (sharedFileInUse) keeps the same stored file. */
export async function deleteAttachment(db: Executor, id: string, storageKey: string): Promise<boolean> {
  await db.delete(attachments).where(eq(attachments.id, id));
  return !(await sharedFileInUse(db, storageKey));
}

/** Whether any row of any feature points at the stored file. */
export async function storageKeyInUse(db: Executor, storageKey: string): Promise<boolean> {
  return sharedFileInUse(db, storageKey);
}
