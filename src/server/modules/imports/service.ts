import type { FastifyBaseLogger } from 'fastify';
import type { ImportJob } from '../../../shared/types';
import type { Actor } from '../../lib/actor';
import type { AppContext } from '../../lib/context';
import { todayIso } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import { inTransaction } from '../../lib/tx';
import { columnsOf, type ImportKind } from './columns';
import { checkOrgs } from './orgsCheck';
import { type ImportSummary, writeOrgs } from './orgsWrite';
import { type SheetRow, toSheetRows } from './parse';
import { type FileSource, parseFile } from './parsePool';
import { authorize } from './policy';
import type { RowError } from './problems';
import * as repo from './repo';
import { checkStaff } from './staffCheck';
import { writeStaff } from './staffWrite';

/** Progress of jobs running in this process (PGlite cannot write it to the database while the import transaction is open). */
const live = new Map<string, { status: ImportJob['status']; processed: number }>();
/** A job running longer than this is taken as abandoned (10,000 rows take seconds). */
const ABANDONED_AFTER_MS = 30 * 60_000;
/** Jobs running in this process, awaited when the app closes. */
const running = new Set<Promise<void>>();

/** Shapes a stored job (with live progress when it runs here) for the API. */
export function toImportJob(row: repo.ImportJobRow): ImportJob {
  const l = live.get(row.id);
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.fileName,
    status: l?.status ?? (row.status as ImportJob['status']),
    total: row.total,
    processed: l?.processed ?? row.processed,
    errors: row.errors as RowError[],
    summary: (row.summary as ImportSummary | null) ?? null,
  };
}

/** Checks the file, creates the job and starts the import in the background; answers at once. */
export async function start(
  ctx: AppContext,
  log: FastifyBaseLogger,
  actor: Actor,
  kind: ImportKind,
  fileName: string,
  source: FileSource,
): Promise<ImportJob> {
  authorize(actor, 'import', { kind });
  const sheet = toSheetRows(await parseFile(ctx.config, fileName, source), columnsOf(kind), fileName);
  const job = await repo.insertJob(ctx.database.db, { kind, fileName, total: sheet.length, accountId: actor.accountId });
  live.set(job.id, { status: 'validating', processed: 0 });
  const p = run(ctx, log, actor, kind, job.id, sheet).finally(() => {
    live.delete(job.id);
    running.delete(p);
  });
  running.add(p);
  return toImportJob(job);
}

/** Waits for the jobs running in this process (on shutdown). */
export async function drain(): Promise<void> {
  await Promise.allSettled([...running]);
}

async function run(
  ctx: AppContext,
  log: FastifyBaseLogger,
  actor: Actor,
  kind: ImportKind,
  jobId: string,
  sheet: SheetRow[],
): Promise<void> {
  const db = ctx.database.db;
  const started = Date.now();
  const today = todayIso();
  const validating = async (n: number) => {
    live.set(jobId, { status: 'validating', processed: n });
    await repo.updateJob(db, jobId, { status: 'validating', processed: n });
  };
  try {
    const checked =
      kind === 'orgs' ? await checkOrgs(db, actor, sheet, today, validating) : await checkStaff(db, actor, sheet, today, validating);
    if (!checked.problems.empty) {
      const errors = [...checked.problems.list].sort((a, b) => a.row - b.row);
      await repo.updateJob(db, jobId, { status: 'failed', processed: sheet.length, errors, finishedAt: new Date() });
      return;
    }
    const records = 'plan' in checked ? checked.plan.rows.length : checked.people.length;
    // Inside the transaction, PGlite has a single connection: progress stays in memory there; PostgreSQL also stores it.
    const importing = async (n: number) => {
      const processed = Math.min(sheet.length, Math.round((n / Math.max(records, 1)) * sheet.length));
      live.set(jobId, { status: 'importing', processed });
      if (ctx.database.kind === 'postgres') await repo.updateJob(db, jobId, { status: 'importing', processed });
    };
    await importing(0);
    if (ctx.database.kind === 'pglite') await repo.updateJob(db, jobId, { status: 'importing', processed: 0 });
    const summary = await inTransaction(ctx, (tx) =>
      'plan' in checked ? writeOrgs(tx, actor, checked.plan, importing) : writeStaff(tx, actor, checked.people, importing),
    );
    await repo.updateJob(db, jobId, { status: 'done', processed: sheet.length, summary, finishedAt: new Date() });
    log.info({ jobId, kind, rows: sheet.length, summary, ms: Date.now() - started, database: ctx.database.kind }, 'import done');
  } catch (error) {
    log.error({ err: error, jobId, kind }, 'import failed');
    const errors: RowError[] = [
      { row: 0, field: null, message: 'Đã có lỗi hệ thống khi nhập dữ liệu; không có dòng nào được ghi. Vui lòng thử lại' },
    ];
    await repo.updateJob(db, jobId, { status: 'failed', errors, finishedAt: new Date() }).catch(() => undefined);
  }
}

/** A job still marked as running long after it started, and not running in this process: its process stopped. */
function isAbandoned(job: repo.ImportJobRow): boolean {
  const runningState = job.status === 'pending' || job.status === 'validating' || job.status === 'importing';
  return runningState && !live.has(job.id) && Date.now() - job.createdAt.getTime() > ABANDONED_AFTER_MS;
}

/** One job, for its creator or an admin (a job abandoned by a stopped process is reported failed). */
export async function get(ctx: AppContext, actor: Actor, id: string): Promise<ImportJob> {
  const job = await repo.findJob(ctx.database.db, id);
  if (!job) throw notFound('lần nhập dữ liệu');
  authorize(actor, 'job.read', job);
  if (isAbandoned(job)) {
    const errors: RowError[] = [
      {
        row: 0,
        field: null,
        message: 'Việc nhập dữ liệu đã bị gián đoạn (máy chủ khởi động lại); không có dòng nào được ghi. Vui lòng nhập lại',
      },
    ];
    await repo.updateJob(ctx.database.db, id, { status: 'failed', errors, finishedAt: new Date() });
    return toImportJob({ ...job, status: 'failed', errors });
  }
  return toImportJob(job);
}
