import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client';
import { SingleFlight } from './singleFlight';

/**
 * Answers kept while the data they were computed from has not changed (decision 0019).
 *
 * The database keeps a data mark (table data_marks, migration 0016): a trigger on every table a report or dashboard
 * reads adds one to it in each writing transaction, so the mark and the rows it counts become visible together.
 * A request reads the mark before it computes anything (the session statement returns it); an answer is stored with
 * the mark read before its computation began, and is served again only to a request that read the same mark. Any
 * write committed since then, in any app process or script, changed the mark: the next request computes afresh.
 * A write that committed while the computation ran may or may not be in the answer, but it moved the mark past the
 * stored one, so that answer is never served again.
 *
 * Entries also expire after maxAgeMs (a database restored under a running process may bring an old mark back) and
 * the least recently used go beyond maxEntries. Callers that ask the same question at the same mark while it is
 * computed share one computation. Values are shared between callers: never change one.
 */
export class MarkedCache<T> {
  private readonly byDb = new WeakMap<object, Map<string, { mark: string; at: number; value: T }>>();
  private readonly flights = new SingleFlight<T>();

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number }) {}

  /** The answer for key at mark on db: kept, else computed (and kept). */
  async get(db: object, key: string, mark: string, compute: () => Promise<T>): Promise<T> {
    let table = this.byDb.get(db);
    if (!table) {
      table = new Map();
      this.byDb.set(db, table);
    }
    const kept = table.get(key);
    if (kept && kept.mark === mark && Date.now() - kept.at < this.options.maxAgeMs) {
      table.delete(key);
      table.set(key, kept);
      return kept.value;
    }
    const at = Date.now();
    const value = await this.flights.run(db, `${mark}\u0000${key}`, compute);
    // the last computation to finish is kept: one from an older mark only costs a recomputation later
    table.delete(key);
    table.set(key, { mark, at, value });
    while (table.size > this.options.maxEntries) table.delete(table.keys().next().value as string);
    return value;
  }

  /** How many answers are kept on db (for tests). */
  size(db: object): number {
    return this.byDb.get(db)?.size ?? 0;
  }
}

/** The current data mark: the sum of the counters (a decimal string; '0' before any counted write). */
export async function readDataMark(db: Executor): Promise<string> {
  const [row] = await queryRows<{ mark: string }>(db, sql`select coalesce(sum(n), 0)::text as mark from data_marks`);
  return row?.mark ?? '0';
}
