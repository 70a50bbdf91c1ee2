import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows } from '../db/client';
import { hashPassword } from '../lib/auth';
import * as accountsRepo from '../modules/accounts/repo';
import * as peopleRepo from '../modules/people/repo';
import { seedDemo } from './demo';

/** Advisory lock key held while a first start fills the database (next to the migration lock's key). */
const FIRST_START_LOCK = 7_461_924;

/** Whether the database holds no account yet (a first start). */
export async function hasNoAccounts(db: Executor): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from accounts`);
  return (rows[0]?.n ?? 0) === 0;
}

/** Creates the first administrator with a random password, to be printed once at first start. */
export async function createFirstAdmin(db: Executor): Promise<{ email: string; password: string }> {
  const password = randomBytes(9).toString('base64url');
  const email = 'admin@lientruong.local';
  const person = await peopleRepo.insert(db, { fullName: 'Quản trị hệ thống', email });
  await accountsRepo.insert(db, { personId: person.id, email, passwordHash: await hashPassword(password), isAdmin: true });
  return { email, password };
}

/** What a first start created: the demo data's shared password and log-ins, or the first administrator. */
export type FirstStart =
  | { kind: 'demo'; password: string; accounts: Array<{ role: string; email: string }> }
  | { kind: 'admin'; email: string; password: string };

/**
 * Fills an empty database once: the demo data, or the first administrator. Several app processes may start together
 * on a new PostgreSQL database; the advisory lock makes the others wait for the first one's commit, then they see its
 * accounts and do nothing (without it, the second process crashed on a unique key). Returns null when nothing was done.
 */
export async function seedFirstStart(database: Database, demo: boolean): Promise<FirstStart | null> {
  if (!(await hasNoAccounts(database.db))) return null;
  return database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_START_LOCK})`);
    // Read committed: this count runs after the lock is granted, so it sees what a process before us committed.
    if (!(await hasNoAccounts(tx))) return null;
    if (demo) {
      const logins = await seedDemo(tx);
      return { kind: 'demo', password: logins.password, accounts: logins.accounts };
    }
    return { kind: 'admin', ...(await createFirstAdmin(tx)) };
  });
}
