import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../src/server/db/client';

/** Row counts of every table in the public schema: compare before and after to prove nothing was written. */
export async function tableCounts(db: Executor): Promise<Record<string, number>> {
  const tables = await queryRows<{ t: string }>(
    db,
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('login_attempts', 'auth_sessions', 'data_marks') order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { t } of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${t}"`));
    counts[t] = row?.n ?? 0;
  }
  return counts;
}
