import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppProcess, sleep } from './app';
import { writeBigStaffXlsx } from './bigXlsx';
import { startHealthProber } from './healthProbe';
import { percentile, User, vietnameseError } from './http';
import type { Result } from './result';

/** Rows of the file of finding 5 of issue 14 (a 20 MB XLSX of 1.7 M rows froze the app for 48 s). */
const ROWS = 1_700_000;
/** /api/health must answer within this while the big files are read. */
const HEALTH_MAX_MS = 200;

export interface ImportSetup {
  admin: { email: string; password: string };
  work: string;
  databaseUrl: string;
  port: number;
  logDir: string;
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function upload(user: User, data: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const a = await user.send('POST', '/api/imports?kind=staff', form, 120_000);
  let message = a.body.slice(0, 160);
  try {
    message = (JSON.parse(a.body) as { message: string }).message;
  } catch {
    /* not JSON: shown raw */
  }
  return { ...a, message };
}

/**
 * Scenario e: the 1.7 M-row staff XLSX of finding 5, with the real import limits, on an app process whose upload
 * limit lets the file in (40 MiB). One upload, then two at once, then four at once: each must be refused with a 413
 * and a Vietnamese message within seconds, while /api/health, asked every 50 ms throughout, answers every time in
 * under 200 ms; the memory the parse used must go back. A small valid file is accepted right after.
 */
export async function bigImport(s: ImportSetup): Promise<Result> {
  const lines: string[] = [];
  const file = path.join(s.work, 'can-bo-ca-tinh.xlsx');
  const t0 = Date.now();
  const size = await writeBigStaffXlsx(file, ROWS);
  lines.push(
    `tệp: ${ROWS.toLocaleString('vi-VN')} dòng, ${(size / 1_048_576).toFixed(1)} MiB (tạo trong ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const data = readFileSync(file);
  const app = new AppProcess('app-import', s.port, { DATABASE_URL: s.databaseUrl, UPLOAD_LIMIT_BYTES: String(40 * 1_048_576) }, s.logDir);
  await app.start();
  let pass = true;
  try {
    const user = new User(app.base, s.admin.email, '');
    await user.login(s.admin.password);
    // Warm-up: one small file, so the parse worker is running (loading exceljs takes a second or two).
    const small = await upload(user, Buffer.from('Họ và tên,Email,Mã đơn vị,Chức vụ\nA,a-resilience@x.vn,THCS-TTD,Giáo viên\n'), 'nho.csv');
    await sleep(1000);
    const rssBefore = rssMb(app.pid);
    let rssPeak = rssBefore;
    // Health is probed from a process of its own (healthProbe.ts); memory is sampled here.
    const prober = startHealthProber(app.base);
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        rssPeak = Math.max(rssPeak, rssMb(app.pid));
        await sleep(100);
      }
    })();
    const rounds: string[] = [];
    for (const n of [1, 2, 4]) {
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: n }, (_, i) => upload(user, data, `can-bo-ca-tinh-${n}-${i}.xlsx`)));
      const slowest = ((Date.now() - started) / 1000).toFixed(1);
      const ok = answers.every((a) => a.status === 413 && vietnameseError(a.body));
      pass &&= ok;
      rounds.push(`${n} tệp cùng lúc: ${answers.map((a) => a.status || a.error).join(', ')} sau ${slowest} s`);
      if (n === 1) lines.push(`câu trả lời: «${answers[0].message}»`);
    }
    await sleep(3000);
    sampling = false;
    await sampler;
    const probes = await prober.stop();
    const health = probes.map((p) => p.ms);
    const healthFailures = probes.filter((p) => p.status !== 200).length;
    const rssAfter = rssMb(app.pid);
    const after = await upload(
      user,
      Buffer.from('Họ và tên,Email,Mã đơn vị,Chức vụ\nB,b-resilience@x.vn,THCS-TTD,Giáo viên\n'),
      'nho-2.csv',
    );
    const max = Math.max(...health);
    pass &&= healthFailures === 0 && max < HEALTH_MAX_MS && small.status === 202 && after.status === 202;
    lines.push(...rounds);
    lines.push(
      `/api/health mỗi 50 ms, đo từ một tiến trình riêng, trong suốt lúc đọc (${health.length} lần): lỗi ${healthFailures}, p50 ${percentile(health, 50).toFixed(0)} ms, p99 ${percentile(health, 99).toFixed(0)} ms, tối đa ${max.toFixed(0)} ms (ngưỡng ${HEALTH_MAX_MS} ms)`,
    );
    lines.push(`RSS của ứng dụng: ${rssBefore} MB trước, cao nhất ${rssPeak} MB, ${rssAfter} MB 3 s sau lần từ chối cuối`);
    lines.push(`tệp CSV nhỏ trước và sau: ${small.status || small.error}, ${after.status || after.error}`);
  } finally {
    await app.kill('SIGTERM');
  }
  return { name: 'e. Nhập một tệp 1,7 triệu dòng (phát hiện 5 của issue 14)', pass, lines };
}
