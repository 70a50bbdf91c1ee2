import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notifications } from '../../db/schema';

/** Inserts one notice per person. */
export async function insertMany(
  db: Executor,
  personIds: string[],
  n: { kind: string; title: string; body: string | null; link: string | null },
): Promise<void> {
  if (personIds.length === 0) return;
  await db.insert(notifications).values([...new Set(personIds)].map((personId) => ({ personId, ...n })));
}

/** A person's latest notices, optionally only the unread ones. */
export async function listOf(db: Executor, personId: string, unreadOnly: boolean, limit: number) {
  const conds = [eq(notifications.personId, personId)];
  if (unreadOnly) conds.push(isNull(notifications.readAt));
  return db
    .select()
    .from(notifications)
    .where(and(...conds))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** How many unread notices a person has. */
export async function unreadCount(db: Executor, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the person's notices read; false when it is not theirs. */
export async function markRead(db: Executor, personId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.personId, personId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Marks all of the person's notices read. */
export async function markAllRead(db: Executor, personId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
}
