import { existsSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { S3Config } from '../src/server/config';
import { PGLITE_EXTENSIONS } from '../src/server/db/client';
import { lockDataDir } from '../src/server/db/lockDataDir';
import { LocalFileStore } from '../src/server/lib/files/local';
import { S3FileStore } from '../src/server/lib/files/s3';
import { copyStore } from '../src/server/lib/files/transfer';
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
 * `npm run backup -- <file>`: one archive with the database and the uploaded files (from DATA_DIR, or downloaded from
 * the S3 bucket when S3_ENDPOINT is set: the archive's data/ folder then holds the bucket's objects by key).
 * PostgreSQL (DATABASE_URL set): pg_dump in custom format, safe while the app runs. PGlite (DATA_DIR): the app must be
 * stopped (PGlite is single-process); the data folder is dumped with PGlite's dumpDataDir.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('Cách dùng: npm run backup -- <tệp sao lưu, ví dụ sao-luu-2026-11-30.tar>');
  const file = path.resolve(out);
  const { databaseUrl, dataDir, s3 } = target();
  const stage = siblingPath(file, 'staging');
  mkdirSync(stage, { recursive: true });
  try {
    let files: Manifest['files'] = [];
    if (databaseUrl) {
      run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--file', path.join(stage, PG_DUMP_FILE), '--dbname', databaseUrl]);
      if (!s3) {
        files = await listFiles(dataDir);
        // Link the folders into the staging area so tar stores them under data/ without copying the bytes.
        mkdirSync(path.join(stage, 'data'));
        for (const folder of FILE_FOLDERS) symlinkSync(path.join(dataDir, folder), path.join(stage, 'data', folder));
      }
    } else {
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`không tìm thấy dữ liệu PGlite tại ${dataDir}`);
      const release = lockDataDir(dataDir);
      try {
        const pg = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
        await pg.exec('checkpoint');
        const dump = await pg.dumpDataDir('gzip');
        await pg.close();
        writeFileSync(path.join(stage, PGLITE_DUMP_FILE), Buffer.from(await dump.arrayBuffer()));
        files = s3 ? [] : await listFiles(dataDir);
      } finally {
        release();
      }
    }
    if (s3) files = await bucketToStage(s3, path.join(stage, 'data'));
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
    if (databaseUrl || s3) members.push(...FILE_FOLDERS.map((f) => `data/${f}`).filter((m) => existsLink(stage, m)));
    run('tar', ['--create', '--dereference', '--file', file, '--directory', stage, ...members]);
    const kind = databaseUrl ? 'PostgreSQL' : `PGlite (${dataDir})`;
    const where = s3 ? ` (từ bucket «${s3.bucket}»)` : '';
    console.log(`Đã sao lưu ${kind} và ${files.length} tệp${where} vào ${file}`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Downloads every object of the bucket into the staging folder (same layout as DATA_DIR) and lists them. */
async function bucketToStage(s3: S3Config, folder: string): Promise<Manifest['files']> {
  const report = await copyStore(new S3FileStore(s3), new LocalFileStore(folder));
  if (report.problems.length > 0) throw new Error(`không tải được tệp từ bucket: ${report.problems.slice(0, 5).join('; ')}`);
  rmSync(path.join(folder, '.incoming'), { recursive: true, force: true });
  return listFiles(folder);
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
