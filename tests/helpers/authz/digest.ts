import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../src/server/db/client';

/** Tables a refused request may still touch: sessions (extended on use) and log-in attempts. */
const SKIPPED = ['auth_sessions', 'login_attempts'];

let statement: ReturnType<typeof sql.raw> | undefined;

/**
 * One digest per table of every row's content (not only counts: an UPDATE changes it too), in one query. Compare a
 * digest taken before refused requests with one taken after: equal means nothing was written.
 */
export async function tableDigest(db: Executor): Promise<Record<string, string>> {
  if (!statement) {
    const tables = await queryRows<{ t: string }>(
      db,
      sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const parts = tables
      .map((r) => r.t)
      .filter((t) => !SKIPPED.includes(t) && !t.startsWith('__'))
      .map((t) => `select '${t}' as t, count(*)::int as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${t}" x`);
    statement = sql.raw(parts.join(' union all '));
  }
  const rows = await queryRows<{ t: string; n: number; h: string }>(db, statement);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The tables whose digest differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
