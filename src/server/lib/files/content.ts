import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { fileStoreOf } from './create';
import { releaseSharedFile } from './repo';
import { contentKey, type FileStore } from './store';
import { spoolHashed } from './transfer';

/** Errors of a full or over-quota disk: the upload is refused with a clear 507 instead of a 500. */
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** A file stored by its content: its hash, the storage_key rows hold, its size, and whether this call wrote it. */
export interface StoredContent {
  sha256: string;
  storageKey: string;
  size: number;
  created: boolean;
}

/**
 * Stores bytes (a buffer, or a stream read chunk by chunk as it arrives) under `<area>/<xx>/<sha256>`: they are
 * spooled to a local temp file while hashed, then handed to the store, which keeps the object already there when
 * the same bytes were stored before. `created` tells a caller whose row insert fails whether it may remove the file
 * (it never removes one another record shares: see releaseSharedFile).
 */
export async function putContent(store: FileStore, area: string, source: Buffer | Readable): Promise<StoredContent> {
  await mkdir(store.spoolDir, { recursive: true });
  const dir = await mkdtemp(path.join(store.spoolDir, 'up-'));
  try {
    const spooled = path.join(dir, 'data');
    const { sha256, size } = await spoolHashed(Buffer.isBuffer(source) ? Readable.from([source]) : source, spooled);
    const storageKey = contentKey(sha256);
    const created = await store.putFile(`${area}/${storageKey}`, spooled, size);
    return { sha256, storageKey, size, created };
  } catch (error) {
    if (NO_SPACE.has((error as NodeJS.ErrnoException).code ?? '')) throw new AppError('STORAGE_FULL');
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Stores bytes in the shared store, then writes the row(s) naming them with `insert`; when that fails, a file this
 * call created is released (removed unless another record meanwhile names the same bytes).
 */
export async function storeThenInsert<T>(ctx: AppContext, data: Buffer | Readable, insert: (sha256: string) => Promise<T>): Promise<T> {
  const store = fileStoreOf(ctx);
  const stored = await putContent(store, 'files', data);
  try {
    return await insert(stored.sha256);
  } catch (error) {
    if (stored.created) await releaseSharedFile(ctx.database.db, store, stored.storageKey).catch(() => undefined);
    throw error;
  }
}
