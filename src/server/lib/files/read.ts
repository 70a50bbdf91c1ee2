import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/**
 * A read stream of a stored file, opened before the answer starts: a file missing on disk throws ENOENT here, which
 * the error mapping answers with the app's Vietnamese 404 (and logs as an operations error), not a broken 500.
 */
export async function openStoredFile(filePath: string): Promise<Readable> {
  const handle = await open(filePath, 'r');
  return handle.createReadStream();
}
