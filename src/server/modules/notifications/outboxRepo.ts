import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { mailOutbox } from '../../db/schema';

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Queues e-mails; a row whose dedupe key is already queued (or sent) is skipped. Returns the keys queued. */
export async function enqueue(
  db: Executor,
  rows: { dedupeKey: string; personId: string | null; toAddress: string; subject: string; text: string; nextAttemptAt?: Date }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insert(mailOutbox).values(rows).onConflictDoNothing().returning({ key: mailOutbox.dedupeKey });
  return inserted.map((r) => r.key);
}

/**
 * Claims up to `limit` due rows: each gets one more attempt and is pushed `leaseMs` forward, in one statement with
 * FOR UPDATE SKIP LOCKED, so two workers never claim the same row. A worker that dies leaves the row due again later.
 */
export async function claimDue(db: Executor, now: Date, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(mailOutbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where(and(inArray(mailOutbox.id, due), eq(mailOutbox.status, 'pending')))
    .returning();
}

/** Records a delivered row. */
export async function markSent(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(mailOutbox).set({ status: 'sent', sentAt: at, lastError: null }).where(eq(mailOutbox.id, id));
}

/** Records a failed attempt: due again at `retryAt`, or failed for good when `retryAt` is null. */
export async function markFailedAttempt(db: Executor, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .update(mailOutbox)
    .set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { lastError: error, status: 'failed' })
    .where(eq(mailOutbox.id, id));
}

/** The latest rows, optionally of one status. */
export async function list(db: Executor, status: string | undefined, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(status ? eq(mailOutbox.status, status) : undefined)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

/** Puts a failed row back in the queue, due now, with its attempts reset. False when it is not a failed row. */
export async function requeue(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(mailOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/** Whether a row with this id exists. */
export async function exists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.id, id));
  return rows.length > 0;
}

/** Marks a queued e-mail (by its dedupe key) as failed for good, with the server's answer (demo data, imports). */
export async function markFailedByKey(db: Executor, dedupeKey: string, error: string): Promise<void> {
  await db.update(mailOutbox).set({ status: 'failed', attempts: 8, lastError: error }).where(eq(mailOutbox.dedupeKey, dedupeKey));
}
