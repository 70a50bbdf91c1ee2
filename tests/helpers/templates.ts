import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, migrateDatabase, openPglite, openPostgres } from '../../src/server/db/client';
import { todayIso } from '../../src/server/lib/dates';
import { seedDemo } from '../../src/server/seed/demo';
import { ensureReferenceData } from '../../src/server/seed/reference';

/**
 * Test databases start from templates: one with the migrations and reference data ("base"), one with the demo data
 * on top ("demo"). Migrating and seeding take seconds per database on this machine, and the suite makes a hundred
 * of them; copying a template takes a fraction of that. A template is named by a hash of the code that builds it
 * (server code, shared code, factories), so a change to any of it builds new ones; nothing is reused across a change.
 * On PostgreSQL a template is a database copied with CREATE DATABASE … TEMPLATE; on PGlite, a dump of the data
 * directory in the system's temp folder, loaded into each new in-memory database.
 */
export type TemplateKind = 'base' | 'demo' | 'demoPlain';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HASHED = ['src/server', 'src/shared', 'tests/factories'];

let codeHash: string | undefined;
function hashOfCode(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|sql|json)$/.test(name) && !/\.test\.ts$/.test(name)) h.update(full.slice(ROOT.length)).update(readFileSync(full));
    }
  };
  for (const dir of HASHED) walk(path.join(ROOT, dir));
  codeHash = h.digest('hex').slice(0, 12);
  return codeHash;
}

/** A template's key: the code's hash, and for the demo the day it was made (its dates live around that day). */
function templateKey(kind: TemplateKind): string {
  return kind === 'base' ? hashOfCode() : `${hashOfCode()}_${todayIso().replaceAll('-', '')}`;
}

async function fill(database: Database, kind: TemplateKind, url?: string): Promise<void> {
  await migrateDatabase(database, url);
  await ensureReferenceData(database.db);
  if (kind !== 'base') await database.db.transaction((tx) => seedDemo(tx, { living: kind === 'demo' }));
}

// ---- PostgreSQL ----

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

const pgTemplates = new Map<string, Promise<string>>();

/** The name of the PostgreSQL template database of this kind, built once (under an advisory lock) if missing. */
export function postgresTemplate(base: string, kind: TemplateKind): Promise<string> {
  const key = `${base}|${kind}`;
  let p = pgTemplates.get(key);
  if (!p) {
    p = buildPostgresTemplate(base, kind);
    pgTemplates.set(key, p);
    p.catch(() => pgTemplates.delete(key));
  }
  return p;
}

async function buildPostgresTemplate(base: string, kind: TemplateKind): Promise<string> {
  // PostgreSQL folds unquoted names to lower case: the name is written in lower case from the start.
  const name = `lt_tpl_${kind.toLowerCase()}_${templateKey(kind)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    // Several test workers (and several test runs) may ask at once: one builds, the others wait and reuse it.
    await admin.query('select pg_advisory_lock(hashtext($1))', [`lt_tpl_${kind}`]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return name;
    const building = `${name}_b${randomBytes(3).toString('hex')}`;
    await admin.query(`create database ${building}`);
    const url = withDatabase(base, building);
    const database = await openPostgres(url, 2);
    try {
      await fill(database, kind, url);
    } finally {
      await database.close();
    }
    await admin.query(`alter database ${building} rename to ${name}`);
    // Templates of older code are of no use any more; one still being copied is left for the next run to drop.
    const old = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1 and datname <> $2`, [
      `lt\\_tpl\\_${kind.toLowerCase()}\\_%`,
      name,
    ]);
    for (const row of old.rows) await admin.query(`drop database if exists ${row.datname}`).catch(() => undefined);
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [`lt_tpl_${kind}`]).catch(() => undefined);
    await admin.end();
  }
}

/** Creates database `name` as a copy of the template; retried while another copy of the same template is starting. */
export async function createFromTemplate(base: string, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      // "source database … is being accessed by other users": a concurrent CREATE DATABASE holds it for a moment.
      if (attempt >= 20 || !(error instanceof Error) || !/being accessed by other users/.test(error.message)) throw error;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    } finally {
      await admin.end();
    }
  }
}

// ---- PGlite ----

const pgliteTemplates = new Map<TemplateKind, Promise<Buffer>>();

/** The gzipped data directory of the PGlite template of this kind, built once per code hash and machine. */
export function pgliteTemplate(kind: TemplateKind): Promise<Buffer> {
  let p = pgliteTemplates.get(kind);
  if (!p) {
    p = buildPgliteTemplate(kind);
    pgliteTemplates.set(kind, p);
    p.catch(() => pgliteTemplates.delete(kind));
  }
  return p;
}

async function buildPgliteTemplate(kind: TemplateKind): Promise<Buffer> {
  const dir = path.join(tmpdir(), 'lt-test-templates');
  const file = path.join(dir, `${kind}-${templateKey(kind)}.tar.gz`);
  try {
    return readFileSync(file);
  } catch {
    // not built yet on this machine for this code
  }
  const database = await openPglite('memory://');
  let data: Buffer;
  try {
    await fill(database, kind);
    const dump = await database.dumpDataDir?.();
    if (!dump) throw new Error('PGlite cannot dump its data directory');
    data = Buffer.from(await dump.arrayBuffer());
  } finally {
    await database.close();
  }
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed, so a worker reading at the same moment never sees half a file.
  const partial = `${file}.${process.pid}.${randomBytes(3).toString('hex')}`;
  writeFileSync(partial, data);
  renameSync(partial, file);
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${kind}-`) && !name.startsWith(path.basename(file))) rmSync(path.join(dir, name), { force: true });
  }
  return data;
}

/** A new in-memory PGlite database loaded from the template of this kind. */
export async function pgliteFromTemplate(kind: TemplateKind): Promise<Database> {
  const data = await pgliteTemplate(kind);
  return openPglite('memory://', { loadDataDir: new Blob([new Uint8Array(data)], { type: 'application/x-gzip' }) });
}
