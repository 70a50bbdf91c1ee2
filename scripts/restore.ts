import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../src/server/db/client';
import { LOCK_FILE, lockDataDir } from '../src/server/db/lockDataDir';
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
 * replacing what is there now. Stop the app first (on PGlite this is enforced: the data folder is locked while the
 * app runs). Everything is prepared beside the data folder and swapped in by renames, so a failed restore leaves the
 * current data untouched.
 */
async function main(): Promise<void> {
  const input = process.argv[2];
  if (!input) throw new Error('Cách dùng: npm run restore -- <tệp sao lưu>');
  const file = path.resolve(input);
  if (!existsSync(file)) throw new Error(`không tìm thấy tệp ${file}`);
  const { databaseUrl, dataDir } = target();
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
      restorePostgres(databaseUrl, stage, dataDir);
    } else {
      await restorePglite(stage, dataDir);
    }
    const problems = await checkFiles(dataDir, manifest.files);
    if (problems.length > 0) throw new Error(`tệp sau phục hồi không khớp: ${problems.slice(0, 5).join('; ')}`);
    console.log(`Đã phục hồi từ ${file} (sao lưu lúc ${manifest.createdAt}); đã kiểm tra ${manifest.files.length} tệp.`);
  } finally {
    release();
    rmSync(stage, { recursive: true, force: true });
  }
}

/** pg_restore --clean in one transaction, then the file folders swapped in. */
function restorePostgres(databaseUrl: string, stage: string, dataDir: string): void {
  run(pgTool('pg_restore'), [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    '--dbname',
    databaseUrl,
    path.join(stage, PG_DUMP_FILE),
  ]);
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
