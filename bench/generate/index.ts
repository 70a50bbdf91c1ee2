import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Database, migrateDatabase, openPglite, openPostgres } from '../../src/server/db/client';
import { generate, type Manifest } from './generate';
import { sizeOf } from './sizes';

/**
 * `node --import tsx bench/generate/index.ts --size S|M|L [--database-url URL] [--data-dir DIR] [--fresh]`
 * Creates (or, with --fresh, recreates) the database, runs the migrations and loads the size, then writes the
 * manifest to /tmp/lt-bench/<SIZE>.json and bench/generate/manifests/<SIZE>.json (merged when a size is on both engines).
 */
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const spec = sizeOf(values.size ?? 'S');
if (!spec) {
  console.error(`Kích thước không hợp lệ: ${values.size} (chọn XS, S, M hoặc L)`);
  process.exit(2);
}
const url = values['database-url'];
const dataDir = url ? undefined : (values['data-dir'] ?? `/tmp/lt-bench/${spec.name.toLowerCase()}-pglite`);
if (!url && spec.name === 'L') {
  console.error('Cỡ L chỉ nạp vào PostgreSQL: hãy truyền --database-url');
  process.exit(2);
}
const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** Creates the database named by the URL when missing; with --fresh drops it first. Refuses to load over data. */
async function preparePostgres(target: string): Promise<void> {
  const u = new URL(target);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Tên cơ sở dữ liệu không hợp lệ: ${name}`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (exists && values.fresh) await admin.query(`drop database ${name} with (force)`);
    if (!exists || values.fresh) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

/**
 * One manifest per size: a size loaded on both engines (S) keeps both locations (databaseUrl and dataDir) and each
 * engine's load figures under runs.postgres / runs.pglite; ids are the same on both (deterministic).
 */
function mergeRuns(m: Manifest, file: string): Manifest & { runs: Record<string, unknown> } {
  const engine = m.databaseUrl ? 'postgres' : 'pglite';
  const run = { totalSeconds: m.totalSeconds, loadSeconds: m.loadSeconds, indexSeconds: m.indexSeconds, diskBytes: m.diskBytes };
  let old: (Partial<Manifest> & { runs?: Record<string, unknown> }) | undefined;
  try {
    old = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    old = undefined;
  }
  const same = old && old.size === m.size && old.schoolYear?.id === m.schoolYear.id;
  return {
    ...m,
    databaseUrl: m.databaseUrl ?? (same ? (old?.databaseUrl ?? null) : null),
    dataDir: m.dataDir ?? (same ? (old?.dataDir ?? null) : null),
    runs: { ...(same ? old?.runs : {}), [engine]: run },
  };
}

async function main() {
  const t0 = performance.now();
  let database: Database;
  if (url) {
    await preparePostgres(url);
    database = await openPostgres(url, 4);
  } else {
    const dir = dataDir as string;
    if (existsSync(dir) && readdirSync(dir).length && values.fresh) rmSync(dir, { recursive: true, force: true });
    database = await openPglite(dir);
  }
  try {
    await migrateDatabase(database, url);
    const existing = (await database.db.execute('select count(*)::int as n from orgs')) as unknown as { rows: Array<{ n: number }> };
    if (existing.rows[0].n > 0) throw new Error('Cơ sở dữ liệu đã có dữ liệu: chạy lại với --fresh để tạo mới');
    log(`Cỡ ${spec?.name}: nạp vào ${url ?? dataDir}`);
    const manifest: Manifest = await generate({
      spec: spec as NonNullable<typeof spec>,
      database,
      databaseUrl: url,
      dataDir,
      // dropping and rebuilding secondary indexes pays off from M up; FK checks are skipped only at L
      dropIndexes: Boolean(url) && spec?.name !== 'XS',
      skipForeignKeyChecks: spec?.name === 'L',
      log,
    });
    if (dataDir) {
      await database.close();
      manifest.diskBytes = Number(execFileSync('du', ['-sb', dataDir]).toString().split('\t')[0]);
    }
    manifest.totalSeconds = Math.round(performance.now() - t0) / 1000;
    const file = `${spec?.name}.json`;
    const merged = mergeRuns(manifest, path.join('/tmp/lt-bench', file));
    const text = `${JSON.stringify(merged, null, 2)}\n`;
    mkdirSync('/tmp/lt-bench', { recursive: true });
    writeFileSync(path.join('/tmp/lt-bench', file), text);
    const committed = path.join(import.meta.dirname, 'manifests');
    mkdirSync(committed, { recursive: true });
    writeFileSync(path.join(committed, file), text);
    log(`Xong sau ${manifest.totalSeconds} s; ${(Number(manifest.diskBytes) / 2 ** 30).toFixed(2)} GiB; manifest ${file}`);
  } finally {
    if (url) await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
