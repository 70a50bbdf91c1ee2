import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from './store';

/** The top-level areas of the store keys (see store.ts): every file the app keeps is under one of them. */
export const FILE_AREAS = ['files', 'library', 'private'] as const;

/** Writes a stream to a local file while hashing it: the file's SHA-256 (hex) and size. */
export async function spoolHashed(source: Readable, file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(source, count, createWriteStream(file));
  return { sha256: hash.digest('hex'), size };
}

/** SHA-256 (hex) of everything a stream gives. */
export async function hashStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** SHA-256 of a stored object, or null when there is none. */
export async function storedHash(store: FileStore, key: string): Promise<string | null> {
  if (!(await store.stat(key))) return null;
  return hashStream(await store.get(key));
}

/** Every object of every area of the store, with its size, in key order. */
export async function listAll(store: FileStore): Promise<Array<{ key: string; size: number }>> {
  const out: Array<{ key: string; size: number }> = [];
  for (const area of FILE_AREAS) for await (const o of store.list(`${area}/`)) out.push(o);
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

export interface CopyReport {
  /** Objects written by this run. */
  copied: number;
  /** Objects already there with the same bytes (a run repeated after a failure, or a second run). */
  present: number;
  /** Objects removed from the target because the source has none (only with `prune`). */
  pruned: number;
  /** What could not be copied or did not verify, in Vietnamese; empty when all went well. */
  problems: string[];
  /** Key → SHA-256 of every source object. */
  hashes: Map<string, string>;
}

/**
 * Copies every file of `from` into `to` under the same keys, idempotently: each source object is spooled and hashed,
 * an identical target object is left alone, a different one replaced, and each written object is read back and
 * checked against the source hash. With `prune`, target objects the source does not hold are removed (a restore).
 * Sources are never changed. Used by `npm run files:to-s3` (disk → bucket) and by backup/restore (bucket ↔ archive).
 */
export async function copyStore(from: FileStore, to: FileStore, options: { prune?: boolean } = {}): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, present: 0, pruned: 0, problems: [], hashes: new Map() };
  await mkdir(to.spoolDir, { recursive: true });
  const dir = await mkdtemp(path.join(to.spoolDir, 'copy-'));
  try {
    for (const { key } of await listAll(from)) {
      try {
        const spooled = path.join(dir, 'data');
        const { sha256, size } = await spoolHashed(await from.get(key), spooled);
        report.hashes.set(key, sha256);
        const there = await to.stat(key);
        if (there?.size === size && (await storedHash(to, key)) === sha256) {
          report.present += 1;
          continue;
        }
        if (there) await to.delete(key);
        await to.putFile(key, spooled, size);
        const written = await storedHash(to, key);
        if (written !== sha256) report.problems.push(`tệp ${key} sau khi chép không khớp mã băm`);
        else report.copied += 1;
      } catch (error) {
        report.problems.push(`không chép được tệp ${key}: ${(error as Error).message}`);
      } finally {
        await rm(path.join(dir, 'data'), { force: true });
      }
    }
    if (options.prune) {
      for (const { key } of await listAll(to)) {
        if (report.hashes.has(key)) continue;
        await to.delete(key);
        report.pruned += 1;
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return report;
}

/** Checks that every listed file is in the store with the same hash; returns the problems, in Vietnamese. */
export async function checkStore(store: FileStore, files: Array<{ path: string; sha256: string }>): Promise<string[]> {
  const problems: string[] = [];
  for (const f of files) {
    const actual = await storedHash(store, f.path);
    if (actual === null) problems.push(`thiếu tệp ${f.path}`);
    else if (actual !== f.sha256) problems.push(`tệp ${f.path} khác bản sao lưu`);
  }
  return problems;
}
