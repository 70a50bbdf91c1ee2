import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/testApp';
import { type Database, queryRows } from '../db/client';
import { seedFirstStart } from './bootstrap';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(() => drop());

describe('first start', () => {
  it('creates the first administrator once, even when several processes start together', async () => {
    // On PostgreSQL the pool gives each call its own connection, as two app processes would have.
    const results = await Promise.all([seedFirstStart(database, false), seedFirstStart(database, false), seedFirstStart(database, false)]);
    expect(results.filter((r) => r?.kind === 'admin')).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(2);
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from accounts`);
    expect(row.n).toBe(1);
    expect(await seedFirstStart(database, false)).toBeNull();
  });
});
