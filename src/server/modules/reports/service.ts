import type {
  ReportDetail,
  ReportInput,
  ReportResults,
  ReportReview,
  ReportStatus,
  ReportSummary,
  ReportsQuery,
  ReportUpdateInput,
} from '../../../shared/reports';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { MarkedCache, readDataMark, WHOLE } from '../../lib/markedCache';
import { notifyPeople } from '../notifications/notify';
import * as orgsRepo from '../orgs/repo';
import { notifyReviewers, ownerName } from '../plans/reviewers';
import { scopesOf } from '../plans/shape';
import { authorize, canRead, reportCan } from './policy';
import * as repo from './repo';
import { liveResults } from './rollup';
import { summarize } from './shape';

type ReportRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
type Owner = { networkId: string | null; orgId: string | null; reviewerOrgId: string };

function invalidState(message: string): AppError {
  return new AppError('INVALID_STATE', { params: { message } });
}

/** The period of a report; a 400 naming the field when the year or term does not exist. */
export async function periodOrFail(db: Executor, schoolYearId: string, termNumber: 1 | 2 | null) {
  const found = await repo.periodOf(db, schoolYearId, termNumber);
  if (!found)
    throw fieldError(
      termNumber ? 'termNumber' : 'schoolYearId',
      termNumber ? 'Học kỳ không tồn tại trong năm học này' : 'Năm học không tồn tại',
    );
  return found;
}

/** Reports matching the filter that the actor may read. */
export async function list(db: Executor, actor: Actor, q: ReportsQuery): Promise<ReportSummary[]> {
  const rows = await repo.list(db, q);
  const scopes = await scopesOf(db, rows);
  return summarize(
    db,
    rows.filter((_, i) => canRead(actor, scopes[i])),
  );
}

/** The results a report shows: live while draft or returned, the frozen snapshot otherwise. */
export async function resultsOf(db: Executor, r: ReportRow): Promise<{ results: ReportResults; live: boolean }> {
  if (r.snapshot && r.status !== 'draft' && r.status !== 'returned') return { results: r.snapshot as ReportResults, live: false };
  const { period } = await periodOrFail(db, r.schoolYearId, (r.termNumber as 1 | 2 | null) ?? null);
  const org = r.orgId ? await orgsRepo.findById(db, r.orgId) : undefined;
  const results = await liveResults(
    db,
    r.networkId ? { networkId: r.networkId } : { org: org && { id: org.id, name: org.name, type: org.type } },
    period,
  );
  return { results, live: true };
}

/** A report with its scope (who may do what with it); 404 when there is none. */
async function withScope(db: Executor, id: string) {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('báo cáo');
  const [scope] = await scopesOf(db, [row]);
  return { row, scope };
}

/** Loads a report the actor may read, with its scope; 404 or 403 otherwise. */
export async function readable(db: Executor, actor: Actor, id: string) {
  const found = await withScope(db, id);
  authorize(actor, 'read', found.scope);
  return found;
}

type Detail = Omit<ReportDetail, 'can'>;
const MINUTES = 60_000;
const scoped = new MarkedCache<Awaited<ReturnType<typeof withScope>>>({ maxEntries: 5_000, maxAgeMs: 10 * MINUTES });
const details = new MarkedCache<Detail>({ maxEntries: 500, maxAgeMs: 10 * MINUTES });

/**
 * One report with its results, photos to choose from, review history and what the actor may do.
 *
 * With `keep` (only GET routes pass it, lib/markedCache.ts), the report's scope computed at the same mark '*' (it
 * reads no meeting) and its detail computed at the same mark of its network or org (decision 0030) and day are
 * answered again: the detail does not depend on who asks, the policy is checked for every caller first, and what the
 * caller may do is worked out for each. Without it (after a write in the same request, or inside a transaction),
 * everything is read afresh.
 */
export async function get(db: Executor, actor: Actor, id: string, keep = false): Promise<ReportDetail> {
  if (!keep) {
    const { row, scope } = await readable(db, actor, id);
    return { ...(await detailOf(db, row)), can: reportCan(actor, scope, row.status as ReportStatus) };
  }
  const day = todayIso();
  const { row, scope } = await scoped.get(db, `${id}|${day}`, await readDataMark(db), () => withScope(db, id));
  authorize(actor, 'read', scope);
  // the marks of the report's owner: its network's (meetings of the network) or its org's (meetings under it)
  const owner = row.networkId ?? row.orgId;
  const mark = await readDataMark(db, owner ? { marks: [owner] } : WHOLE);
  // the computation reads the row again: it may run later than this request, at a newer mark (lib/markedCache.ts)
  const detail = await details.get(db, `${id}|${day}`, mark, async () => detailOf(db, (await withScope(db, id)).row));
  return { ...detail, can: reportCan(actor, scope, detail.status) };
}

/** What a report shows, the same for every reader. */
async function detailOf(db: Executor, row: ReportRow): Promise<Detail> {
  const id = row.id;
  const [[summary], { results, live }, history] = await Promise.all([summarize(db, [row]), resultsOf(db, row), repo.historyOf(db, id)]);
  const photos = await repo.photosOf(
    db,
    results.meetings.map((m) => m.id),
  );
  const titleOf = new Map(results.meetings.map((m) => [m.id, m.title]));
  return {
    ...summary,
    advantages: row.advantages,
    recommendations: row.recommendations,
    photoIds: row.photoIds,
    results,
    live,
    photos: photos.map((p) => ({
      id: p.id,
      fileName: p.fileName,
      meetingTitle: titleOf.get(p.meetingId) ?? '',
      url: `/api/attachments/${p.id}`,
    })),
    history: history.map((h) => ({
      id: h.id,
      action: h.action as ReportReview['action'],
      comment: h.comment,
      actorName: h.actorName,
      at: h.at.toISOString(),
    })),
  };
}

/** Photos must be images attached to the meetings the report counts. */
async function checkPhotos(db: Executor, r: ReportRow, photoIds: string[]): Promise<void> {
  if (photoIds.length === 0) return;
  const { results } = await resultsOf(db, r);
  const allowed = new Set(
    (
      await repo.photosOf(
        db,
        results.meetings.map((m) => m.id),
      )
    ).map((p) => p.id),
  );
  if (photoIds.some((id) => !allowed.has(id))) {
    throw fieldError('photoIds', 'Ảnh được chọn phải là ảnh đính kèm của các buổi sinh hoạt trong kỳ báo cáo');
  }
}

/** Drafts a report; the reviewer is the network's supervising org or the org's parent on the period's last day. */
export async function create(tx: Executor, actor: Actor, input: ReportInput) {
  const termNumber = input.termNumber ?? null;
  const { period } = await periodOrFail(tx, input.schoolYearId, termNumber);
  let reviewerOrgId: string;
  if (input.networkId) {
    const network = await repo.findNetwork(tx, input.networkId);
    if (!network) throw fieldError('networkId', 'Mạng lưới không tồn tại');
    if (network.schoolYearId !== input.schoolYearId) throw fieldError('networkId', 'Mạng lưới thuộc năm học khác');
    reviewerOrgId = network.supervisingOrgId;
  } else {
    const orgId = input.orgId as string;
    const [atEnd, today] = await Promise.all([orgsRepo.ancestorChain(tx, orgId, period.to), orgsRepo.ancestorChain(tx, orgId, todayIso())]);
    if (atEnd.length === 0 && today.length === 0) throw fieldError('orgId', 'Đơn vị không tồn tại');
    const parent = atEnd[1] ?? today[1];
    if (!parent) throw fieldError('orgId', 'Đơn vị không có đơn vị cấp trên để nhận báo cáo');
    reviewerOrgId = parent;
  }
  const owner: Owner = { networkId: input.networkId ?? null, orgId: input.orgId ?? null, reviewerOrgId };
  const [scope] = await scopesOf(tx, [owner]);
  authorize(actor, 'draft', scope);
  if (await repo.findForOwner(tx, owner, input.schoolYearId, termNumber)) {
    throw fieldError('termNumber', 'Đã có báo cáo của đơn vị cho kỳ này: hãy mở báo cáo đó để sửa');
  }
  const report = await repo.insert(tx, {
    ...owner,
    schoolYearId: input.schoolYearId,
    termNumber,
    documentNumber: input.documentNumber ?? null,
    advantages: input.advantages ?? '',
    recommendations: input.recommendations ?? '',
    photoIds: [],
    createdBy: actor.personId,
  });
  if (input.photoIds?.length) {
    const full = (await repo.findById(tx, report.id)) as ReportRow;
    await checkPhotos(tx, full, input.photoIds);
    await repo.update(tx, report.id, { photoIds: input.photoIds });
  }
  await audit(tx, actor, { action: 'create', entityType: 'report', entityId: report.id, orgId: reviewerOrgId, after: report });
  return report;
}

/** Locks the report and checks the actor may draft it. */
async function lockForDrafter(tx: Executor, actor: Actor, id: string) {
  const row = await repo.lockById(tx, id);
  if (!row) throw notFound('báo cáo');
  const [scope] = await scopesOf(tx, [row]);
  authorize(actor, 'draft', scope);
  return row;
}

const NOT_EDITABLE: Record<string, string> = {
  submitted: 'Báo cáo đang chờ đơn vị cấp trên xem xét, không thể sửa',
  resubmitted: 'Báo cáo đang chờ đơn vị cấp trên xem xét, không thể sửa',
  accepted: 'Báo cáo đã được tiếp nhận, không thể sửa',
};

/** Changes the typed parts (number, narrative, photos) of a draft or returned report. */
export async function update(tx: Executor, actor: Actor, id: string, input: ReportUpdateInput) {
  const before = await lockForDrafter(tx, actor, id);
  if (NOT_EDITABLE[before.status]) throw invalidState(NOT_EDITABLE[before.status]);
  const full = (await repo.findById(tx, id)) as ReportRow;
  await checkPhotos(tx, full, input.photoIds ?? []);
  const after = await repo.update(tx, id, {
    documentNumber: input.documentNumber ?? null,
    advantages: input.advantages ?? '',
    recommendations: input.recommendations ?? '',
    photoIds: input.photoIds ?? [],
  });
  await audit(tx, actor, { action: 'update', entityType: 'report', entityId: id, orgId: before.reviewerOrgId, before, after });
}

/** Sends a draft (submit) or returned (resubmit) report to its reviewer, freezing its results. */
export async function submit(tx: Executor, actor: Actor, id: string) {
  const before = await lockForDrafter(tx, actor, id);
  if (NOT_EDITABLE[before.status]) throw invalidState(NOT_EDITABLE[before.status]);
  const full = (await repo.findById(tx, id)) as ReportRow;
  const { results } = await resultsOf(tx, full);
  const resubmit = before.status === 'returned';
  const after = await repo.update(tx, id, {
    status: resubmit ? 'resubmitted' : 'submitted',
    snapshot: results,
    submittedAt: new Date(),
    decidedAt: null,
  });
  await repo.addReview(tx, {
    reportId: id,
    action: resubmit ? 'resubmit' : 'submit',
    comment: null,
    actorId: actor.personId,
    snapshot: results,
  });
  const period = before.termNumber ? `học kỳ ${before.termNumber === 1 ? 'I' : 'II'}` : 'năm học';
  await notifyReviewers(tx, actor, {
    reviewerOrgId: before.reviewerOrgId,
    kind: 'report_submitted',
    title: `Báo cáo ${period} ${resubmit ? 'gửi lại' : 'chờ tiếp nhận'}: ${await ownerName(tx, before)}`,
    link: `/reports/${id}`,
  });
  await audit(tx, actor, { action: 'submit', entityType: 'report', entityId: id, orgId: before.reviewerOrgId, before, after });
}

/** The reviewer returns a submitted report with a comment, or accepts it (its snapshot then never changes). */
export async function decide(tx: Executor, actor: Actor, id: string, action: 'return' | 'accept', comment: string | null) {
  const before = await repo.lockById(tx, id);
  if (!before) throw notFound('báo cáo');
  const [scope] = await scopesOf(tx, [before]);
  authorize(actor, 'review', scope);
  if (before.status !== 'submitted' && before.status !== 'resubmitted') {
    throw invalidState(
      before.status === 'accepted'
        ? 'Báo cáo đã được tiếp nhận trước đó'
        : 'Báo cáo chưa được gửi: chỉ trả lại hoặc tiếp nhận báo cáo đang chờ xem xét',
    );
  }
  const after = await repo.update(tx, id, { status: action === 'return' ? 'returned' : 'accepted', decidedAt: new Date() });
  await repo.addReview(tx, { reportId: id, action, comment, actorId: actor.personId, snapshot: before.snapshot });
  const [owner] = await summarize(tx, [{ ...before, schoolYearCode: '' }]);
  await notifyPeople(tx, {
    personIds: [
      ...(scope.network?.leaderIds ?? []),
      ...[before.createdBy, await repo.lastSubmitter(tx, id)].filter((p): p is string => !!p),
    ],
    kind: action === 'return' ? 'report_returned' : 'report_accepted',
    title: `Báo cáo ${before.termNumber ? `học kỳ ${before.termNumber === 1 ? 'I' : 'II'}` : 'năm học'} ${action === 'return' ? 'bị trả lại' : 'đã được tiếp nhận'}: ${owner.network?.name ?? owner.org?.name ?? ''}`,
    body: comment ? `Ý kiến: ${comment}` : null,
    link: `/reports/${id}`,
    except: actor.personId,
  });
  await audit(tx, actor, { action, entityType: 'report', entityId: id, orgId: before.reviewerOrgId, before, after: { ...after, comment } });
}
