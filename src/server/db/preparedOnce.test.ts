import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/testApp';
import type { Database } from './client';
import { preparedRows } from './client';

/** Statements built once per database handle (decision 0022), on PGlite and on PostgreSQL. */
describe('preparedRows', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
  });
  afterAll(() => drop());

  it('builds the statement once per handle and fills its placeholders on every run', async () => {
    let built = 0;
    const build = () => {
      built++;
      return sql`select ${sql.placeholder('a')}::int + ${sql.placeholder('b')}::int as sum, ${sql.placeholder('a')}::int as a`;
    };
    const db = database.db;
    const runs = await Promise.all(
      [1, 2, 3].map((i) => preparedRows<{ sum: number; a: number }>(db, 'lt_test_sum', build).execute({ a: i, b: 10 })),
    );
    expect(runs.map((r) => r[0])).toEqual([
      { sum: 11, a: 1 },
      { sum: 12, a: 2 },
      { sum: 13, a: 3 },
    ]);
    expect(built).toBe(1);
    // A transaction is a handle of its own: the statement is built for it, and runs on its connection.
    const inTx = await db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table lt_seen (n int) on commit drop`);
      await tx.execute(sql`insert into lt_seen values (7)`);
      const seen = () => sql`select n + ${sql.placeholder('k')}::int as n from lt_seen`;
      const first = await preparedRows<{ n: number }>(tx, 'lt_test_seen', seen).execute({ k: 1 });
      const second = await preparedRows<{ n: number }>(tx, 'lt_test_seen', seen).execute({ k: 2 });
      return [first[0].n, second[0].n];
    });
    expect(inTx).toEqual([8, 9]);
    expect(built).toBe(1);
  });

  it('refuses to run with a value missing, naming the placeholder', async () => {
    const run = preparedRows(database.db, 'lt_test_missing', () => sql`select ${sql.placeholder('needed')}::int as n`).execute({});
    await expect(run).rejects.toThrow(/needed/);
  });
});
