import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { machineLine } from '../../bench/report';
import { type Database, openPostgres } from '../../src/server/db/client';
import { ADMIN_LOGIN, DEMO_PASSWORD } from '../../src/server/seed/demo';
import { AppProcess } from './app';
import { demoAccounts, notesMeetings, place, signingMeetings } from './fixture';
import { loginAll, User } from './http';
import { PrivatePostgres } from './pg';
import type { Result } from './result';
import { databaseRestart } from './scenarioDbRestart';
import { bigImport } from './scenarioImport';
import { killDuringWrites } from './scenarioKill';
import { concurrentUsers } from './scenarioLoad';
import { uploads } from './scenarioUpload';

/**
 * `npm run resilience`: starts a private PostgreSQL (port 55432) and the app as child processes on loopback, seeds the
 * demo data, runs the five scenarios (each bounded in time), prints PASS/FAIL with figures, writes docs/resilience.md,
 * removes everything it created, and exits non-zero if any scenario failed. Not part of `npm test`.
 */
const WORK = process.env.RESILIENCE_DIR ?? '/tmp/lt-resilience';
const PG_PORT = Number(process.env.RESILIENCE_PG_PORT ?? 55432);
const APP_PORT = Number(process.env.RESILIENCE_PORT ?? 3960);
const LOAD_SECONDS = Number(process.env.RESILIENCE_LOAD_SECONDS ?? 60);
const LIMIT_BYTES = 2 * 1_048_576;
const TOTAL_LIMIT_MS = 12 * 60_000;
/** RESILIENCE_ONLY=e (or "a,e"): run only these scenarios; the report keeps the other scenarios' last figures. */
const ONLY = (process.env.RESILIENCE_ONLY ?? '')
  .split(',')
  .map((x) => x.trim())
  .filter(Boolean);
const root = path.resolve(import.meta.dirname, '../..');

const loadAtStart = loadavg()[0];

async function main(): Promise<number> {
  const started = Date.now();
  rmSync(WORK, { recursive: true, force: true });
  const logDir = path.join(WORK, 'logs');
  mkdirSync(logDir, { recursive: true });
  const dataDir = path.join(WORK, 'data');
  const cluster = new PrivatePostgres(path.join(WORK, 'pg'), PG_PORT);
  const results: Result[] = [];
  let app: AppProcess | undefined;
  let database: Database | undefined;
  const watchdog = setTimeout(() => {
    console.error(`FAIL: quá ${TOTAL_LIMIT_MS / 60_000} phút, dừng lại`);
    process.exitCode = 1;
    void app?.kill('SIGKILL').finally(() => {
      cluster.remove();
      process.exit(1);
    });
  }, TOTAL_LIMIT_MS);
  try {
    cluster.create();
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('create database lt_resilience');
    await admin.end();
    const databaseUrl = cluster.url('lt_resilience');
    app = new AppProcess(
      'app',
      APP_PORT,
      { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, UPLOAD_LIMIT_BYTES: String(LIMIT_BYTES) },
      logDir,
    );
    const t = Date.now();
    await app.start();
    console.log(`Ứng dụng sẵn sàng (dữ liệu mẫu đã tạo) sau ${((Date.now() - t) / 1000).toFixed(1)} s`);
    database = await openPostgres(databaseUrl, 4);
    const db = database.db;
    const accounts = await demoAccounts(db, 200);
    const users = accounts.map((a) => new User(app?.base ?? '', a.email, a.personId));
    const tLogin = Date.now();
    await loginAll(users, DEMO_PASSWORD);
    console.log(`${users.length} người dùng đã đăng nhập sau ${((Date.now() - tLogin) / 1000).toFixed(1)} s`);

    const scenarios: Array<[string, () => Promise<Result>]> = [
      ['a', () => concurrentUsers(db, users, LOAD_SECONDS * 1000)],
      ['b', () => killDuringWrites(db, app as AppProcess, users.slice(100, 200))],
      [
        'c',
        async () => {
          const where = await place(db);
          const sg = await signingMeetings(
            db,
            where,
            5,
            users.slice(0, 50).map((u) => u.personId),
            'c',
          );
          return databaseRestart(
            app as AppProcess,
            cluster,
            users.slice(0, 50),
            sg.map((m) => m.id),
          );
        },
      ],
      [
        'd',
        async () => {
          const uploader = accounts[0];
          const where = await place(db);
          const [m] = await notesMeetings(db, where, [uploader.personId], [], 'd');
          return uploads({
            db,
            app: app as AppProcess,
            dataDir,
            limitBytes: LIMIT_BYTES,
            uploader: { email: uploader.email, personId: uploader.personId, password: DEMO_PASSWORD },
            meetingId: m.id,
            work: WORK,
            databaseUrl,
            port: APP_PORT + 1,
            logDir,
          });
        },
      ],
      [
        'e',
        () =>
          bigImport({
            admin: { email: ADMIN_LOGIN, password: DEMO_PASSWORD },
            work: WORK,
            databaseUrl,
            port: APP_PORT + 2,
            logDir,
          }),
      ],
    ];
    for (const [id, runScenario] of scenarios.filter(([id]) => ONLY.length === 0 || ONLY.includes(id))) {
      const t0 = Date.now();
      let r: Result;
      try {
        r = await runScenario();
      } catch (error) {
        r = { name: `${id}.`, pass: false, lines: [`lỗi khi chạy: ${String((error as Error).message ?? error).slice(0, 600)}`] };
      }
      r.lines.push(`thời gian: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      results.push(r);
      console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}\n${r.lines.map((l) => `      ${l}`).join('\n')}`);
    }
  } catch (error) {
    results.push({ name: 'chuẩn bị', pass: false, lines: [String((error as Error).stack ?? error)] });
    console.error(`FAIL  chuẩn bị: ${(error as Error).stack ?? error}`);
  } finally {
    clearTimeout(watchdog);
    await app?.kill('SIGTERM');
    await database?.close().catch(() => undefined);
    cluster.remove();
  }
  const seconds = (Date.now() - started) / 1000;
  const failed = results.filter((r) => !r.pass).length;
  writeReport(results, seconds);
  console.log(
    `\n${failed === 0 ? 'PASS' : 'FAIL'}: ${results.length - failed}/${results.length} kịch bản đạt, tổng ${seconds.toFixed(0)} s`,
  );
  // The app logs stay for a failed run, to see why.
  if (failed === 0) rmSync(WORK, { recursive: true, force: true });
  else console.log(`Nhật ký ứng dụng: ${logDir}`);
  return failed === 0 && results.length > 0 ? 0 : 1;
}

/** docs/resilience.md: the latest run, figures per scenario. */
function writeReport(results: Result[], seconds: number): void {
  const body = [
    '# Resilience run (`npm run resilience`)',
    '',
    'Written by `scripts/resilience/run.ts` on each run; do not edit by hand. Loopback only: a private PostgreSQL on',
    `port ${PG_PORT} and the app as child processes, demo data seeded. Upload limit for the run: ${LIMIT_BYTES / 1_048_576} MiB.`,
    '',
    machineLine(
      `total ${seconds.toFixed(0)} s · load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (the machine is shared: latencies depend on it)`,
    ),
    '',
    ...sections(results),
  ].join('\n');
  writeFileSync(path.join(root, 'docs', 'resilience.md'), body);
}

/** The report's scenario sections: this run's, and for a partial run (RESILIENCE_ONLY) the last ones of the others. */
function sections(results: Result[]): string[] {
  const fresh = new Map(
    results.map((r) => [r.name.charAt(0), [`## ${r.pass ? 'PASS' : 'FAIL'} — ${r.name}`, '', ...r.lines.map((l) => `- ${l.trim()}`), '']]),
  );
  const file = path.join(root, 'docs', 'resilience.md');
  if (ONLY.length === 0 || !existsSync(file)) return [...fresh.values()].flat();
  const kept = new Map<string, string[]>();
  for (const part of readFileSync(file, 'utf8')
    .split(/^(?=## )/m)
    .slice(1)) {
    const id = /^## \w+ — (\w)/.exec(part)?.[1];
    const marked = part.trimEnd().replace(/^(## .*?)(?: \(from an earlier run\))?$/m, '$1 (from an earlier run)');
    if (id) kept.set(id, [marked, '']);
  }
  for (const [id, lines] of fresh) kept.set(id, lines);
  return [...kept.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([, lines]) => lines);
}

process.exitCode = await main();
