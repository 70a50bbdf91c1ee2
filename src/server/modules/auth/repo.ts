import { and, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, authSessions, loginAttempts, people } from '../../db/schema';

/** The session with its account and person, or undefined. */
export async function findSession(db: Executor, tokenHash: string) {
  const rows = await db
    .select({
      accountId: accounts.id,
      personId: accounts.personId,
      isAdmin: accounts.isAdmin,
      email: accounts.email,
      locale: accounts.locale,
      disabledAt: accounts.disabledAt,
      fullName: people.fullName,
      csrfToken: authSessions.csrfToken,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .innerJoin(accounts, eq(accounts.id, authSessions.accountId))
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(eq(authSessions.tokenHash, tokenHash))
    .limit(1);
  return rows[0];
}

/** Moves a session's expiry forward. */
export async function extendSession(db: Executor, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.update(authSessions).set({ expiresAt }).where(eq(authSessions.tokenHash, tokenHash));
}

/** The account with this e-mail (case-insensitive), with its person's name. */
export async function findAccountByEmail(db: Executor, email: string) {
  const rows = await db
    .select({ account: accounts, fullName: people.fullName })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(sql`lower(${accounts.email}) = lower(${email})`)
    .limit(1);
  return rows[0];
}

/** The account by id. */
export async function findAccount(db: Executor, id: string) {
  const rows = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return rows[0];
}

/** Stores a new session. */
export async function insertSession(
  db: Executor,
  row: { tokenHash: string; accountId: string; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(authSessions).values(row);
}

/** Deletes one session (log out). */
export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
}

/** Deletes every session of an account, except optionally one. */
export async function deleteAccountSessions(db: Executor, accountId: string, keepTokenHash?: string): Promise<void> {
  await db
    .delete(authSessions)
    .where(
      keepTokenHash
        ? and(eq(authSessions.accountId, accountId), sql`${authSessions.tokenHash} <> ${keepTokenHash}`)
        : eq(authSessions.accountId, accountId),
    );
}

/** Counts failed log-ins for a key since a time, and returns the oldest one's time. */
export async function countFailures(db: Executor, key: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const rows = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.at, since)));
  const r = rows[0];
  return { count: r?.count ?? 0, oldest: r?.oldest ? new Date(r.oldest) : null };
}

/** Records a failed log-in. */
export async function recordFailure(db: Executor, key: string): Promise<void> {
  await db.insert(loginAttempts).values({ key });
}

/** Forgets failed log-ins after a success. */
export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

/** Marks a successful log-in. */
export async function touchLogin(db: Executor, accountId: string): Promise<void> {
  await db.update(accounts).set({ lastLoginAt: new Date() }).where(eq(accounts.id, accountId));
}

/** Replaces an account's password hash. */
export async function setPassword(db: Executor, accountId: string, passwordHash: string): Promise<void> {
  await db.update(accounts).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(accounts.id, accountId));
}
