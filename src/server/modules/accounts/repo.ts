import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, people } from '../../db/schema';

const rowColumns = {
  id: accounts.id,
  personId: accounts.personId,
  fullName: people.fullName,
  email: accounts.email,
  isAdmin: accounts.isAdmin,
  disabledAt: accounts.disabledAt,
  lastLoginAt: accounts.lastLoginAt,
};

/** Every account with its person's name. */
export async function list(db: Executor) {
  return db.select(rowColumns).from(accounts).innerJoin(people, eq(people.id, accounts.personId)).orderBy(asc(people.fullName));
}

/** One account row with its person's name. */
export async function findRow(db: Executor, id: string) {
  const rows = await db
    .select(rowColumns)
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(eq(accounts.id, id))
    .limit(1);
  return rows[0];
}

/** Inserts an account. */
export async function insert(db: Executor, row: typeof accounts.$inferInsert) {
  const [created] = await db.insert(accounts).values(row).returning();
  return created;
}

/** Sets or clears an account's disabled time. */
export async function setDisabled(db: Executor, id: string, disabledAt: Date | null) {
  const [updated] = await db.update(accounts).set({ disabledAt }).where(eq(accounts.id, id)).returning();
  return updated;
}
