import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import { describe, expect, it } from 'vitest';
import { readWithinLimit, saveWithinLimit } from './upload';

/** A multipart file as the plugin hands it over: toBuffer() resolved, and the stream's truncated flag. */
function part(data: Buffer, truncated: boolean): MultipartFile {
  return { toBuffer: async () => data, file: { truncated } } as unknown as MultipartFile;
}

/** A multipart file whose stream gives its bytes in chunks, as busboy does, and ends with the truncated flag set. */
function streamed(chunks: Buffer[], truncated: boolean): MultipartFile {
  const file = Object.assign(Readable.from(chunks), { truncated });
  return { file } as unknown as MultipartFile;
}

describe('readWithinLimit', () => {
  it('returns the bytes of a complete file', async () => {
    await expect(readWithinLimit(part(Buffer.from('abc'), false))).resolves.toEqual(Buffer.from('abc'));
  });

  it('refuses a file the plugin cut at the size limit even when toBuffer() resolved, with the plugin code (413)', async () => {
    await expect(readWithinLimit(part(Buffer.alloc(10), true))).rejects.toMatchObject({ code: 'FST_REQ_FILE_TOO_LARGE', statusCode: 413 });
  });
});

describe('saveWithinLimit', () => {
  it('writes the chunks of a complete file to a temporary file, removed with its folder afterwards', async () => {
    const saved = await saveWithinLimit(streamed([Buffer.from('Họ và tên,'), Buffer.from('Email\n')], false));
    expect(readFileSync(saved.path, 'utf8')).toBe('Họ và tên,Email\n');
    await saved.remove();
    expect(existsSync(path.dirname(saved.path))).toBe(false);
  });

  it('refuses a file cut at the size limit with the plugin code (413) and leaves no temporary file', async () => {
    const before = new Set(readdirSync(tmpdir()));
    await expect(saveWithinLimit(streamed([Buffer.alloc(10)], true))).rejects.toMatchObject({
      code: 'FST_REQ_FILE_TOO_LARGE',
      statusCode: 413,
    });
    const left = readdirSync(tmpdir()).filter((n) => n.startsWith('lt-upload-') && !before.has(n));
    expect(left).toEqual([]);
  });
});
