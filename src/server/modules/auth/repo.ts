import { and, eq, gt, sql } from 'drizzle-orm';
import { type Executor, preparedRows } from '../../db/client';
import { accounts, authSessions, loginAttempts, people } from '../../db/schema';

/** A session row with its account, person and the person's positions on a date (each with its org's ancestry). */
export interface SessionWithRoles {
  accountId: string;
  personId: string;
  isAdmin: boolean;
  email: string;
  locale: string;
  disabledAt: Date | null;
  fullName: string;
  csrfToken: string;
  expiresAt: Date;
  roles: { orgId: string; orgName: string; orgType: string; position: string; chain: string[] }[];
}

/**
 * The session with its account and person, and the actor's positions (what people/repo activeMemberships and
 * orgs/repo ancestorChains give) in one statement:
 * every API request needs both, and one round trip instead of three is a third of the statements of a light read.
 * It reads no data mark: the services that keep answers read the marks of their own scope (decision 0030).
 */
export async function findSessionWithRoles(db: Executor, tokenHash: string, date: string): Promise<SessionWithRoles | undefined> {
  const [row] = await preparedRows<SessionWithRoles>(db, 'lt_session_with_roles', sessionWithRolesSql).execute({ tokenHash, date });
  if (!row) return undefined;
  // a timestamp read through raw SQL arrives as a Date on node-postgres and PGlite alike; keep the types exact
  return { ...row, expiresAt: new Date(row.expiresAt), disabledAt: row.disabledAt ? new Date(row.disabledAt) : null };
}

/** The statement of findSessionWithRoles, built once (client.ts preparedRows). */
function sessionWithRolesSql() {
  const tokenHash = sql.placeholder('tokenHash');
  const date = sql.placeholder('date');
  return sql`with recursive s as (
      select a.id as account_id, a.person_id, a.is_admin, a.email, a.locale, a.disabled_at, p.full_name,
        se.csrf_token, se.expires_at
      from auth_sessions se join accounts a on a.id = se.account_id join people p on p.id = a.person_id
      where se.token_hash = ${tokenHash} limit 1
    ),
    m as (
      select ms.org_id, o.name, o.type::text as type, ms.position::text as position
      from s join memberships ms on ms.person_id = s.person_id join orgs o on o.id = ms.org_id
      where (ms.valid_from is null or ms.valid_from <= ${date}) and (ms.valid_to is null or ms.valid_to >= ${date})
    ),
    up(start, id, depth) as (
      select distinct m.org_id, m.org_id, 0 from m
      union all
      select up.start, l.parent_id, up.depth + 1 from org_links l join up on l.org_id = up.id
      where l.valid_from <= ${date} and (l.valid_to is null or l.valid_to >= ${date}) and up.depth < 12
    )
    select s.account_id as "accountId", s.person_id as "personId", s.is_admin as "isAdmin", s.email, s.locale,
      s.disabled_at as "disabledAt", s.full_name as "fullName", s.csrf_token as "csrfToken", s.expires_at as "expiresAt",
      coalesce((select json_agg(json_build_object('orgId', m.org_id, 'orgName', m.name, 'orgType', m.type,
          'position', m.position,
          'chain', (select json_agg(up.id order by up.depth) from up where up.start = m.org_id)))
        from m), '[]'::json) as roles
    from s`;
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

/** The account of a person (each person has at most one). */
export async function findAccountByPerson(db: Executor, personId: string) {
  const rows = await db.select().from(accounts).where(eq(accounts.personId, personId)).limit(1);
  return rows[0];
}

/** Sets (or, with null, removes) an account's signing PIN hash. */
export async function setSigningPin(db: Executor, accountId: string, pinHash: string | null): Promise<void> {
  await db
    .update(accounts)
    .set({ signingPinHash: pinHash, signingPinSetAt: pinHash ? new Date() : null })
    .where(eq(accounts.id, accountId));
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
