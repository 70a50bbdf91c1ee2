import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storedPath, storeNewFile } from './attachments';

const dir = mkdtempSync(path.join(tmpdir(), 'lt-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storeNewFile', () => {
  it('stores the bytes under their hash, says whether it created the file, and leaves no temp file', async () => {
    const data = Buffer.from('%PDF-1.4 biên bản');
    const sha = createHash('sha256').update(data).digest('hex');
    expect(await storeNewFile(dir, data)).toEqual({ sha256: sha, created: true });
    expect(await storeNewFile(dir, data)).toEqual({ sha256: sha, created: false });
    expect(readFileSync(storedPath(dir, sha))).toEqual(data);
    expect(readdirSync(path.dirname(storedPath(dir, sha)))).toEqual([sha]);
  });

  it('removes its temp file when the write fails', async () => {
    const data = Buffer.from('tệp không ghi được');
    const sha = createHash('sha256').update(data).digest('hex');
    // The final name is taken by a folder: the temp file is written, then the rename fails.
    const target = storedPath(dir, sha);
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, 'x'), 'x');
    await expect(storeNewFile(dir, data)).rejects.toThrow();
    expect(readdirSync(path.dirname(target))).toEqual([sha]);
  });
});
