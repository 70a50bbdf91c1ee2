import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainQueries, type Database, openPostgres, queryRows } from './client';

/**
 * Reads started at once on one client (Promise.all inside a transaction) are chained by the app, not left to pg's
 * deprecated queue (which pg 9 removes): PostgreSQL only, the one driver with that queue.
 */
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('queries started at once on one PostgreSQL client', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPostgres(url as string, 2);
  });
  afterAll(() => database?.close());

  /** pg's own queue of a client (internal): what must stay empty. */
  const pgQueue = (c: pg.ClientBase) => (c as unknown as { _queryQueue: unknown[] })._queryQueue;

  it('never reach pg busy: each waits for the one before, answers in order', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      chainQueries(client);
      const started = [0, 1, 2, 3].map((i) => client.query('select $1::int as i, clock_timestamp() as at, pg_sleep(0.02)', [i]));
      // pg has at most the running query: the others wait in the app's chain, not in pg's queue.
      expect(pgQueue(client).length).toBe(0);
      const answers = await Promise.all(started);
      expect(answers.map((a) => a.rows[0].i)).toEqual([0, 1, 2, 3]);
      const at = answers.map((a) => (a.rows[0].at as Date).getTime());
      expect(at).toEqual([...at].sort((a, b) => a - b));
      // A failing query rejects its own caller only; the next one runs.
      const [bad, good] = await Promise.allSettled([client.query('select 1/0'), client.query('select 2 as two')]);
      expect(bad.status).toBe('rejected');
      expect(good.status === 'fulfilled' && good.value.rows[0].two).toBe(2);
    } finally {
      await client.end();
    }
  });

  it("are chained on the clients of the app's pool, also inside a transaction", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const rows = await database.db.transaction(async (tx) =>
        Promise.all([1, 2, 3, 4, 5].map((i) => queryRows<{ i: number }>(tx, sql`select ${i}::int as i, pg_sleep(0.01)`))),
      );
      expect(rows.map((r) => r[0].i)).toEqual([1, 2, 3, 4, 5]);
      const pool = (database.db as unknown as { $client: pg.Pool }).$client;
      const client = await pool.connect();
      try {
        const both = [client.query('select pg_sleep(0.02)'), client.query('select 1')];
        expect(pgQueue(client).length).toBe(0);
        await Promise.all(both);
      } finally {
        client.release();
      }
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
