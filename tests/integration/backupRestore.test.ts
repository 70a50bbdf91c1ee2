import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, type Executor, migrateDatabase, openPglite, openPostgres, queryRows } from '../../src/server/db/client';
import { seedDemo } from '../../src/server/seed/demo';
import { ensureReferenceData } from '../../src/server/seed/reference';

/**
 * `npm run backup` then `npm run restore` (the real commands, as child processes) give back identical data: every
 * table's rows (hashed in primary-key order), every sequence, and every stored file, after the data and the files were
 * changed and deleted in between. On PGlite always; on PostgreSQL when DATABASE_URL is set.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'lt-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(script: 'backup' | 'restore', file: string, env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, file], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
}

/** Per table: row count and MD5 of the rows in primary-key order; then every sequence's last value. */
async function snapshot(db: Executor): Promise<Record<string, string>> {
  const tables = await queryRows<{ tbl: string; pk: string | null }>(
    db,
    sql`select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as tbl,
          (select string_agg(quote_ident(a.attname), ',' order by k.ord)
             from pg_index i cross join unnest(i.indkey) with ordinality k(attnum, ord)
             join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
            where i.indrelid = c.oid and i.indisprimary) as pk
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname in ('public', 'drizzle')
       order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { tbl, pk } of tables) {
    const order = pk ?? 't::text';
    const [row] = await queryRows<{ n: number; h: string }>(
      db,
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as h from ${tbl} t`),
    );
    out[tbl] = `${row.n}:${row.h}`;
  }
  const seqs = await queryRows<{ name: string; v: string | null }>(
    db,
    sql`select schemaname || '.' || sequencename as name, last_value::text as v from pg_sequences order by 1`,
  );
  for (const s of seqs) out[`seq ${s.name}`] = String(s.v);
  return out;
}

/** Path → SHA-256 of every file under the file folders. */
function fileHashes(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of ['files', 'library', 'private']) {
    const dir = path.join(dataDir, folder);
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const full = path.join(e.parentPath, e.name);
      out[path.relative(dataDir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  }
  return out;
}

function writeFiles(dataDir: string): void {
  for (const [rel, body] of [
    ['files/ab/abcd', 'tệp đính kèm'],
    ['library/files/cd/cdef', randomBytes(70_000)],
    ['private/observations/m1/n1', 'ảnh ghi chép'],
  ] as const) {
    mkdirSync(path.dirname(path.join(dataDir, rel)), { recursive: true });
    writeFileSync(path.join(dataDir, rel), body);
  }
}

/** Deletes, changes and adds rows and files, so that only a real restore gives the snapshot back. */
async function damage(db: Executor, dataDir: string): Promise<void> {
  await db.execute(sql`delete from audit_log where id in (select id from audit_log order by id limit 5)`);
  await db.execute(sql`update people set full_name = full_name || ' (sửa)' where id in (select id from people limit 10)`);
  await db.execute(sql`delete from auth_sessions`);
  await db.execute(sql`insert into audit_log (action, entity_type, entity_id) values ('test', 'test', 'x')`);
  rmSync(path.join(dataDir, 'files/ab/abcd'));
  writeFileSync(path.join(dataDir, 'library/files/cd/cdef'), 'đã bị ghi đè');
  writeFileSync(path.join(dataDir, 'private/observations/m1/extra'), 'tệp mới sau sao lưu');
}

async function seeded(database: Database, url?: string): Promise<void> {
  await migrateDatabase(database, url);
  await ensureReferenceData(database.db);
  await database.db.transaction((tx) => seedDemo(tx));
}

// The two databases run side by side: the PostgreSQL case mostly waits on its server and child processes.
describe.concurrent('backup and restore', () => {
  it('round-trips PGlite and the file folders to identical data, and refuses a restore while the app runs', async () => {
    const dataDir = path.join(work, 'pglite');
    let database = await openPglite(dataDir);
    await seeded(database);
    writeFiles(dataDir);
    const before = await snapshot(database.db);
    await database.close();
    const files = fileHashes(dataDir);
    expect(Object.keys(before).length).toBeGreaterThan(30);
    expect(before['public.people'].startsWith('0:')).toBe(false);

    const archive = path.join(work, 'pglite.tar');
    await cli('backup', archive, { DATA_DIR: dataDir });

    database = await openPglite(dataDir);
    await damage(database.db, dataDir);
    expect(await snapshot(database.db)).not.toEqual(before);
    // The data folder is open (as when the app runs): the restore refuses, in Vietnamese, and changes nothing.
    const refused = await cli('restore', archive, { DATA_DIR: dataDir }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('đang được tiến trình');
    await database.close();

    await cli('restore', archive, { DATA_DIR: dataDir });
    database = await openPglite(dataDir);
    expect(await snapshot(database.db)).toEqual(before);
    await database.close();
    expect(fileHashes(dataDir)).toEqual(files);
  }, 180_000);

  it.skipIf(!process.env.DATABASE_URL)(
    'round-trips PostgreSQL and the file folders to identical data',
    async () => {
      const base = process.env.DATABASE_URL as string;
      const name = `lt_test_backup_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      const dataDir = path.join(work, 'postgres');
      try {
        let database = await openPostgres(url.toString(), 4);
        await seeded(database, url.toString());
        writeFiles(dataDir);
        const before = await snapshot(database.db);
        const files = fileHashes(dataDir);
        const archive = path.join(work, 'postgres.tar');
        await cli('backup', archive, { DATA_DIR: dataDir, DATABASE_URL: url.toString() });
        await damage(database.db, dataDir);
        expect(await snapshot(database.db)).not.toEqual(before);
        await database.close();

        await cli('restore', archive, { DATA_DIR: dataDir, DATABASE_URL: url.toString() });
        database = await openPostgres(url.toString(), 2);
        expect(await snapshot(database.db)).toEqual(before);
        await database.close();
        expect(fileHashes(dataDir)).toEqual(files);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    180_000,
  );
});
