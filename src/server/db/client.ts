import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lockDataDir';
import * as schema from './schema';

export type Schema = typeof schema;
/** The database handle every repo takes: PGlite and PostgreSQL share this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repos accept either. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a gzipped tar (PGlite's own dump), e.g. to start test databases from. */
  dumpDataDir?: () => Promise<Blob>;
}

/** The extensions every PGlite database of the app is opened with (the backup and restore commands use them too). */
export const PGLITE_EXTENSIONS = { unaccent, pg_trgm };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK = 7_461_923;

/** Opens PGlite at dataDir (or in memory when dataDir is 'memory://'); a folder is locked to this process while open. */
export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  let release = () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir: options.loadDataDir });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
    dumpDataDir: () => client.dumpDataDir('gzip'),
  };
}

/** Opens a pool on a PostgreSQL server. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    /* an idle client died (server restart): the pool replaces it on next use */
  });
  // pg-pool listens for errors only on idle clients; a checked-out client (e.g. inside a transaction) whose server
  // goes away would emit an unhandled 'error' and crash the process. Its pending query fails instead, and the pool
  // drops the dead client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    chainQueries(client);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => pool.end() };
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Inside a transaction the app sometimes starts several reads at once (`Promise.all` over one client). pg 8 queues a
 * query sent while its client is busy, with a deprecation warning ("Calling client.query() when the client is
 * already executing a query"), and pg 9 removes that queue. Here each promise-style query of a client waits for the
 * one sent before it, in the order sent: what pg's queue did, without relying on it. Callback and submittable calls
 * (pg-pool's own `pool.query`, on a client it holds alone) go through untouched.
 */
export function chainQueries(client: pg.ClientBase): void {
  const send = client.query.bind(client) as QueryFn;
  let last: Promise<unknown> = Promise.resolve();
  const chained: QueryFn = (...args) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === 'function' || typeof first?.submit === 'function') return send(...args);
    const run = last.then(() => send(...args));
    last = run.catch(() => undefined);
    return run;
  };
  (client as unknown as { query: QueryFn }).query = chained;
}

/** Opens the configured database: PostgreSQL when a URL is given, else PGlite in dataDir. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** Applies pending migrations. On PostgreSQL an advisory lock lets several app processes start at once. */
export async function migrateDatabase(database: Database, databaseUrl?: string): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Runs raw SQL and returns its rows (PGlite and node-postgres both answer with `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The parts of a drizzle handle that queryRowsPrepared uses (drizzle's own, not in its public types). */
interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      arrayMode: boolean,
    ): { execute(values?: Record<string, unknown>): Promise<unknown> };
  };
}

/**
 * As queryRows, for a hot statement of fixed shape (decision 0019): on PostgreSQL it is sent as a named prepared
 * statement (named by a hash of its text), parsed once per connection, and after five runs the server keeps its
 * plan instead of planning it anew. Planning was most of the database's time on the light reads (the session
 * statement: 2 – 3 ms of planning for 0.3 ms of execution). Statements whose text changes with their input (a list
 * of ids written out) must not use it: each text would stay prepared on every connection. PGlite runs it as queryRows.
 */
export async function queryRowsPrepared<T>(db: Executor, query: SQL): Promise<T[]> {
  const d = db as unknown as DrizzleInternals;
  const built = d.dialect.sqlToQuery(query);
  const name = `lt_${createHash('sha1').update(built.sql).digest('hex').slice(0, 24)}`;
  const result = (await d.session.prepareQuery(built, undefined, name, false).execute()) as { rows: T[] };
  return result.rows;
}

/** A statement built once per database handle (see `preparedOnce`); `values` fill its `sql.placeholder(…)`s. */
export interface PreparedOnce<T> {
  execute(values: Record<string, unknown>): Promise<T>;
}

const preparedByHandle = new WeakMap<object, Map<string, PreparedOnce<unknown>>>();

/**
 * A hot statement of fixed shape, built and prepared once per database handle under `name` (the app's db: once per
 * process; a transaction: once per transaction), with `sql.placeholder(…)` where its values go. As queryRowsPrepared
 * on the server (a named statement, its plan kept after five runs), and no request builds its SQL text again:
 * building a large statement with drizzle was a tenth of the app's time on a meeting page.
 */
export function preparedOnce<T>(db: Executor, name: string, build: () => PreparedOnce<T>): PreparedOnce<T> {
  let byName = preparedByHandle.get(db);
  if (!byName) {
    byName = new Map();
    preparedByHandle.set(db, byName);
  }
  let found = byName.get(name) as PreparedOnce<T> | undefined;
  if (!found) {
    found = build();
    byName.set(name, found as PreparedOnce<unknown>);
  }
  return found;
}

/** preparedOnce for raw SQL: `query` (with placeholders) is built on first use; its rows are returned. */
export function preparedRows<T>(db: Executor, name: string, query: () => SQL): PreparedOnce<T[]> {
  return preparedOnce(db, name, () => {
    const d = db as unknown as DrizzleInternals;
    const prepared = d.session.prepareQuery(d.dialect.sqlToQuery(query()), undefined, name, false);
    return { execute: async (values) => ((await prepared.execute(values)) as { rows: T[] }).rows };
  });
}
