import { existsSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../src/server/db/client';
import { lockDataDir } from '../src/server/db/lockDataDir';
import {
  FILE_FOLDERS,
  listFiles,
  MANIFEST,
  type Manifest,
  PG_DUMP_FILE,
  PGLITE_DUMP_FILE,
  pgTool,
  run,
  siblingPath,
  target,
} from './backupArchive';

/**
 * `npm run backup -- <file>`: one archive with the database and the uploaded files.
 * PostgreSQL (DATABASE_URL set): pg_dump in custom format, safe while the app runs. PGlite (DATA_DIR): the app must be
 * stopped (PGlite is single-process); the data folder is dumped with PGlite's dumpDataDir.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('Cách dùng: npm run backup -- <tệp sao lưu, ví dụ sao-luu-2026-11-30.tar>');
  const file = path.resolve(out);
  const { databaseUrl, dataDir } = target();
  const stage = siblingPath(file, 'staging');
  mkdirSync(stage, { recursive: true });
  try {
    let files: Manifest['files'];
    if (databaseUrl) {
      run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--file', path.join(stage, PG_DUMP_FILE), '--dbname', databaseUrl]);
      files = await listFiles(dataDir);
      // Link the folders into the staging area so tar stores them under data/ without copying the bytes.
      mkdirSync(path.join(stage, 'data'));
      for (const folder of FILE_FOLDERS) symlinkSync(path.join(dataDir, folder), path.join(stage, 'data', folder));
    } else {
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`không tìm thấy dữ liệu PGlite tại ${dataDir}`);
      const release = lockDataDir(dataDir);
      try {
        const pg = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
        await pg.exec('checkpoint');
        const dump = await pg.dumpDataDir('gzip');
        await pg.close();
        writeFileSync(path.join(stage, PGLITE_DUMP_FILE), Buffer.from(await dump.arrayBuffer()));
        files = await listFiles(dataDir);
      } finally {
        release();
      }
    }
    const manifest: Manifest = {
      format: 'lien-truong-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      database: databaseUrl ? 'postgres' : 'pglite',
      files,
    };
    writeFileSync(path.join(stage, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    // --dereference follows the folder links; missing folders were linked to nothing and are skipped by tar.
    const members = [MANIFEST, databaseUrl ? PG_DUMP_FILE : PGLITE_DUMP_FILE];
    if (databaseUrl) members.push(...FILE_FOLDERS.map((f) => `data/${f}`).filter((m) => existsLink(stage, m)));
    run('tar', ['--create', '--dereference', '--file', file, '--directory', stage, ...members]);
    const kind = databaseUrl ? 'PostgreSQL' : `PGlite (${dataDir})`;
    console.log(`Đã sao lưu ${kind} và ${files.length} tệp vào ${file}`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Whether the staged link points at an existing folder. */
function existsLink(stage: string, member: string): boolean {
  try {
    return statSync(path.join(stage, member)).isDirectory();
  } catch {
    return false;
  }
}

main().catch((error: Error) => {
  console.error(`Sao lưu thất bại: ${error.message}`);
  process.exit(1);
});
