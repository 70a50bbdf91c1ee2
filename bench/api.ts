import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/server/seed/demo';
import { renderTarget } from './api/render';
import { runTarget, type TargetFigures } from './api/run';
import { type BenchTarget, benchTargets } from './api/targets';
import { machineLine, writeSection } from './report';

/**
 * `npm run bench api`: the main reads (my meetings, a network's month calendar, a meeting page, the office dashboard,
 * a cluster's term report) and writes (QR check-in, signing minutes) through the real app on loopback under
 * autocannon (50 connections, in a child process), then the same SQL, captured from the app, replayed bare on the
 * `pg` driver (or PGlite) with 50 in flight. Sizes from BENCH_SIZES (default: every size with a manifest from
 * bench/generate); S runs on PGlite and PostgreSQL, M and L on PostgreSQL. With no manifest at all, the demo data
 * on in-memory PGlite stands in. Env: BENCH_API_SECONDS (10), BENCH_API_CONNECTIONS (50), BENCH_API_WRITES (2000),
 * BENCH_API_POOL (50 people who check in and sign), BENCH_API_ENGINES (e.g. "postgres"), BENCH_API_REPEAT (3 loads
 * per read), BENCH_API_WRITE_REPEAT (3 rounds per write), BENCH_API_WARMUP_S (3 s unmeasured per read),
 * BENCH_API_QUIET_MAX_S (60: longest wait for the previous route's statements), BENCH_API_ONLY (reads|writes),
 * BENCH_API_ROUTE (reads whose name holds it). On PostgreSQL the database is vacuumed before and after (decision 0022).
 */
const DOC = path.resolve(import.meta.dirname, '../docs/benchmarks.md');
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 50);

const { targets, missing } = benchTargets();
const demo = /demo/i.test(process.env.BENCH_SIZES ?? '') || (targets.length === 0 && !process.env.BENCH_SIZES);
const list: BenchTarget[] = demo
  ? [{ size: 'demo', kind: 'pglite', dataDir: 'memory://', password: DEMO_PASSWORD, hints: {}, counts: {} }]
  : targets;
if (demo) missing.length = 0;

const results: TargetFigures[] = [];
const failures: string[] = [];
for (const t of list) {
  console.log(`-- api ${t.size} on ${t.kind}`);
  try {
    results.push(await runTarget(t, { seedDemo: demo }));
  } catch (err) {
    console.error(err);
    failures.push(`${t.size} on ${t.kind}: ${(err as Error).message}`);
  }
}

// Each size and engine keeps its own block inside the section, so running one size (BENCH_SIZES=M) keeps the
// others' last figures; every block carries its own run line.
const ORDER = ['S-pglite', 'S-postgres', 'M-postgres', 'L-postgres'];
const blocks = new Map<string, string>();
if (!demo) {
  const old = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  for (const m of old.matchAll(/<!-- api:([\w-]+) -->\n([\s\S]*?)\n<!-- \/api:\1 -->/g)) blocks.set(m[1], m[2]);
}
for (const r of results) {
  const key = `${r.target.size}-${r.target.kind}`;
  blocks.set(key, `${renderTarget(r, SECONDS, CONNECTIONS)}\n\n${machineLine(`${CONNECTIONS} connections`)}`);
}
const keys = [...blocks.keys()].sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
const sections = keys.map((k) => `<!-- api:${k} -->\n${blocks.get(k)}\n<!-- /api:${k} -->`);
writeSection(
  'api',
  `## API under load (\`npm run bench api\`)

The real app (Fastify, session cookie, CSRF, policies, JSON) on loopback, loaded by autocannon in a child process,
each route spread over several users and ids; then the very SQL the app sent for those requests (captured from
drizzle's logger) replayed on the bare driver — a \`pg.Pool\` as large as the app's (10), or the same PGlite engine —
with the same number in flight. "app req/s" counts 2xx responses only; app/bare = app req/s ÷ bare req/s.
Writes are real and distinct: each check-in is a new (meeting, person) pair on meetings happening now, each signature a
new signer of minutes out for signing (fixtures the run creates and removes); the bare run replays the captured
statements of one such write with another pair's ids. Targets (issue 6): p99 < 100 ms for every main read at M and L
on PostgreSQL; app/bare ≥ 0.5 everywhere.
${demo ? '\nNo data-generator manifest was found, so this run used the demo data on in-memory PGlite (not a size of the issue).\n' : ''}
${sections.join('\n\n')}
${missing.length ? `\nNot run: ${missing.join(', ')} (no manifest from bench/generate).` : ''}
${failures.length ? `\nFailed: ${failures.join('; ')}.` : ''}`,
);
console.log('→ docs/benchmarks.md (section api)');
process.exit(failures.length && results.length === 0 ? 1 : 0);
