import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { type MinutesDocument, renderMinutes } from '../src/server/lib/documents/mau2';
import type { TravelRow } from '../src/server/modules/attendance/repo';
import { writeTravelXlsx } from '../src/server/modules/attendance/travelXlsx';
import { type RollupDocument, renderRollup } from '../src/server/modules/reports/rollupDocx';
import type { RollupRow } from '../src/shared/reports';
import { machineLine, writeSection } from './report';

/**
 * `npm run bench documents`: time and peak memory to build the minutes DOCX (Mẫu 2), a province roll-up DOCX
 * (1,000 schools) and a streamed XLSX of 1,000,000 attendance rows, each through the function its download route
 * uses. Every job runs in its own child process, so its peak RSS is its own: the kernel's high-water mark
 * (VmHWM, reset when the job starts) plus a 10 ms sampler of rss and heap. Time is the median of N runs after warm-up.
 */
const XLSX_ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 1_000_000);

interface JobResult {
  runs: number;
  medianMs: number;
  minMs: number;
  bytes: number;
  baseRssMb: number;
  peakRssMb: number;
  hwmMb: number;
  peakHeapMb: number;
  rows: number;
}

const MB = 2 ** 20;
const NAMES = ['Nguyễn Thị Hồng Nhung', 'Trần Văn Đức', 'Võ Thị Ngọc Hân', 'Huỳnh Minh Khoa', 'Lê Thị Ánh Tuyết', 'Phạm Quốc Bảo'];
const SCHOOLS = ['Trường THCS Tân Thạnh Đông', 'Trường THCS Phú Hòa Đông', 'Trường THCS Nguyễn Văn Xơ', 'Trường THCS Trung Lập'];

/** Locked minutes of a large hybrid meeting: 40 participants, 4 absentees, several rich-text points. */
function minutesFixture(): MinutesDocument {
  const person = (i: number) => ({ name: `${NAMES[i % NAMES.length]} ${i + 1}`, unit: SCHOOLS[i % SCHOOLS.length] });
  const point = (i: number) =>
    `<p>Ý kiến ${i}: tiết dạy đạt mục tiêu; học sinh <strong>tích cực thảo luận</strong> nhóm, <em>phiếu học tập</em> rõ ràng.</p>` +
    '<ul><li>Cần tăng thời gian luyện tập cá nhân.</li><li>Nên chia nhóm bốn học sinh.</li><li>Bổ sung câu hỏi vận dụng.</li></ul>';
  return {
    body: { parent: 'Phòng Giáo dục và Đào tạo huyện Củ Chi', name: 'Trường THCS Tân Thạnh Đông' },
    place: 'Củ Chi',
    scope: 'Huyện Củ Chi - Môn Ngữ văn',
    meetingTitle: 'Chuyên đề đọc hiểu văn bản nghị luận lớp 9',
    startsAt: new Date('2024-10-15T07:30:00+07:00'),
    endsAt: new Date('2024-10-15T11:00:00+07:00'),
    venue: SCHOOLS[0],
    bridgePoints: SCHOOLS.slice(1),
    presenters: [0, 1].map((i) => ({ ...person(i), topic: 'Đọc hiểu văn bản nghị luận' })),
    plannedCount: 44,
    actualCount: 40,
    absentees: [40, 41, 42, 43].map((i) => ({ ...person(i), reason: 'Ốm, có giấy xin phép', excused: i % 2 === 0 })),
    discussion: Array.from({ length: 12 }, (_, i) => point(i + 1)).join(''),
    recommendations: '<p>Đề nghị Phòng tổ chức chuyên đề cấp huyện.</p><ol><li>Tập huấn thiết kế phiếu học tập.</li></ol>',
    secretary: { title: 'Người ghi biên bản', name: NAMES[1] },
    chair: { title: 'Chủ trì', name: NAMES[0] },
    participants: Array.from({ length: 40 }, (_, i) => ({
      ...person(i),
      role: i === 0 ? 'Chủ trì' : i === 1 ? 'Thư ký' : 'Giáo viên',
      signedAt: new Date(Date.UTC(2024, 9, 15, 4, i)),
    })),
    locked: true,
    lockedAt: new Date('2024-10-15T11:05:00+07:00'),
    textHash: 'a'.repeat(64),
  };
}

/** The roll-up of a province department over 1,000 schools, with the flags a real term has. */
function rollupFixture(): RollupDocument {
  const rows: RollupRow[] = Array.from({ length: 1000 }, (_, i) => {
    const missing = i % 17 === 0;
    const held = missing ? 0 : 2 + (i % 5);
    return {
      kind: 'org',
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Trường THCS số ${i + 1} ${SCHOOLS[i % SCHOOLS.length].slice(12)}`,
      unitType: 'school',
      reportId: missing ? null : `r${i}`,
      reportStatus: missing ? null : i % 3 === 0 ? 'submitted' : 'accepted',
      source: i % 3 === 0 ? 'live' : 'snapshot',
      meetingsHeld: held,
      required: 4,
      subjectsBehind: held < 4 ? ['Toán', 'Ngữ văn'] : [],
      quotaHeld: held,
      perSubjectCount: null,
      notCarriedOut: i % 4,
      participants: 20 + (i % 30),
      nonParticipants: i % 3,
      owesReport: true,
      missingReport: missing,
      belowQuota: held < 4,
    };
  });
  const sum = (f: (r: RollupRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    body: { parent: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', name: 'Sở Giáo dục và Đào tạo' },
    place: 'Thành phố Hồ Chí Minh',
    issuedOn: '2025-01-15',
    scope: 'Thành phố Hồ Chí Minh',
    term: 1,
    schoolYear: '2024-2025',
    rows,
    totals: {
      meetingsHeld: sum((r) => r.meetingsHeld),
      notCarriedOut: sum((r) => r.notCarriedOut),
      participants: sum((r) => r.participants),
      nonParticipants: sum((r) => r.nonParticipants),
      owed: rows.length,
      submitted: rows.filter((r) => !r.missingReport).length,
      missing: rows.filter((r) => r.missingReport).length,
      belowQuota: rows.filter((r) => r.belowQuota).length,
    },
    recipients: ['Bộ Giáo dục và Đào tạo (để báo cáo)', 'Lưu: VT'],
    signature: { authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: NAMES[0] },
  };
}

/** 1,000,000 generated attendance rows in batches of 1,000, as the route's keyset pages would deliver them. */
async function* generatedRows(total: number): AsyncGenerator<TravelRow[]> {
  for (let start = 0; start < total; start += 1000) {
    const batch: TravelRow[] = [];
    for (let i = start; i < Math.min(total, start + 1000); i++) {
      const meeting = Math.floor(i / 40);
      batch.push({
        fullName: `${NAMES[i % NAMES.length]} ${i % 997}`,
        unitName: SCHOOLS[i % SCHOOLS.length],
        meetingTitle: `Chuyên đề sinh hoạt chuyên môn số ${meeting + 1}`,
        startsAt: `2025-${String(1 + (meeting % 12)).padStart(2, '0')}-${String(1 + (meeting % 28)).padStart(2, '0')}`,
        hostName: SCHOOLS[meeting % SCHOOLS.length],
        venueName: i % 5 === 0 ? 'Điểm cầu Tân Thạnh Tây' : null,
        status: i % 9 === 0 ? 'late' : 'present',
      });
    }
    yield batch;
  }
}

/** Resets the kernel's RSS high-water mark of this process (Linux: "5" into clear_refs); elsewhere nothing. */
function resetHwm(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the mark then includes start-up
  }
}

function hwmMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+)/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

interface Manifest {
  databaseUrl: string;
  schoolYear: { id: string };
  samples: { province: { orgId: string; specialist: { personId: string } } };
  counts: { schools: number; attendance: number };
}

const MANIFEST = process.env.BENCH_MANIFEST ?? '/tmp/lt-bench/M.json';
const manifest = (() => {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  } catch {
    return null;
  }
})();

type Job = { warm: number; runs: number; once: () => Promise<number> };
const FROM = '2025-08-01';
const TO = '2026-07-31';
/** Rows written by the last XLSX job (reported with its result). */
let rowCount = 0;

/**
 * The two province documents through the route's own code on the generated database (read only): the roll-up
 * document of the province for term 1 (rollupDocument + renderRollup), and the travel XLSX of the whole province over
 * the school year (travelWorkbook: keyset pages of meetings, streamed), as the province's specialist.
 */
async function dbJobs(m: Manifest, dir: string): Promise<Record<string, Job>> {
  const { sql } = await import('drizzle-orm');
  const { openDatabase, queryRows } = await import('../src/server/db/client');
  const { loadActor } = await import('../src/server/lib/actor');
  const { rollupDocument } = await import('../src/server/modules/reports/documents');
  const { travelWorkbook } = await import('../src/server/modules/attendance/travel');
  const { pipeline } = await import('node:stream/promises');
  const { db } = await openDatabase({ databaseUrl: m.databaseUrl, dataDir: '' });
  const personId = m.samples.province.specialist.personId;
  const [account] = await queryRows<{ id: string; fullName: string; isAdmin: boolean }>(
    db,
    sql`select a.id, p.full_name as "fullName", a.is_admin as "isAdmin" from accounts a join people p on p.id = a.person_id
        where a.person_id = ${personId}`,
  );
  const actor = await loadActor(db, { accountId: account.id, personId, fullName: account.fullName, isAdmin: account.isAdmin });
  const orgId = m.samples.province.orgId;
  return {
    rollupDb: {
      warm: 1,
      runs: 3,
      once: async () =>
        (await renderRollup(await rollupDocument(db, actor, { orgId, schoolYearId: m.schoolYear.id, termNumber: 1 }))).length,
    },
    xlsxDb: {
      warm: 0,
      runs: 1,
      once: async () => {
        const file = path.join(dir, 'travel-db.xlsx');
        await pipeline(await travelWorkbook(db, actor, { from: FROM, to: TO, orgId }), createWriteStream(file));
        // The rows the file holds, counted apart (the export's own query, summed): for the table.
        const [c] = await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from attendance a join meetings m on m.id = a.meeting_id
              where a.status in ('present', 'late') and m.starts_at >= ${FROM}::date - interval '7 hours'
                and m.starts_at < ${TO}::date + interval '17 hours'`,
        );
        rowCount = c.n;
        return statSync(file).size;
      },
    },
  };
}

/** Child side: runs one job `runs` times after `warm` warm-ups while a 10 ms timer samples rss and heap. */
async function runJob(name: string): Promise<JobResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lt-bench-docs-'));
  const jobs: Record<string, Job> = {
    minutes: { warm: 5, runs: 30, once: async () => (await renderMinutes(minutesFixture())).length },
    rollup: { warm: 2, runs: 10, once: async () => (await renderRollup(rollupFixture())).length },
    xlsx: {
      warm: 0,
      runs: 1,
      once: async () => {
        rowCount = XLSX_ROWS;
        const file = path.join(dir, 'travel.xlsx');
        const out = createWriteStream(file);
        await writeTravelXlsx(out, generatedRows(XLSX_ROWS));
        await finished(out);
        return statSync(file).size;
      },
    },
  };
  if (name.endsWith('Db')) {
    if (!manifest) throw new Error(`no manifest at ${MANIFEST}`);
    Object.assign(jobs, await dbJobs(manifest, dir));
  }
  const job = jobs[name];
  if (!job) throw new Error(`unknown job ${name}`);
  globalThis.gc?.();
  // The high-water mark counts from here: loading the modules (tsx compiling, drizzle, pg, docx …) peaks well above
  // what stays resident (≈ 335 MB against 270 MB for the database jobs), and that peak is start-up, not the job.
  resetHwm();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  let bytes = 0;
  for (let i = 0; i < job.warm; i++) await job.once();
  const times: number[] = [];
  for (let i = 0; i < job.runs; i++) {
    const t = performance.now();
    bytes = await job.once();
    times.push(performance.now() - t);
    // A timer turn between runs, so the sampler also sees jobs that never leave the microtask queue.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return {
    runs: job.runs,
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
    bytes,
    baseRssMb: baseRss / MB,
    peakRssMb: peakRss / MB,
    hwmMb: hwmMb(),
    peakHeapMb: peakHeap / MB,
    rows: rowCount,
  };
}

const jobArg = process.argv.indexOf('--job');
if (jobArg > 0) {
  const result = await runJob(process.argv[jobArg + 1]);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

/** Parent side: one child process per job. */
function child(name: string): JobResult {
  const r = spawnSync(
    process.execPath,
    [
      // As the server runs (decision 0021).
      '--max-semi-space-size=32',
      '--import',
      'tsx',
      '--expose-gc',
      import.meta.filename,
      '--job',
      name,
    ],
    {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 16 * MB,
    },
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) throw new Error(`job ${name} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(line.slice(7)) as JobResult;
}

const f1 = (n: number) => n.toFixed(1);
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const minutes = child('minutes');
console.log('minutes', minutes);
const rollup = child('rollup');
console.log('rollup', rollup);
const xlsx = child('xlsx');
console.log('xlsx', xlsx);
const peakOf = (r: JobResult) => Math.max(r.hwmMb, r.peakRssMb);
// On the generated database (bench/generate), when its manifest is there: the routes' own code end to end.
const onDb = manifest && process.env.BENCH_DOCUMENTS_DB !== '0' ? { rollup: child('rollupDb'), xlsx: child('xlsxDb') } : null;
if (onDb) console.log('on the database', onDb);
const row = (name: string, r: JobResult, time: string, target: string, ok: string) =>
  `| ${name} | ${r.runs} | ${time} | ${r.runs > 1 ? `${f1(r.minMs)} ms` : ''} | ${f1(r.bytes / 1024)} KB | ${f1(r.baseRssMb)} MB | ${f1(peakOf(r))} MB | ${f1(r.peakHeapMb)} MB | ${target} | ${ok} |`;
const dbRows = onDb
  ? `${row(`province roll-up DOCX from the database: \`rollupDocument\` + \`renderRollup\`, ${manifest?.counts.schools.toLocaleString('en')}-school province, term 1`, onDb.rollup, `${f1(onDb.rollup.medianMs)} ms`, '(none)', '')}
${row(`travel XLSX of the province from the database: \`travelWorkbook\`, ${onDb.xlsx.rows.toLocaleString('en')} rows, school year`, onDb.xlsx, `${f1(onDb.xlsx.medianMs / 1000)} s`, 'peak < 300 MB', mark(peakOf(onDb.xlsx) < 300))}
`
  : '';

const md = `## Documents

${machineLine(`${XLSX_ROWS.toLocaleString('en')} XLSX rows`)}

Each job in its own process (\`node --expose-gc\` with tsx and the server's \`--max-semi-space-size=32\`, decision 0021); peak RSS is the kernel's high-water mark of that
process from the job's start (reset through \`/proc/self/clear_refs\` once the modules are loaded, so it still includes
Node, tsx and the loaded modules, but not the transient peak of loading them: "base" is the RSS before the job); time
is the median of the runs after warm-up. Inputs are built in memory and passed to the same functions the download routes call
(\`renderMinutes\`, \`renderRollup\`, \`writeTravelXlsx\`, the last fed 1,000-row batches as the route's keyset pages
deliver them, written to a file).

| document | runs | median | min | size | base RSS | peak RSS | peak heap | target | |
|---|---:|---:|---:|---:|---:|---:|---:|---|---|
| minutes DOCX (Mẫu 2, 40 participants, 12 rich-text points) | ${minutes.runs} | ${f1(minutes.medianMs)} ms | ${f1(minutes.minMs)} ms | ${f1(minutes.bytes / 1024)} KB | ${f1(minutes.baseRssMb)} MB | ${f1(peakOf(minutes))} MB | ${f1(minutes.peakHeapMb)} MB | < 200 ms | ${mark(minutes.medianMs < 200)} |
| province roll-up DOCX (1,000 schools) | ${rollup.runs} | ${f1(rollup.medianMs)} ms | ${f1(rollup.minMs)} ms | ${f1(rollup.bytes / 1024)} KB | ${f1(rollup.baseRssMb)} MB | ${f1(peakOf(rollup))} MB | ${f1(rollup.peakHeapMb)} MB | (none) | |
| travel XLSX, ${XLSX_ROWS.toLocaleString('en')} rows streamed | ${xlsx.runs} | ${f1(xlsx.medianMs / 1000)} s | | ${f1(xlsx.bytes / MB)} MB | ${f1(xlsx.baseRssMb)} MB | ${f1(peakOf(xlsx))} MB | ${f1(xlsx.peakHeapMb)} MB | peak < 300 MB | ${mark(peakOf(xlsx) < 300)} |
${dbRows}
The last rows (when \`${MANIFEST}\` exists, read only) time the routes' code on PostgreSQL, queries included; their
base RSS holds the whole server's modules. The in-memory roll-up has one row per school; the province's own roll-up
lists its direct units (communes), so its file is smaller and its time is mostly the roll-up's SQL.
`;
writeSection('documents', md);
console.log(md);
