import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Data marks per scope (decision 0030, after 0019): one counter per scope and database backend, moved on in the
 * writing transaction. A write about meetings moves the marks of its reach — 'all', the orgs that host it or supervise
 * or are members of its network and every org they have ever been under, and its network (and that network's parent)
 * — and any other counted write moves '*', which every reader reads. A kept answer is current while the sum of the
 * marks of its scope and '*' is the same.
 */
export const dataMarks = pgTable(
  'data_marks',
  {
    scope: text('scope').notNull().default('*'),
    backend: integer('backend').notNull(),
    n: bigint('n', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.backend] })],
);
