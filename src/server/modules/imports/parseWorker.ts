import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../lib/errors';
import { type ImportLimits, type LimitKind, LimitReached } from './limits';
import { type RawRow, readFile } from './parse';

/** What the parse worker is given, one file at a time. */
export interface ParseRequest {
  fileName: string;
  buffer: Uint8Array;
  limits: ImportLimits;
}

/** What the parse worker answers: the rows, a limit reached, a refusal of the file, or an unexpected failure. */
export type ParseAnswer =
  | { kind: 'rows'; rows: RawRow[] }
  | { kind: 'limit'; limit: LimitKind }
  | { kind: 'refused'; error: Pick<AppError, 'code' | 'params' | 'fields'> }
  | { kind: 'failed'; message: string };

async function answer(req: ParseRequest): Promise<ParseAnswer> {
  try {
    const buffer = Buffer.from(req.buffer.buffer, req.buffer.byteOffset, req.buffer.byteLength);
    return { kind: 'rows', rows: await readFile(req.fileName, buffer, req.limits) };
  } catch (error) {
    if (error instanceof LimitReached) return { kind: 'limit', limit: error.kind };
    if (error instanceof AppError) return { kind: 'refused', error: { code: error.code, params: error.params, fields: error.fields } };
    return { kind: 'failed', message: String((error as Error).stack ?? error) };
  }
}

/** exceljs leaves the temp file of a sheet it stopped reading; the worker's own temp folder is emptied after each file. */
async function emptyTmp(): Promise<void> {
  const dir = tmpdir();
  const names = await readdir(dir).catch(() => []);
  await Promise.all(names.map((n) => rm(path.join(dir, n), { recursive: true, force: true })));
}

parentPort?.on('message', async (req: ParseRequest) => {
  const a = await answer(req);
  await emptyTmp();
  parentPort?.postMessage(a);
});
