import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, notificationPreferences, notifications, people } from '../../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;

/** Inserts notices; one whose dedupe key already exists is skipped. Returns the rows actually inserted. */
export async function insertMany(
  db: Executor,
  rows: {
    personId: string;
    kind: string;
    title: string;
    body: string | null;
    link: string | null;
    dedupeKey: string | null;
    emailMode: 'none' | 'now' | 'digest';
  }[],
): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(notifications).values(rows).onConflictDoNothing().returning();
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

/** Each person's name and e-mail address: their own, else their account's log-in e-mail (null when neither). */
export async function recipientsOf(db: Executor, personIds: string[]): Promise<Map<string, { fullName: string; email: string | null }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, fullName: people.fullName, email: sql<string | null>`coalesce(${people.email}, ${accounts.email})` })
    .from(people)
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(inArray(people.id, personIds));
  return new Map(rows.map((r) => [r.id, { fullName: r.fullName, email: r.email }]));
}

/** The stored (non-default) preferences of some people. */
export async function preferencesOf(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db.select().from(notificationPreferences).where(inArray(notificationPreferences.personId, personIds));
}

/** Stores a person's channel for some categories (insert or update). */
export async function upsertPreferences(db: Executor, personId: string, prefs: { category: string; channel: string }[]) {
  if (prefs.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(prefs.map((p) => ({ personId, ...p, updatedAt: new Date() })))
    .onConflictDoUpdate({
      target: [notificationPreferences.personId, notificationPreferences.category],
      set: { channel: sql`excluded.channel`, updatedAt: sql`excluded.updated_at` },
    });
}

/** People with notices waiting for a digest created before `until`. */
export async function digestPeople(db: Executor, until: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: notifications.personId })
    .from(notifications)
    .where(and(eq(notifications.emailMode, 'digest'), isNull(notifications.digestedAt), sql`${notifications.createdAt} <= ${until}`));
  return rows.map((r) => r.personId);
}

/** A person's notices waiting for a digest (locked, so two workers never put one notice in two digests). */
export async function digestNotices(db: Executor, personId: string, until: Date) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.personId, personId),
        eq(notifications.emailMode, 'digest'),
        isNull(notifications.digestedAt),
        sql`${notifications.createdAt} <= ${until}`,
      ),
    )
    .orderBy(notifications.createdAt)
    .for('update', { skipLocked: true });
}

/** Marks notices as put into a digest. */
export async function markDigested(db: Executor, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(notifications).set({ digestedAt: at }).where(inArray(notifications.id, ids));
}
