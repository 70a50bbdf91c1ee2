import { eq } from 'drizzle-orm';
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

/** Deletes an attachment row (the caller releases its stored file after the commit: releaseSharedFile). */
export async function deleteAttachment(db: Executor, id: string): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, id));
}
