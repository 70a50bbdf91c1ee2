import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { S3Config } from '../src/server/config';
import { PGLITE_EXTENSIONS } from '../src/server/db/client';
import { LOCK_FILE, lockDataDir } from '../src/server/db/lockDataDir';
import { LocalFileStore } from '../src/server/lib/files/local';
import { S3FileStore } from '../src/server/lib/files/s3';
import { checkStore, copyStore } from '../src/server/lib/files/transfer';
import {
  checkFiles,
  FILE_FOLDERS,
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
 * `npm run restore -- <file>`: puts back the database and the uploaded files of a backup made by `npm run backup`,
 * replacing what is there now (the files into DATA_DIR, or into the S3 bucket when S3_ENDPOINT is set). Stop the app first (on PGlite this is enforced: the data folder is locked while the
 * app runs). Everything is prepared beside the data folder and swapped in by renames, so a failed restore leaves the
 * current data untouched.
 */
async function main(): Promise<void> {
  const input = process.argv[2];
  if (!input) throw new Error('Cách dùng: npm run restore -- <tệp sao lưu>');
  const file = path.resolve(input);
  if (!existsSync(file)) throw new Error(`không tìm thấy tệp ${file}`);
  const { databaseUrl, dataDir, s3 } = target();
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  const stage = siblingPath(dataDir, 'restore');
  mkdirSync(stage);
  try {
    run('tar', ['--extract', '--file', file, '--directory', stage]);
    const manifest = JSON.parse(readFileSync(path.join(stage, MANIFEST), 'utf8')) as Manifest;
    if (manifest.format !== 'lien-truong-backup') throw new Error('tệp không phải bản sao lưu của Liên Trường');
    const wanted = databaseUrl ? 'postgres' : 'pglite';
    if (manifest.database !== wanted) {
      throw new Error(
        `bản sao lưu là của ${manifest.database === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ` +
          `còn cấu hình hiện tại dùng ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (DATA_DIR)'}`,
      );
    }
    if (databaseUrl) {
      restorePostgres(databaseUrl, stage, dataDir, !s3);
    } else {
      await restorePglite(stage, dataDir);
    }
    const problems = s3 ? await restoreBucket(s3, stage, dataDir, manifest) : await checkFiles(dataDir, manifest.files);
    if (problems.length > 0) throw new Error(`tệp sau phục hồi không khớp: ${problems.slice(0, 5).join('; ')}`);
    console.log(`Đã phục hồi từ ${file} (sao lưu lúc ${manifest.createdAt}); đã kiểm tra ${manifest.files.length} tệp.`);
  } finally {
    release();
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Puts the archive's files into the bucket, replacing what is there (objects the backup does not hold are removed),
 * and checks each against the manifest. An archive of PGlite made without a bucket carries its files in the
 * restored data folder instead of data/: they are taken from there.
 */
async function restoreBucket(s3: S3Config, stage: string, dataDir: string, manifest: Manifest): Promise<string[]> {
  const staged = path.join(stage, 'data');
  const bucket = new S3FileStore(s3);
  await bucket.init();
  const report = await copyStore(new LocalFileStore(existsSync(staged) ? staged : dataDir), bucket, { prune: true });
  return [...report.problems, ...(await checkStore(bucket, manifest.files))];
}

/** pg_restore --clean in one transaction, then (files kept on disk) the file folders swapped in. */
function restorePostgres(databaseUrl: string, stage: string, dataDir: string, folders: boolean): void {
  run(pgTool('pg_restore'), [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    '--dbname',
    databaseUrl,
    path.join(stage, PG_DUMP_FILE),
  ]);
  if (!folders) return;
  for (const folder of FILE_FOLDERS) {
    const from = path.join(stage, 'data', folder);
    const to = path.join(dataDir, folder);
    const old = siblingPath(to, 'old');
    if (existsSync(to)) renameSync(to, old);
    if (existsSync(from)) renameSync(from, to);
    rmSync(old, { recursive: true, force: true });
  }
}

/** Loads the PGlite dump into a new folder beside DATA_DIR, checks it opens, then swaps it in. */
async function restorePglite(stage: string, dataDir: string): Promise<void> {
  const fresh = siblingPath(dataDir, 'new');
  try {
    const dump = new Blob([readFileSync(path.join(stage, PGLITE_DUMP_FILE))]);
    const pg = await PGlite.create(fresh, { loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
    await pg.query('select count(*) from pg_class');
    await pg.close();
    // The dump carries the lock file of the process that made it; the restored folder starts unlocked.
    rmSync(path.join(fresh, LOCK_FILE), { force: true });
    const old = siblingPath(dataDir, 'old');
    renameSync(dataDir, old);
    renameSync(fresh, dataDir);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`Phục hồi thất bại: ${error.message}`);
  process.exit(1);
});
