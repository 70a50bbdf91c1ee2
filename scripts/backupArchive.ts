import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type S3Config, s3FromEnv } from '../src/server/config';

/**
 * Shared pieces of `npm run backup` and `npm run restore`. A backup is one uncompressed tar archive holding
 * `manifest.json`, the database (`database.pgdump`, pg_dump custom format, on PostgreSQL; `database.pglite.tar.gz`,
 * PGlite's dumpDataDir, on PGlite) and, on PostgreSQL, the file folders under `data/`. On PGlite the file folders
 * live inside the data directory, so the PGlite dump already carries them. With an S3 bucket configured, `data/`
 * holds the bucket's objects (their keys are the same relative paths), on either database.
 */

/** The file folders under DATA_DIR that a backup carries. */
export const FILE_FOLDERS = ['files', 'library', 'private'] as const;

export const MANIFEST = 'manifest.json';
export const PG_DUMP_FILE = 'database.pgdump';
export const PGLITE_DUMP_FILE = 'database.pglite.tar.gz';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: 'lien-truong-backup';
  version: 1;
  createdAt: string;
  database: 'postgres' | 'pglite';
  files: ManifestFile[];
}

/** The database, data folder and S3 bucket (when S3_ENDPOINT is set) from the environment, as the app reads them. */
export function target(): { databaseUrl: string | undefined; dataDir: string; s3: S3Config | undefined } {
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.DATA_DIR ?? './data'),
    s3: s3FromEnv(),
  };
}

/** The path of a PostgreSQL client program: PG_BIN, then the newest Debian install, then PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN) return path.join(process.env.PG_BIN, name);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin', name);
  }
  return name;
}

/** Runs a program; on failure throws with its stderr (the caller prints a Vietnamese summary). */
export function run(program: string, args: string[]): void {
  try {
    execFileSync(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`${path.basename(program)} thất bại${stderr ? `: ${stderr}` : ''}`);
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under the file folders of dataDir, with its size and SHA-256, paths relative to dataDir. */
export async function listFiles(dataDir: string): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  for (const folder of FILE_FOLDERS) {
    const root = path.join(dataDir, folder);
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
      const full = path.join(entry.parentPath, entry.name);
      const { size } = await stat(full);
      out.push({ path: path.relative(dataDir, full), size, sha256: await sha256File(full) });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Checks that every file of the manifest is present under dataDir with the same hash; returns the problems. */
export async function checkFiles(dataDir: string, files: ManifestFile[]): Promise<string[]> {
  const problems: string[] = [];
  for (const f of files) {
    const full = path.join(dataDir, f.path);
    if (!existsSync(full)) problems.push(`thiếu tệp ${f.path}`);
    else if ((await sha256File(full)) !== f.sha256) problems.push(`tệp ${f.path} khác bản sao lưu`);
  }
  return problems;
}

/** A sibling path of dir for staging work on the same file system (so renames are atomic). */
export function siblingPath(dir: string, label: string): string {
  return `${dir}.${label}-${randomBytes(4).toString('hex')}`;
}
