import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client';
import { hashPassword } from '../lib/auth';
import * as accountsRepo from '../modules/accounts/repo';
import * as peopleRepo from '../modules/people/repo';

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
