import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { migrateDatabase } from '../../src/server/db/client';
import { seedDemo } from '../../src/server/seed/demo';
import { checkinMeetings, cleanup, countWrites, pairsOf, signingMeetings, swapMap, type WriteFixture, writeRequest } from './fixtures';
import { load, login, type Session, send } from './http';
import type { LoadRequest, LoadResult } from './load';
import { readRequests } from './reads';
import { findSamples } from './samples';
import { type BareDb, type BareResult, bareLoad, openPgliteTarget, openPostgresTarget, type Stmt, substitute, type Target } from './sql';
import type { BenchTarget } from './targets';

/** The slowest statement of a request timed alone, with its plan. */
export interface Slowest {
  ms: number;
  sql: string;
  raw?: Stmt;
  plan?: string[];
}

export interface RouteFigures {
  route: string;
  kind: 'read' | 'write';
  users: number;
  app: LoadResult;
  bare: BareResult;
  /** For writes: rows really written by the app run (must equal the 2xx count). */
  written?: number;
  /** Statements per request, and the slowest one alone (ms), from the captured SQL. */
  statements: number;
  slowest?: Slowest;
  note?: string;
  /** A read measured again while counted writes land elsewhere at this rate (they move the data mark, decision 0019). */
  writesPerSecond?: number;
  /** How many such writes landed during the run. */
  writesLanded?: number;
  /** For reads run several times: the p99 of each app run (the figures shown are those of the median run). */
  p99Runs?: number[];
  /** For kept reads: the slowest first request, the one that computed the answer (ms). */
  firstMs?: number;
  /** For writes run in several rounds: the app/bare ratio of each round (the figures shown are the median round's). */
  ratioRuns?: number[];
}

export interface TargetFigures {
  target: BenchTarget;
  routes: RouteFigures[];
  facts: string[];
  /** The machine's 1-minute load average when the size started (other work shares these 2 cores). */
  loadAvg: string;
  /** Seconds of unmeasured load each read got before its measured runs. */
  warmup?: number;
}

const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const WRITES_PG = Number(process.env.BENCH_API_WRITES ?? 2000);
// PGlite runs every query on the app's own thread, one at a time: fewer writes keep its run to minutes.
const WRITES_PGLITE = Number(process.env.BENCH_API_WRITES_PGLITE ?? 500);
const POOL = Number(process.env.BENCH_API_POOL ?? 50);
/** A read whose single request takes longer than this (ms) is not put under load (see below). */
const SLOW_MS = Number(process.env.BENCH_API_SLOW_MS ?? 3000);
const ONLY = process.env.BENCH_API_ONLY ?? '';
/** Only the reads whose name contains this text (e.g. `dashboard`), to re-measure one route. */
const ROUTE = process.env.BENCH_API_ROUTE ?? '';
/**
 * The reads answered from kept results (the dashboard, a term report: decision 0019) are measured again while other
 * writes land at these rates (writes a second, comma-separated; empty for none): each write moves the data mark.
 */
const MIXED = (process.env.BENCH_API_MIXED ?? '1,10')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const KEPT_READS = /dashboard|term report/;
/**
 * Each read is loaded through the app this many times (10 s each) and the run with the median p99 is shown: on two
 * shared cores one run's p99 moves by a third from one run to the next.
 */
const REPEAT = Math.max(1, Number(process.env.BENCH_API_REPEAT ?? 3));
/**
 * Rounds of each write (BENCH_API_WRITE_REPEAT, default 3): each round builds its own fixtures and sends the app's
 * writes, then the bare replay of the same number; the round with the median app/bare ratio is shown. One round's
 * ratio moved between 0.48 and 0.84 from one run to the next on this machine.
 */
const WRITE_REPEAT = Math.max(1, Number(process.env.BENCH_API_WRITE_REPEAT ?? 3));
/**
 * Seconds of unmeasured load on each read before its measured runs (BENCH_API_WARMUP_S, 0 for none): the first
 * seconds after the app starts are spent compiling its hot paths and preparing each pool connection's statements
 * (the first measured run of a size had p99 129 – 161 ms where the next two had 63 – 81 ms).
 */
const WARMUP_S = Number(process.env.BENCH_API_WARMUP_S ?? 3);
/** Longest wait (s) for the database to finish what the previous route left running before the next route starts. */
const QUIET_MAX_S = Number(process.env.BENCH_API_QUIET_MAX_S ?? 60);
const EMPTY: LoadResult = {
  requests: 1,
  seconds: 0,
  rps: Number.NaN,
  p50: Number.NaN,
  p99: Number.NaN,
  ok: 0,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodes: {},
  samples: [],
};

const log = (msg: string) => console.log(`   ${new Date().toISOString().slice(11, 19)} ${msg}`);

/**
 * Runs `fn` while a separate connection writes one meeting row (its title set to itself) `perSecond` times a second:
 * a write as cheap as a write can be, which still moves the data mark and so drops every kept answer.
 */
async function withWritesElsewhere<T>(target: Target, meetingId: string, perSecond: number, fn: () => Promise<T>) {
  const writer = target.bare();
  let stop = false;
  let landed = 0;
  const loop = (async () => {
    while (!stop) {
      const t0 = performance.now();
      await writer.query('update meetings set title = title where id = $1', [meetingId]);
      landed++;
      const wait = 1000 / perSecond - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  try {
    return { result: await fn(), landed };
  } finally {
    stop = true;
    await loop;
    await writer.close();
  }
}

/**
 * Times each statement of a request alone (median of `repeats`), to name the slowest when a target is missed; the
 * sum is the request's bare time, one statement after another.
 */
async function statementTimes(
  target: Target,
  stmts: Stmt[],
  repeats: number,
): Promise<{ slowest?: { ms: number; sql: string }; total: number }> {
  const bare = target.bare();
  let slowest: Slowest | undefined;
  let total = 0;
  try {
    for (const s of stmts) {
      if (s.sql === 'begin' || s.sql === 'commit' || /^\s*(insert|update|delete)/i.test(s.sql)) continue;
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        await bare.query(s.sql, s.params);
        times.push(performance.now() - t0);
      }
      const ms = times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
      total += ms;
      if (!slowest || ms > slowest.ms) slowest = { ms, sql: s.sql.replace(/\s+/g, ' ').slice(0, 160), raw: s };
    }
    if (slowest?.raw) {
      // The planner's view of the slowest statement (plain EXPLAIN: no second run), for the notes under the table.
      const res = (await bare.query(`explain ${slowest.raw.sql}`, slowest.raw.params).catch(() => ({ rows: [] }))) as {
        rows: Array<Record<string, string>>;
      };
      // (a line that lists thousands of ids is cut: the shape of the plan is what the notes need)
      slowest.plan = res.rows
        .map((row) => Object.values(row)[0])
        .slice(0, 14)
        .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
    }
  } finally {
    await bare.close();
  }
  return { slowest, total };
}

/**
 * VACUUM (ANALYZE) of the whole database, as autovacuum would do on a live server (it is off on the machines the
 * benchmarks run on): each run's write rounds and clean-up leave thousands of dead rows behind, and without it each
 * run started on a slower database than the last (the bare baselines fell by 20 – 25 % over ten rounds). Done before
 * a size's reads and after its clean-up; tables nobody wrote to since are skipped by the visibility map. Returns s.
 */
async function vacuumed(target: Target): Promise<number> {
  return timedOnBare(target, (bare) => bare.query('vacuum (analyze)', []));
}

/** Runs `fn` on a bare pool of its own (closed after) and returns the seconds it took. */
async function timedOnBare(target: Target, fn: (bare: BareDb) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  const bare = target.bare();
  try {
    await fn(bare);
  } finally {
    await bare.close();
  }
  return (performance.now() - t0) / 1000;
}

/**
 * Waits until no other statement is running on the database (the previous route may have left some: a kept answer
 * recomputed after the last write of a "… write/s elsewhere" run takes seconds at L), so that no route is charged for
 * another's work. Returns the seconds waited. PostgreSQL only (PGlite runs one statement at a time in this process).
 */
async function quiet(target: Target): Promise<number> {
  const t0 = performance.now();
  return timedOnBare(target, async (bare) => {
    while ((performance.now() - t0) / 1000 < QUIET_MAX_S) {
      const res = (await bare.query(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`,
        [],
      )) as { rows: Array<{ n: number }> };
      if (res.rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  });
}

/** Runs every main read and write of one size on one engine: app through HTTP, then the same SQL bare. */
export async function runTarget(t: BenchTarget, opts: { seedDemo?: boolean } = {}): Promise<TargetFigures> {
  // PGlite is one process's engine: run on a copy of the generated directory, so nobody else's use of it (and none
  // of this run's fixtures) can collide.
  const copyDir =
    t.kind === 'pglite' && t.dataDir && !t.dataDir.startsWith('memory://')
      ? mkdtempSync(path.join(tmpdir(), 'lt-bench-api-pglite-'))
      : undefined;
  if (copyDir) cpSync(t.dataDir as string, copyDir, { recursive: true });
  const target =
    t.kind === 'postgres' ? openPostgresTarget(t.databaseUrl as string) : await openPgliteTarget(copyDir ?? (t.dataDir as string));
  const { database, recorder } = target;
  await migrateDatabase(database, t.databaseUrl);
  const facts: string[] = [];
  const WRITES = t.kind === 'pglite' ? WRITES_PGLITE : WRITES_PG;
  // (PGlite runs on a copy thrown away after the run, and the demo is seeded afresh: nothing to vacuum.)
  if (t.kind === 'postgres') log(`vacuum (analyze) before the run: ${(await vacuumed(target)).toFixed(1)} s`);
  const loadAvg = loadavg()[0].toFixed(1);
  if (opts.seedDemo) {
    const seeded = await database.db.transaction((tx) => seedDemo(tx));
    t.password = seeded.password;
  }
  const filesDir = mkdtempSync(path.join(tmpdir(), 'lt-bench-api-'));
  const config = loadConfig({
    databaseUrl: t.databaseUrl,
    dataDir: filesDir,
    logLevel: 'warn',
    schedulerIntervalSeconds: 0,
    loginMaxFailures: 1000,
  });
  const app = await buildApp({ database, config, mailer: { send: async () => undefined } }, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const db = database.db;
  const fixtures: WriteFixture[] = [];
  const createdReports: string[] = [];
  const sessions = new Map<string, Session>();
  const routes: RouteFigures[] = [];
  try {
    const samples = await findSamples(db, t.hints, POOL + 1);
    log(
      `samples: ${samples.teachers.length} teachers, ${samples.leaders.length} leaders, ${samples.specialists.length} specialists, pool ${samples.pool.length}`,
    );
    const emails = new Set([
      ...samples.teachers.map((x) => x.email),
      ...samples.leaders.map((x) => x.email),
      ...samples.specialists,
      ...samples.pool.map((p) => p.email),
    ]);
    for (const email of emails) {
      const s = await login(base, email, t.password);
      if (s) sessions.set(email, s);
      else facts.push(`log-in refused for ${email}`);
    }
    log(`${sessions.size} sessions`);

    // Reads: each distinct request is sent once first (it must answer 200) with its SQL captured for the bare run.
    const reads = await readRequests(base, samples, sessions, createdReports);
    for (const [route, list] of ONLY === 'writes' ? [] : reads) {
      if (ROUTE && !route.includes(ROUTE)) continue;
      const captured: Stmt[][] = [];
      const ok: LoadRequest[] = [];
      const singles: number[] = [];
      const firsts: number[] = [];
      for (const r of list) {
        let res = { status: 0, text: '' };
        const t0 = performance.now();
        const stmts = await recorder.capture(async () => {
          res = await send(base, r);
        });
        singles.push(performance.now() - t0);
        if (res.status === 200) {
          ok.push(r);
          captured.push(stmts);
          if (KEPT_READS.test(route)) {
            // the first request computed and kept its answer (its SQL is what the bare run replays); what users get
            // until the next write is the second one's time, which decides whether the route is loaded
            firsts.push(singles[singles.length - 1]);
            const t1 = performance.now();
            await send(base, r);
            singles[singles.length - 1] = performance.now() - t1;
          }
        } else facts.push(`${route}: ${r.path} → ${res.status} ${res.text.slice(0, 120)}`);
        // One answer that already takes seconds is enough to know the route will not be loaded.
        if (ok.length > 0 && singles[singles.length - 1] > SLOW_MS) break;
      }
      if (ok.length === 0) continue;
      const single = Math.max(...singles);
      if (single > SLOW_MS) {
        // 50 connections on a request that alone takes seconds would hold the shared machine for many minutes and
        // measure only the queue: report the single-request times and the slowest statement instead.
        // Past a minute, timing every statement again would hold the shared machine for as long once more.
        const { slowest, total: bareSingle } =
          single < 60_000 ? await statementTimes(target, captured[0], 1) : { slowest: undefined, total: Number.NaN };
        log(`${route}: not loaded, one request takes ${single.toFixed(0)} ms (bare ${bareSingle.toFixed(0)} ms)`);
        routes.push({
          route,
          kind: 'read',
          users: new Set(ok.map((r) => r.headers.cookie)).size,
          app: { ...EMPTY, p50: single, p99: single },
          bare: { requests: 1, seconds: bareSingle / 1000, rps: Number.NaN, p50: bareSingle, p99: bareSingle, errors: 0, samples: [] },
          statements: captured[0].length,
          slowest,
          note: `not loaded: one request alone takes ${(single / 1000).toFixed(1)} s through the app, ${Number.isNaN(bareSingle) ? 'bare not timed (over a minute: timing it again would hold the shared machine as long)' : `${(bareSingle / 1000).toFixed(1)} s bare`}`,
        });
        continue;
      }
      if (t.kind === 'postgres') {
        const waited = await quiet(target);
        if (waited > 1) log(`${route}: waited ${waited.toFixed(1)} s for the database to finish the previous route's statements`);
      }
      if (WARMUP_S > 0) {
        const warm = await load({ url: base, connections: CONNECTIONS, duration: WARMUP_S, requests: ok });
        log(`${route}: warm-up ${WARMUP_S} s, not measured: ${warm.rps.toFixed(0)} req/s p99 ${warm.p99} ms`);
      }
      log(`${route}: ${ok.length} requests, app…`);
      const appRuns: LoadResult[] = [];
      for (let i = 0; i < REPEAT; i++) {
        const run = await load({ url: base, connections: CONNECTIONS, duration: SECONDS, requests: ok });
        log(`${route}: app ${run.rps.toFixed(0)} req/s p99 ${run.p99} ms`);
        appRuns.push(run);
      }
      const appRun = [...appRuns].sort((a, b) => a.p99 - b.p99)[Math.floor((appRuns.length - 1) / 2)];
      log(`${route}: bare…`);
      const bare = target.bare();
      const bareRun = await bareLoad(bare, captured, { concurrency: CONNECTIONS, duration: SECONDS });
      await bare.close();
      log(`${route}: bare ${bareRun.rps.toFixed(0)} req/s p99 ${bareRun.p99.toFixed(1)} ms`);
      const slowest = appRun.p99 >= 100 || bareRun.p99 >= 100 ? (await statementTimes(target, captured[0], 3)).slowest : undefined;
      const users = new Set(ok.map((r) => r.headers.cookie)).size;
      const p99Runs = appRuns.length > 1 ? appRuns.map((r) => r.p99) : undefined;
      const firstMs = firsts.length ? Math.max(...firsts) : undefined;
      routes.push({ route, kind: 'read', users, app: appRun, bare: bareRun, statements: captured[0].length, slowest, p99Runs, firstMs });
      const elsewhere = samples.teachers[0]?.meetingIds[0];
      for (const perSecond of KEPT_READS.test(route) && elsewhere ? MIXED : []) {
        log(`${route}: app again, ${perSecond} write/s elsewhere…`);
        const mixed = await withWritesElsewhere(target, elsewhere, perSecond, () =>
          load({ url: base, connections: CONNECTIONS, duration: SECONDS, requests: ok }),
        );
        log(`${route}: app ${mixed.result.rps.toFixed(0)} req/s p99 ${mixed.result.p99} ms with ${mixed.landed} writes`);
        routes.push({
          route: `${route}, ${perSecond} write/s elsewhere`,
          kind: 'read',
          users,
          app: mixed.result,
          bare: bareRun,
          statements: captured[0].length,
          writesPerSecond: perSecond,
          writesLanded: mixed.landed,
        });
      }
    }

    // Writes: distinct (meeting, person) pairs, one set for the app and one for the bare replay.
    const pool = samples.pool.flatMap((p) => sessions.get(p.email) ?? []);
    const perSet = Math.ceil((WRITES + CONNECTIONS * 2 + 10) / pool.length);
    for (const kind of ONLY === 'reads' ? [] : (['checkin', 'sign'] as const)) {
      const route = kind === 'checkin' ? 'check-in (QR)' : 'sign minutes';
      const rounds: Array<{ app: LoadResult; bare: BareResult; written: number; statements: number }> = [];
      for (let round = 0; round < WRITE_REPEAT; round++) {
        log(`${route}: building ${2 * perSet} fixture meetings for ${pool.length} people…`);
        const build = (tag: string) =>
          kind === 'checkin' ? checkinMeetings(db, samples, pool, perSet, tag) : signingMeetings(db, base, samples, pool, perSet, tag);
        const appSet = await build('A');
        fixtures.push(...appSet);
        const bareSet = await build('B');
        fixtures.push(...bareSet);
        const barePairs = pairsOf(bareSet, pool);
        // The template is a non-secretary's write (person 1), sent through the app once with its SQL captured.
        const model = barePairs[bareSet.length];
        let first = { status: 0, text: '' };
        const template = await recorder.capture(async () => {
          first = await send(base, writeRequest(kind, model));
        });
        if (first.status !== 200) throw new Error(`${route}: ${first.status} ${first.text.slice(0, 200)}`);
        const appPairs = pairsOf(appSet, pool);
        log(`${route}: app, ${WRITES} distinct writes…`);
        const appRun = await load({
          url: base,
          connections: CONNECTIONS,
          amount: WRITES,
          requests: appPairs.map((p) => writeRequest(kind, p)),
        });
        const written = await countWrites(
          db,
          kind,
          appSet.map((f) => f.meetingId),
        );
        log(`${route}: app ${appRun.rps.toFixed(0)} req/s p99 ${appRun.p99} ms, ${appRun.ok} 2xx, ${written} rows; bare…`);
        const replays = barePairs
          .filter((p) => p !== model)
          .slice(0, WRITES)
          .map((p) => substitute(template, swapMap(model, p)));
        const bare = target.bare();
        const bareRun = await bareLoad(bare, replays, { concurrency: CONNECTIONS, amount: replays.length });
        await bare.close();
        log(`${route}: bare ${bareRun.rps.toFixed(0)} req/s p99 ${bareRun.p99.toFixed(1)} ms, ${bareRun.errors} errors`);
        rounds.push({ app: appRun, bare: bareRun, written, statements: template.length });
      }
      for (const r of rounds)
        if (r.written !== r.app.ok) facts.push(`${route}: a round answered ${r.app.ok} 2xx but wrote ${r.written} rows`);
      const ratioOf = (r: (typeof rounds)[number]) => r.app.rps / r.bare.rps;
      const mid = [...rounds].sort((a, b) => ratioOf(a) - ratioOf(b))[Math.floor((rounds.length - 1) / 2)];
      routes.push({
        route,
        kind: 'write',
        users: pool.length,
        app: mid.app,
        bare: mid.bare,
        written: mid.written,
        statements: mid.statements,
        ratioRuns: rounds.length > 1 ? rounds.map(ratioOf) : undefined,
      });
    }
  } finally {
    await app.close();
    if (!opts.seedDemo && !copyDir) {
      log(`cleaning up ${fixtures.length} fixture meetings…`);
      await cleanup(db, fixtures, createdReports, [...sessions.values()]).catch((err: unknown) => {
        const cause = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
        facts.push(`clean-up failed: ${cause.slice(0, 200)}`);
      });
      if (t.kind === 'postgres')
        await vacuumed(target).then(
          (s) => log(`vacuum (analyze) after the clean-up: ${s.toFixed(1)} s`),
          (err: unknown) => facts.push(`vacuum after the clean-up failed: ${String((err as Error).message).slice(0, 200)}`),
        );
    }
    await database.close();
    rmSync(filesDir, { recursive: true, force: true });
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  }
  return { target: t, routes, facts, loadAvg, warmup: WARMUP_S };
}
