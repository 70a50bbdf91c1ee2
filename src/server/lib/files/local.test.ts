import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { putContent } from './content';
import { LocalFileStore } from './local';

const dir = mkdtempSync(path.join(tmpdir(), 'lt-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = new LocalFileStore(dir);
const storedPath = (sha: string) => path.join(dir, 'files', sha.slice(0, 2), sha);

describe('LocalFileStore', () => {
  it('stores the bytes under their hash, says whether it created the file, and leaves no temp file', async () => {
    const data = Buffer.from('%PDF-1.4 biên bản');
    const sha = createHash('sha256').update(data).digest('hex');
    const expected = { sha256: sha, storageKey: `${sha.slice(0, 2)}/${sha}`, size: data.length };
    expect(await putContent(store, 'files', data)).toEqual({ ...expected, created: true });
    expect(await putContent(store, 'files', data)).toEqual({ ...expected, created: false });
    expect(readFileSync(storedPath(sha))).toEqual(data);
    expect(readdirSync(path.dirname(storedPath(sha)))).toEqual([sha]);
    expect(readdirSync(store.spoolDir)).toEqual([]);
  });

  it('removes its temp file when the write fails', async () => {
    const data = Buffer.from('tệp không ghi được');
    const sha = createHash('sha256').update(data).digest('hex');
    // The final name is taken by a folder: the temp file is written, then the rename fails.
    const target = storedPath(sha);
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, 'x'), 'x');
    await expect(putContent(store, 'files', data)).rejects.toThrow();
    expect(readdirSync(path.dirname(target))).toEqual([sha]);
    expect(readdirSync(store.spoolDir)).toEqual([]);
  });

  it('reads ranges, reports a missing file as ENOENT and refuses keys leaving the folder', async () => {
    await store.putBytes('private/observations/m/n', Buffer.from('0123456789'));
    expect((await buffer(await store.get('private/observations/m/n', { start: 2, end: 5 }))).toString()).toBe('2345');
    await expect(store.get('files/zz/none')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.stat('files/zz/none')).toBeNull();
    await expect(store.get('files/../../etc/passwd')).rejects.toThrow('invalid storage key');
  });
});
