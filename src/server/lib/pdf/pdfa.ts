import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../errors';

/**
 * DOCX → PDF/A-2b through LibreOffice headless (decision 0032), in a child process with a timeout. At most
 * PDF_CONVERT_CONCURRENCY conversions run at once (each with its own LibreOffice profile, since two soffice processes
 * cannot share one); the others wait in a queue. LibreOffice embeds every font (Times New Roman is Debian's Liberation
 * Serif), writes the XMP with pdfaid:part=2 conformance=B, an sRGB output intent and the document ID.
 */

const SOFFICE = process.env.SOFFICE_PATH || 'soffice';
const TIMEOUT_MS = 120_000;
const FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}';

let available: boolean | undefined;

/** Whether LibreOffice can be started (checked once). */
export async function hasLibreOffice(): Promise<boolean> {
  available ??= await new Promise<boolean>((resolve) => execFile(SOFFICE, ['--version'], { timeout: 30_000 }, (err) => resolve(!err)));
  return available;
}

const noConverter = () => new AppError('PDF_UNAVAILABLE', { params: { message: 'Máy chủ chưa cài LibreOffice: chưa tạo được PDF' } });

const limit = Math.max(1, Number.parseInt(process.env.PDF_CONVERT_CONCURRENCY ?? '2', 10) || 2);
const freeSlots: number[] = Array.from({ length: limit }, (_, i) => i);
const waiting: Array<(slot: number) => void> = [];

async function withSlot<T>(fn: (slot: number) => Promise<T>): Promise<T> {
  const slot = freeSlots.pop() ?? (await new Promise<number>((resolve) => waiting.push(resolve)));
  try {
    return await fn(slot);
  } finally {
    const next = waiting.shift();
    if (next) next(slot);
    else freeSlots.push(slot);
  }
}

const root = path.join(tmpdir(), `lt-pdfa-${process.pid}`);

/** Converts a DOCX to PDF/A-2b; 503 with a Vietnamese message when LibreOffice is missing or fails. */
export async function docxToPdfA(docx: Buffer): Promise<Buffer> {
  if (!(await hasLibreOffice())) throw noConverter();
  return withSlot(async (slot) => {
    await mkdir(root, { recursive: true });
    const dir = await mkdtemp(path.join(root, 'job-'));
    try {
      const input = path.join(dir, 'document.docx');
      await writeFile(input, docx);
      const profile = `file://${path.join(root, `profile-${slot}`)}`;
      await new Promise<void>((resolve, reject) =>
        execFile(
          SOFFICE,
          [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', FILTER, '--outdir', dir, input],
          { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
      return await readFile(path.join(dir, 'document.pdf'));
    } catch {
      throw new AppError('PDF_UNAVAILABLE', { params: { message: 'Chưa chuyển được tài liệu sang PDF, vui lòng thử lại sau' } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
