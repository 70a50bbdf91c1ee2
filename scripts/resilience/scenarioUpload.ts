import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../src/server/db/client';
import { AppProcess } from './app';
import { User, vietnameseError } from './http';
import type { Result } from './result';

/** A PDF of the given size (a PDF header, then padding): passes the app's type check. */
function pdf(bytes: number, seed: string): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${seed}\n`, 'latin1');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), 0x20)]);
}

/** Every file (temp files included) under a folder, relative paths. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function upload(user: User, meetingId: string, data: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), name);
  return user.send('POST', `/api/meetings/${meetingId}/attachments`, form);
}

async function attachmentCount(db: Executor, meetingId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from attachments where meeting_id = ${meetingId}`);
  return row.n;
}

export interface UploadSetup {
  db: Executor;
  app: AppProcess;
  dataDir: string;
  limitBytes: number;
  uploader: { email: string; personId: string; password: string };
  meetingId: string;
  work: string;
  databaseUrl: string;
  port: number;
  logDir: string;
}

/**
 * Scenario d: an upload over UPLOAD_LIMIT_BYTES gets a 413 with a Vietnamese message and leaves no file and no row;
 * an upload onto a full disk (a second app process whose DATA_DIR is a 1 MiB tmpfs) gets a 507 with a Vietnamese
 * message, leaves no file (not even a temp file) and no row, and a small upload right after still works.
 */
export async function uploads(s: UploadSetup): Promise<Result> {
  const lines: string[] = [];
  let pass = true;
  const user = new User(s.app.base, s.uploader.email, s.uploader.personId);
  await user.login(s.uploader.password);

  const filesBefore = filesUnder(path.join(s.dataDir, 'files'));
  const rowsBefore = await attachmentCount(s.db, s.meetingId);
  // Several attempts: whether the multipart parser cuts the file before or after the app reads the last chunk
  // depends on timing, and both orders must end in a 413.
  const attempts: Array<{ status: number | string; message: string }> = [];
  for (let i = 0; i < 3; i++) {
    const big = await upload(user, s.meetingId, pdf(s.limitBytes + 1_048_576, `qua-lon-${i}`), 'tai-lieu-qua-lon.pdf');
    let message = big.body.slice(0, 120);
    try {
      message = (JSON.parse(big.body) as { message: string }).message;
    } catch {
      /* not JSON: shown raw */
    }
    attempts.push({ status: big.status === 413 && vietnameseError(big.body) ? 413 : big.status || (big.error ?? 0), message });
  }
  const bigClean =
    filesUnder(path.join(s.dataDir, 'files')).join() === filesBefore.join() && (await attachmentCount(s.db, s.meetingId)) === rowsBefore;
  pass &&= attempts.every((a) => a.status === 413) && bigClean;
  lines.push(
    `3 lần tải tệp ${((s.limitBytes + 1_048_576) / 1_048_576).toFixed(0)} MiB > giới hạn ${(s.limitBytes / 1_048_576).toFixed(0)} MiB: ${attempts.map((a) => a.status).join(', ')} «${attempts[0].message}» · không để lại tệp/bản ghi: ${bigClean ? 'đúng' : 'sai'}`,
  );

  // Full disk: a 1 MiB tmpfs as DATA_DIR of a second app process on the same database.
  const mount = path.join(s.work, 'full-disk');
  mkdirSync(mount, { recursive: true });
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    lines.push(`không tạo được tmpfs 1 MiB (${(error as Error).message.split('\n')[0]}): phần đĩa đầy không chạy được`);
    return { name: 'd. Tệp quá lớn và đĩa đầy', pass: false, lines };
  }
  const full = new AppProcess(
    'app-full-disk',
    s.port,
    { DATABASE_URL: s.databaseUrl, DATA_DIR: mount, UPLOAD_LIMIT_BYTES: String(s.limitBytes) },
    s.logDir,
  );
  try {
    await full.start();
    const u2 = new User(full.base, s.uploader.email, s.uploader.personId);
    await u2.login(s.uploader.password);
    const rows0 = await attachmentCount(s.db, s.meetingId);
    const data = pdf(1_572_864, 'dia-day');
    const res = await upload(u2, s.meetingId, data, 'bien-ban-dia-day.pdf');
    const left = filesUnder(path.join(mount, 'files'));
    const rows1 = await attachmentCount(s.db, s.meetingId);
    let message = res.body.slice(0, 160);
    try {
      message = (JSON.parse(res.body) as { message: string }).message;
    } catch {
      /* not JSON: shown raw */
    }
    const fullOk = res.status === 507 && vietnameseError(res.body) && left.length === 0 && rows1 === rows0;
    pass &&= fullOk;
    lines.push(
      `đĩa đầy (tmpfs 1 MiB, tệp 1,5 MiB): ${res.status || res.error} «${message}» · tệp còn lại trong files/: ${left.length} · bản ghi mới: ${rows1 - rows0}`,
    );
    const small = pdf(20_000, 'nho');
    const ok = await upload(u2, s.meetingId, small, 'tep-nho.pdf');
    const sha = createHash('sha256').update(small).digest('hex');
    const stored = path.join(mount, 'files', sha.slice(0, 2), sha);
    const intact = existsSync(stored) && createHash('sha256').update(readFileSync(stored)).digest('hex') === sha;
    pass &&= ok.status === 201 && intact;
    lines.push(`ngay sau đó tệp nhỏ 20 KB: ${ok.status || ok.error}, lưu đúng nội dung: ${intact ? 'đúng' : 'sai'}`);
  } finally {
    await full.kill('SIGTERM');
    if (mounted) execFileSync('umount', [mount]);
  }
  return { name: 'd. Tệp quá lớn và đĩa đầy', pass, lines };
}
