import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { migrateDatabase, openDatabase } from '../src/server/db/client';
import { todayIso } from '../src/server/lib/dates';
import * as orgsRepo from '../src/server/modules/orgs/repo';
import * as peopleRepo from '../src/server/modules/people/repo';
import { seedDemo } from '../src/server/seed/demo';
import { ensureReferenceData } from '../src/server/seed/reference';

/**
 * `npm run bench`: the main reads of the foundation, timed through the real HTTP app on loopback (log-in cookie,
 * policy, JSON) and, in the same run, the same queries called bare on the database. Figures go to
 * docs/benchmarks.md as ratios, because this machine is noisy. Size S: the demo data on PGlite, or on PostgreSQL
 * when DATABASE_URL is set (point it at an empty database).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn();
  const samples: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) {
    const s = performance.now();
    await fn();
    samples.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  samples.sort((a, b) => a - b);
  return { rps: (ROUNDS / total) * 1000, p50: pct(samples, 50), p99: pct(samples, 99) };
}

const config = loadConfig({ dataDir: 'memory://', logLevel: 'warn' });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: 'memory://' });
await migrateDatabase(database, config.databaseUrl);
await ensureReferenceData(database.db);
const logins = await database.db.transaction((tx) => seedDemo(tx));
const app = await buildApp({ database, config, mailer: { send: async () => undefined } }, { logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'chuyenvien.so@lientruong.vn', password: logins.password }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
const get = async (url: string) => {
  const res = await fetch(base + url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  return res.json();
};

const db = database.db;
const today = todayIso();
const tree = (await get('/api/orgs/tree?date=2025-09-05')) as { nodes: Array<{ id: string; name: string; type: string }> };
const school = tree.nodes.find((n) => n.name === 'Trường THCS Tân Thạnh Đông');
if (!school) throw new Error('demo school missing');

const cases: Array<{ name: string; app: () => Promise<unknown>; bare: () => Promise<unknown> }> = [
  { name: 'org tree on a date', app: () => get('/api/orgs/tree?date=2025-09-05'), bare: () => orgsRepo.treeOn(db, '2025-09-05') },
  {
    name: 'org search "tan thanh dong"',
    app: () => get('/api/orgs/search?q=tan%20thanh%20dong'),
    bare: () => orgsRepo.search(db, 'tan thanh dong', { limit: 20 }),
  },
  {
    name: 'staff of a school',
    app: () => get(`/api/orgs/${school.id}/people`),
    bare: async () => {
      const ids = await orgsRepo.subtreeIds(db, [school.id], today);
      const { rows } = await peopleRepo.list(db, { q: '', orgIds: ids, date: today, limit: 2000, offset: 0 });
      return peopleRepo.decorate(
        db,
        rows.map((r) => r.id),
        today,
      );
    },
  },
];

const lines: string[] = [];
for (const c of cases) {
  const a = await time(c.app);
  const b = await time(c.bare);
  lines.push(
    `| ${c.name} | ${a.rps.toFixed(0)} | ${a.p50.toFixed(2)} | ${a.p99.toFixed(2)} | ${b.rps.toFixed(0)} | ${b.p50.toFixed(2)} | ${(a.rps / b.rps).toFixed(2)} |`,
  );
  console.log(lines.at(-1));
}
await app.close();
await database.close();

const out = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts). Compare ratios within one run: this machine is shared and noisy.

Run: ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB ·
Node ${process.version} · database: ${database.kind} · data: demo (size S: ${tree.nodes.length} orgs) · ${ROUNDS} sequential requests each.

"App" is the real HTTP server on loopback (session cookie, policy, JSON serialisation); "bare" is the same queries
called directly on the database in the same process. Ratio = app requests/s ÷ bare requests/s.

| read | app req/s | app p50 ms | app p99 ms | bare req/s | bare p50 ms | app/bare |
|---|---|---|---|---|---|---|
${lines.join('\n')}

Concurrency, national-size data, PostgreSQL at M and L and the targets of the scale issue are not measured yet.
`;
writeFileSync(path.resolve(import.meta.dirname, '../docs/benchmarks.md'), out);
console.log('→ docs/benchmarks.md');
