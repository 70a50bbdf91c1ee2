import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../../config';
import { AppError } from '../../lib/errors';
import { limitError, limitsOf, refusal } from './limits';
import type { RawRow } from './parse';
import type { ParseAnswer, ParseRequest } from './parseWorker';

/** The server runs TypeScript through tsx; its worker threads load the same way. */
const WORKER_URL = new URL('./parseWorker.ts', import.meta.url);
/** An idle worker is ended after this long (loading exceljs takes a second or two, so workers are kept warm). */
const IDLE_MS = 120_000;

interface ParseWorker {
  worker: Worker;
  tmp: string;
  memoryMb: number;
  idleTimer?: NodeJS.Timeout;
}

let active = 0;
const waiting: Array<() => void> = [];
const idle: ParseWorker[] = [];

async function acquire(max: number): Promise<void> {
  if (active < max) {
    active++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else active--;
}

/** Parses running now and parses waiting for a slot. */
export function parseQueue(): { active: number; waiting: number; idleWorkers: number } {
  return { active, waiting: waiting.length, idleWorkers: idle.length };
}

function spawn(memoryMb: number): ParseWorker {
  // exceljs keeps a sheet that comes before the shared strings in a temp file: each worker has its own folder.
  const tmp = mkdtempSync(path.join(tmpdir(), 'lt-import-'));
  const worker = new Worker(WORKER_URL, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 16 },
  });
  return { worker, tmp, memoryMb };
}

async function end(w: ParseWorker): Promise<void> {
  clearTimeout(w.idleTimer);
  await w.worker.terminate();
  rmSync(w.tmp, { recursive: true, force: true });
}

function park(w: ParseWorker): void {
  w.worker.unref();
  w.idleTimer = setTimeout(() => {
    idle.splice(idle.indexOf(w), 1);
    void end(w);
  }, IDLE_MS).unref();
  idle.push(w);
}

function take(memoryMb: number): ParseWorker {
  const i = idle.findIndex((w) => w.memoryMb === memoryMb);
  const w = i >= 0 ? idle.splice(i, 1)[0] : spawn(memoryMb);
  clearTimeout(w.idleTimer);
  w.worker.ref();
  return w;
}

/**
 * What the worker reads: a file on disk (an upload streamed there by the route, so the event loop never holds it) or
 * bytes in memory (tests, small inputs).
 */
export type FileSource = Buffer | { path: string };

/**
 * The request as posted. Bytes are copied first when they share Node's pool (small buffers), and moved otherwise:
 * structured cloning a 28 MiB upload held the event loop for 0.5 s in a CPU profile (decision 0023).
 */
function message(req: ParseRequest): { req: ParseRequest; transfer: ArrayBuffer[] } {
  if (!req.buffer) return { req, transfer: [] };
  const b = req.buffer;
  const owns = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
  const bytes = owns ? (b as Uint8Array<ArrayBuffer>) : new Uint8Array(b);
  return { req: { ...req, buffer: bytes }, transfer: [bytes.buffer] };
}

/** Sends one file to a worker; the answer, or why the worker stopped (out of memory, out of time). */
function ask(w: ParseWorker, req: ParseRequest, seconds: number): Promise<ParseAnswer | { kind: 'oom' | 'timeout' | 'crashed' }> {
  return new Promise((resolve) => {
    const done = (a: ParseAnswer | { kind: 'oom' | 'timeout' | 'crashed' }) => {
      clearTimeout(timer);
      w.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(a);
    };
    const onMessage = (a: ParseAnswer) => done(a);
    const onError = (e: Error & { code?: string }) => done({ kind: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'oom' : 'crashed' });
    const onExit = () => done({ kind: 'crashed' });
    const timer = setTimeout(() => done({ kind: 'timeout' }), seconds * 1000);
    w.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    const m = message(req);
    w.worker.postMessage(m.req, m.transfer);
  });
}

/**
 * Reads an import file into raw rows in a worker thread with a heap limit, so the event loop keeps answering while
 * it parses. At most IMPORT_PARSE_CONCURRENCY parses run at once; more wait in a queue. A worker that read a file
 * within the limits is kept for the next one; one that refused a file, ran out of memory or of time is ended (and
 * awaited) before the slot is freed, so the memory it used goes back first. A buffer that owns its memory is moved
 * to the worker, not copied: the caller must not use it afterwards.
 */
export async function parseFile(config: Config, fileName: string, source: FileSource): Promise<RawRow[]> {
  await acquire(config.importParseConcurrency);
  const limits = limitsOf(config);
  const memoryMb = config.importWorkerMemoryMb;
  const seconds = config.importParseTimeoutSeconds;
  let w: ParseWorker | undefined;
  try {
    w = take(memoryMb);
    const file = Buffer.isBuffer(source) ? { buffer: source } : { path: source.path };
    const a = await ask(w, { fileName, ...file, limits }, seconds);
    if (a.kind === 'rows') {
      park(w);
      w = undefined;
      return a.rows;
    }
    await end(w);
    w = undefined;
    switch (a.kind) {
      case 'limit':
        throw limitError(fileName, a.limit, limits);
      case 'refused':
        throw new AppError(a.error.code, { params: a.error.params, fields: a.error.fields });
      case 'oom':
        throw refusal(fileName, `${memoryMb} MB bộ nhớ khi đọc tệp`, `${memoryMb} MB of memory while reading`);
      case 'timeout':
        throw refusal(fileName, `${seconds} giây đọc tệp`, `${seconds} seconds of reading`);
      case 'crashed':
        throw new Error('import parse worker stopped');
      default:
        throw new Error(`import parse failed: ${a.message}`);
    }
  } finally {
    if (w) await end(w);
    release();
  }
}

/** Ends the idle parse workers (when the app closes). */
export async function closeParsers(): Promise<void> {
  await Promise.all(idle.splice(0).map(end));
}
