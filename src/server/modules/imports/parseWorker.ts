import { readlinkSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../lib/errors';
import { type ImportLimits, type LimitKind, LimitReached } from './limits';
import { type RawRow, readFile as readRows } from './parse';

/** What the parse worker is given, one file at a time. */
export interface ParseRequest {
  fileName: string;
  /** The bytes, or the path of a file the worker reads itself (an upload streamed to disk). */
  buffer?: Uint8Array;
  path?: string;
  limits: ImportLimits;
}

/** What the parse worker answers: the rows, a limit reached, a refusal of the file, or an unexpected failure. */
export type ParseAnswer =
  | { kind: 'rows'; rows: RawRow[] }
  | { kind: 'limit'; limit: LimitKind }
  | { kind: 'refused'; error: Pick<AppError, 'code' | 'params' | 'fields'> }
  | { kind: 'failed'; message: string };

async function readBytes(file: string | undefined): Promise<Buffer> {
  if (!file) throw new Error('parse request without a file');
  return readFile(file);
}

async function answer(req: ParseRequest): Promise<ParseAnswer> {
  try {
    const buffer = req.buffer ? Buffer.from(req.buffer.buffer, req.buffer.byteOffset, req.buffer.byteLength) : await readBytes(req.path);
    return { kind: 'rows', rows: await readRows(req.fileName, buffer, req.limits) };
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

/**
 * Linux schedules threads one by one: this thread is put at a lower priority (nice 10) than the event loop, so a
 * parse takes the cores only while the loop does not need them (/api/health stayed under 100 ms with four big files
 * read on two cores, resilience scenario e). Elsewhere, or when refused, the thread keeps the process's priority.
 */
function yieldToEventLoop(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    /* not Linux, or not allowed: the same priority as the event loop */
  }
}

yieldToEventLoop();

parentPort?.on('message', async (req: ParseRequest) => {
  const a = await answer(req);
  await emptyTmp();
  parentPort?.postMessage(a);
});
