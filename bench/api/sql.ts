import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type Database, type Db, PGLITE_EXTENSIONS } from '../../src/server/db/client';
import * as schema from '../../src/server/db/schema';

/** One SQL statement as the app sent it. `begin`/`commit` mark a transaction (one connection). */
export interface Stmt {
  sql: string;
  params: unknown[];
}

/** Records the app's SQL while `on` (drizzle's logger sees every statement with its parameters). */
export class Recorder implements Logger {
  on = false;
  log: Stmt[] = [];
  logQuery(query: string, params: unknown[]): void {
    if (this.on) this.log.push({ sql: query, params });
  }
  /** Runs fn with recording on and returns what it sent. */
  async capture(fn: () => Promise<unknown>): Promise<Stmt[]> {
    this.log = [];
    this.on = true;
    try {
      await fn();
    } finally {
      this.on = false;
    }
    return this.log;
  }
}

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/** The database without the app: the bare `pg` driver (a pool as large as the app's) or PGlite's own query. */
export interface BareDb {
  query: Query;
  transaction(fn: (q: Query) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** The app's database handle, built as src/server/db/client.ts does, plus a recorder and a bare handle to it. */
export interface Target {
  database: Database;
  recorder: Recorder;
  bare(): BareDb;
}

export const APP_POOL_SIZE = 10;

/** PostgreSQL: the app's drizzle pool (same size as openPostgres) and, for bare runs, a second plain pg.Pool. */
export function openPostgresTarget(url: string): Target {
  const recorder = new Recorder();
  const pool = new pg.Pool({ connectionString: url, max: APP_POOL_SIZE });
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema, logger: recorder }) as unknown as Db;
  return {
    recorder,
    database: { db, kind: 'postgres', close: () => pool.end() },
    bare: () => {
      const bare = new pg.Pool({ connectionString: url, max: APP_POOL_SIZE });
      return {
        query: (sql, params) => bare.query(sql, params),
        transaction: async (fn) => {
          const client = await bare.connect();
          try {
            await client.query('begin');
            await fn((sql, params) => client.query(sql, params));
            await client.query('commit');
          } catch (err) {
            await client.query('rollback').catch(() => undefined);
            throw err;
          } finally {
            client.release();
          }
        },
        close: () => bare.end(),
      };
    },
  };
}

/** PGlite: one in-process engine; the bare run queries that same engine once the app is idle. */
export async function openPgliteTarget(dataDir: string): Promise<Target> {
  const recorder = new Recorder();
  const client = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
  // drizzle's PGlite session hands transactions to client.transaction without logging begin/commit: mark them.
  const original = client.transaction.bind(client);
  client.transaction = (async (fn: Parameters<typeof original>[0]) => {
    recorder.logQuery('begin', []);
    try {
      return await original(fn);
    } finally {
      recorder.logQuery('commit', []);
    }
  }) as typeof client.transaction;
  const db = drizzlePglite(client, { schema, logger: recorder }) as unknown as Db;
  return {
    recorder,
    database: { db, kind: 'pglite', close: () => client.close() },
    bare: () => ({
      query: (sql, params) => client.query(sql, params),
      transaction: (fn) => original(async (tx) => fn((sql, params) => tx.query(sql, params))),
      close: async () => undefined,
    }),
  };
}

/** Replays one request's statements in order; statements between begin and commit share one connection. */
export async function replay(bare: BareDb, stmts: Stmt[]): Promise<void> {
  let i = 0;
  while (i < stmts.length) {
    const s = stmts[i];
    if (s.sql === 'begin') {
      const end = stmts.findIndex((x, j) => j > i && x.sql === 'commit');
      const body = stmts.slice(i + 1, end < 0 ? stmts.length : end);
      await bare.transaction(async (q) => {
        for (const b of body) await q(b.sql, b.params);
      });
      i = end < 0 ? stmts.length : end + 1;
    } else {
      await bare.query(s.sql, s.params);
      i++;
    }
  }
}

/** The statements of one write with another fixture's ids put in place of the captured ones (strings, deep). */
export function substitute(stmts: Stmt[], map: Map<string, string>): Stmt[] {
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let out = v;
      for (const [from, to] of map) if (out.includes(from)) out = out.split(from).join(to);
      return out;
    }
    if (Array.isArray(v)) return v.map(swap);
    return v;
  };
  return stmts.map((s) => ({ sql: s.sql, params: s.params.map(swap) }));
}

export interface BareResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  samples: string[];
}

/** Percentile of sorted numbers. */
export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The same load without the app: `concurrency` requests in flight, each replaying one request's statements, for
 * `duration` seconds (cycling through `requests`) or once over each entry (`amount`).
 */
export async function bareLoad(
  bare: BareDb,
  requests: Stmt[][],
  opts: { concurrency: number; duration?: number; amount?: number },
): Promise<BareResult> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + (opts.duration ?? 0) * 1000;
  const more = () => (opts.amount ? next < opts.amount : performance.now() < deadline);
  const worker = async () => {
    while (more()) {
      const stmts = requests[next++ % requests.length];
      const t0 = performance.now();
      try {
        await replay(bare, stmts);
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors++;
        if (samples.length < 3) samples.push(String((err as Error).message).slice(0, 200));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + errors,
    seconds,
    rps: latencies.length / seconds,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    errors,
    samples,
  };
}
