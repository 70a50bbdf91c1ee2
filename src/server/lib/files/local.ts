import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { type ByteRange, checkKey, type FileStore, missingFile } from './store';

/** Files under DATA_DIR (the default: nothing to set up). Writes go to a temp name, are fsynced, then renamed. */
export class LocalFileStore implements FileStore {
  readonly kind = 'local';
  readonly spoolDir: string;
  constructor(private readonly root: string) {
    this.spoolDir = path.join(root, '.incoming');
  }

  private path(key: string): string {
    return path.join(this.root, checkKey(key));
  }

  async init(): Promise<void> {
    await mkdir(this.spoolDir, { recursive: true });
  }

  async putFile(key: string, file: string, size: number): Promise<boolean> {
    const target = this.path(key);
    if ((await this.stat(key))?.size === size) return false;
    await mkdir(path.dirname(target), { recursive: true });
    const handle = await open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await rename(file, temp).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV') throw error;
        await copyFile(file, temp);
      });
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true }).catch(() => undefined);
    }
    return true;
  }

  async putBytes(key: string, data: Buffer): Promise<void> {
    const target = this.path(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, data, { flush: true });
    await rename(temp, target);
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    // Opened before the answer starts: a missing file throws ENOENT here, answered with the app's 404.
    const handle = await open(this.path(key), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? missingFile(key) : error;
    });
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async stat(key: string): Promise<{ size: number } | null> {
    const s = await stat(this.path(key)).catch(() => null);
    return s?.isFile() ? { size: s.size } : null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number }> {
    const top = prefix.split('/')[0];
    const dir = path.join(this.root, top);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile() || e.name.endsWith('.tmp')) continue;
      const full = path.join(e.parentPath, e.name);
      const key = path.relative(this.root, full).split(path.sep).join('/');
      if (key.startsWith(prefix)) yield { key, size: (await stat(full)).size };
    }
  }
}
