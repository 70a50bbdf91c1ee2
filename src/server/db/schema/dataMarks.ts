import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * The data mark (decision 0019): one counter per database backend, moved on by a statement-level trigger on every
 * table whose rows a report or dashboard may show. The sum of the counters changes with every committed write;
 * a computation stored together with the sum it started from is current while the sum is the same.
 */
export const dataMarks = pgTable('data_marks', {
  backend: integer('backend').primaryKey(),
  n: bigint('n', { mode: 'number' }).notNull().default(0),
});
