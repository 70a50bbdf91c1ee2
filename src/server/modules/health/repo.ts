import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';

/** A trivial query: throws when the database is unreachable. */
export async function ping(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}
