import type { MultipartFile } from '@fastify/multipart';
import { describe, expect, it } from 'vitest';
import { readWithinLimit } from './upload';

/** A multipart file as the plugin hands it over: toBuffer() resolved, and the stream's truncated flag. */
function part(data: Buffer, truncated: boolean): MultipartFile {
  return { toBuffer: async () => data, file: { truncated } } as unknown as MultipartFile;
}

describe('readWithinLimit', () => {
  it('returns the bytes of a complete file', async () => {
    await expect(readWithinLimit(part(Buffer.from('abc'), false))).resolves.toEqual(Buffer.from('abc'));
  });

  it('refuses a file the plugin cut at the size limit even when toBuffer() resolved, with the plugin code (413)', async () => {
    await expect(readWithinLimit(part(Buffer.alloc(10), true))).rejects.toMatchObject({ code: 'FST_REQ_FILE_TOO_LARGE', statusCode: 413 });
  });
});
