import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { attachments } from '../../db/schema';

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

/** Deletes an attachment row; true when no other row keeps the same stored file. */
export async function deleteAttachment(db: Executor, id: string, storageKey: string): Promise<boolean> {
  await db.delete(attachments).where(eq(attachments.id, id));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(attachments)
    .where(and(eq(attachments.storageKey, storageKey), ne(attachments.id, id)));
  return (row?.n ?? 0) === 0;
}

/** Whether any attachment row points at the stored file. */
export async function storageKeyInUse(db: Executor, storageKey: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(attachments).where(eq(attachments.storageKey, storageKey));
  return (row?.n ?? 0) > 0;
}
