import type { PlanInput, PlanItemInput, PlanItemStatusInput, PlansQuery, PlanUpdateInput } from '../../../shared/schemas';
import type { PlanDetail, PlanReview, PlanSummary } from '../../../shared/types';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, type FieldError, fieldError, notFound } from '../../lib/errors';
import { viDate } from '../../lib/format';
import { loadEditable } from '../meetings/access';
import { notify } from '../notifications/service';
import { requireNameable } from '../orgs/naming';
import * as orgsRepo from '../orgs/repo';
import * as schoolYearsRepo from '../schoolYears/repo';
import { authorize, canApprove, canDraft, canRead, meetingOfPlan, otherApprovers, type PlanScope, planCan, planOrgIds } from './policy';
import * as repo from './repo';
import { notifyReviewers, ownerName } from './reviewers';
import { scopesOf, shapeItems, summarize } from './shape';

type Fields = Omit<PlanUpdateInput, 'items'> & { items: PlanItemInput[] };

/** A 409 with a Vietnamese explanation of why the plan cannot make this step now. */
function invalidState(message: string): AppError {
  return new AppError('INVALID_STATE', { params: { message } });
}

/** Plans matching the filter that the actor may read. */
export async function list(db: Executor, actor: Actor, f: PlansQuery): Promise<PlanSummary[]> {
  const rows = await repo.list(db, f);
  const scopes = await scopesOf(db, rows);
  return summarize(
    db,
    rows.filter((_, i) => canRead(actor, scopes[i])),
  );
}

/** Whether the actor may read and draft plans of a network or an org (for the "Kế hoạch" links on their pages). */
export async function ownerCan(db: Executor, actor: Actor, q: { networkId?: string; orgId?: string }) {
  if (!q.networkId === !q.orgId) throw fieldError('networkId', 'Chọn đúng một mạng lưới hoặc một đơn vị');
  let reviewerOrgId = '';
  if (q.orgId) reviewerOrgId = (await orgsRepo.ancestorChain(db, q.orgId, todayIso()))[1] ?? q.orgId;
  const [scope] = await scopesOf(db, [{ networkId: q.networkId ?? null, orgId: q.orgId ?? null, reviewerOrgId }]);
  if (q.networkId && !scope.network) throw notFound('mạng lưới');
  return { read: canRead(actor, scope), draft: canDraft(actor, scope) };
}

/** One plan with items, review history and what the actor may do; 403 for those who may not read it. */
export async function get(db: Executor, actor: Actor, id: string): Promise<PlanDetail> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('kế hoạch');
  const [scope] = await scopesOf(db, [row]);
  authorize(actor, 'read', scope);
  const [[summary], items, history] = await Promise.all([
    summarize(db, [row]),
    repo.itemsOf(db, id).then((rows) => shapeItems(db, rows)),
    repo.historyOf(db, id),
  ]);
  return {
    ...summary,
    notes: row.notes,
    createdByName: row.createdByName,
    items,
    history: history.map((h) => ({
      id: h.id,
      action: h.action as PlanReview['action'],
      comment: h.comment,
      actorName: h.actorName,
      at: h.at.toISOString(),
      snapshot: (h.snapshot as PlanReview['snapshot']) ?? null,
    })),
    can: planCan(actor, scope, row.status),
  };
}

/** Checks the items' references and dates against the plan's period; all problems at once, each naming its field. */
async function validateItems(
  db: Executor,
  actor: Actor,
  scope: Pick<PlanScope, 'network' | 'org'>,
  schoolYearId: string,
  v: Fields,
): Promise<void> {
  const period = await repo.periodOf(db, schoolYearId);
  if (!period) throw fieldError('schoolYearId', 'Năm học không tồn tại');
  const term = v.termNumber ? period.terms.find((t) => t.number === v.termNumber) : undefined;
  const [from, to, label] = term
    ? [term.startDate, term.endDate, `học kỳ ${term.number === 1 ? 'I' : 'II'}`]
    : [period.year.startDate, period.year.endDate, `năm học ${period.year.code}`];
  const ids = (pick: (i: PlanItemInput) => Array<string | null | undefined>) => [
    ...new Set(v.items.flatMap(pick).filter((x): x is string => !!x)),
  ];
  const [orgs, people, subjects] = await Promise.all([
    orgsRepo.summaries(
      db,
      ids((i) => [i.hostOrgId, i.presenterOrgId]),
    ),
    repo.peopleByIds(
      db,
      ids((i) => [i.presenterPersonId]),
    ),
    schoolYearsRepo.existingSubjectIds(
      db,
      ids((i) => i.subjectIds ?? []),
    ),
  ]);
  const orgIds = new Set(orgs.map((o) => o.id));
  const personIds = new Set(people.map((p) => p.id));
  const subjectIds = new Set(subjects);
  const fields: FieldError[] = [];
  v.items.forEach((item, i) => {
    const at = (f: string, message: string) => fields.push({ field: `items.${i}.${f}`, message: `Buổi ${i + 1}: ${message}` });
    if (item.hostOrgId && !orgIds.has(item.hostOrgId)) at('hostOrgId', 'đơn vị tổ chức không tồn tại');
    if (item.presenterOrgId && !orgIds.has(item.presenterOrgId)) at('presenterOrgId', 'đơn vị thực hiện không tồn tại');
    if (item.presenterPersonId && !personIds.has(item.presenterPersonId)) at('presenterPersonId', 'người thực hiện không tồn tại');
    if ((item.subjectIds ?? []).some((s) => !subjectIds.has(s))) at('subjectIds', 'có môn học không tồn tại');
    if (item.proposedDate && (item.proposedDate < from || item.proposedDate > to)) {
      at('proposedDate', `ngày dự kiến phải trong ${label} (${viDate(from)} – ${viDate(to)})`);
    }
  });
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
  for (const [i, item] of v.items.entries()) {
    await requireNameable(
      db,
      actor,
      [
        { field: `items.${i}.hostOrgId`, orgIds: [item.hostOrgId] },
        { field: `items.${i}.presenterOrgId`, orgIds: [item.presenterOrgId] },
        { field: `items.${i}.presenterPersonId`, personIds: [item.presenterPersonId] },
      ],
      planOrgIds(scope),
    );
  }
}

function itemRows(items: PlanItemInput[]) {
  return items.map((i) => ({
    kind: i.kind,
    subjectIds: i.subjectIds ?? [],
    grade: i.grade ?? null,
    content: i.content,
    hostOrgId: i.hostOrgId ?? null,
    presenterPersonId: i.presenterPersonId ?? null,
    presenterOrgId: i.presenterOrgId ?? null,
    proposedDate: i.proposedDate ?? null,
    proposedTime: i.proposedTime ?? null,
    place: i.place ?? null,
    mode: i.mode ?? 'in_person',
    plannedCount: i.plannedCount ?? null,
  }));
}

/** Drafts a plan for a network or an org; the reviewer is the network's supervising org or the org's parent today. */
export async function create(tx: Executor, actor: Actor, input: Fields & Pick<PlanInput, 'networkId' | 'orgId' | 'schoolYearId'>) {
  if (!(await schoolYearsRepo.findById(tx, input.schoolYearId))) throw fieldError('schoolYearId', 'Năm học không tồn tại');
  let reviewerOrgId: string;
  if (input.networkId) {
    const [network] = await repo.networksByIds(tx, [input.networkId]);
    if (!network) throw fieldError('networkId', 'Mạng lưới không tồn tại');
    if (network.schoolYearId !== input.schoolYearId) throw fieldError('networkId', 'Mạng lưới thuộc năm học khác');
    reviewerOrgId = network.supervisingOrgId;
  } else {
    const chain = await orgsRepo.ancestorChain(tx, input.orgId as string, todayIso());
    if (chain.length === 0) throw fieldError('orgId', 'Đơn vị không tồn tại');
    if (!chain[1]) throw fieldError('orgId', 'Đơn vị không có đơn vị cấp trên để duyệt kế hoạch');
    reviewerOrgId = chain[1];
  }
  const owner = { networkId: input.networkId ?? null, orgId: input.orgId ?? null, reviewerOrgId };
  const [scope] = await scopesOf(tx, [owner]);
  authorize(actor, 'draft', scope);
  await validateItems(tx, actor, scope, input.schoolYearId, input);
  const plan = await repo.insert(tx, {
    ...owner,
    schoolYearId: input.schoolYearId,
    termNumber: input.termNumber ?? null,
    title: input.title,
    notes: input.notes ?? null,
    createdBy: actor.personId,
  });
  const items = itemRows(input.items);
  await repo.replaceItems(tx, plan.id, items);
  await audit(tx, actor, { action: 'create', entityType: 'plan', entityId: plan.id, orgId: reviewerOrgId, after: { ...plan, items } });
  return plan;
}

/** Locks the plan and checks the actor may draft it; returns the row. */
async function lockForDrafter(tx: Executor, actor: Actor, id: string) {
  const plan = await repo.lockById(tx, id);
  if (!plan) throw notFound('kế hoạch');
  const [scope] = await scopesOf(tx, [plan]);
  authorize(actor, 'draft', scope);
  return plan;
}

const NOT_EDITABLE: Record<string, string> = {
  submitted: 'Kế hoạch đang chờ duyệt, không thể sửa. Chờ đơn vị duyệt trả lại nếu cần chỉnh sửa',
  approved: 'Kế hoạch đã được duyệt, không thể sửa',
};

/** Changes a draft or returned plan; its items are replaced as a whole. */
export async function update(tx: Executor, actor: Actor, id: string, input: Fields) {
  const before = await lockForDrafter(tx, actor, id);
  if (NOT_EDITABLE[before.status]) throw invalidState(NOT_EDITABLE[before.status]);
  const [scope] = await scopesOf(tx, [before]);
  await validateItems(tx, actor, scope, before.schoolYearId, input);
  const beforeItems = await repo.itemsOf(tx, id);
  const plan = await repo.update(tx, id, { title: input.title, termNumber: input.termNumber ?? null, notes: input.notes ?? null });
  const items = itemRows(input.items);
  await repo.replaceItems(tx, id, items);
  await audit(tx, actor, {
    action: 'update',
    entityType: 'plan',
    entityId: id,
    orgId: plan.reviewerOrgId,
    before: { ...before, items: beforeItems },
    after: { ...plan, items },
  });
}

async function snapshot(tx: Executor, plan: { id: string; title: string; notes: string | null; termNumber: number | null }) {
  return {
    title: plan.title,
    notes: plan.notes,
    termNumber: plan.termNumber,
    items: await shapeItems(tx, await repo.itemsOf(tx, plan.id)),
  };
}

/** Sends a draft or returned plan to its reviewer. */
export async function submit(tx: Executor, actor: Actor, id: string) {
  const plan = await lockForDrafter(tx, actor, id);
  if (plan.status === 'submitted') throw invalidState('Kế hoạch đã được gửi và đang chờ duyệt');
  if (plan.status === 'approved') throw invalidState('Kế hoạch đã được duyệt, không thể gửi lại');
  const snap = await snapshot(tx, plan);
  if (snap.items.length === 0) throw fieldError('items', 'Kế hoạch cần ít nhất một buổi sinh hoạt trước khi gửi duyệt');
  const after = await repo.update(tx, id, { status: 'submitted', submittedAt: new Date(), decidedAt: null });
  await repo.addReview(tx, { planId: id, action: 'submit', comment: null, actorId: actor.personId, snapshot: snap });
  await notifyReviewers(tx, actor, {
    reviewerOrgId: plan.reviewerOrgId,
    kind: 'plan_submitted',
    title: `Kế hoạch chờ duyệt: ${plan.title} (${await ownerName(tx, plan)})`,
    link: `/plans/${id}`,
  });
  await audit(tx, actor, { action: 'submit', entityType: 'plan', entityId: id, orgId: plan.reviewerOrgId, before: plan, after });
}

/** The reviewer returns a submitted plan with a comment, or approves it. */
export async function decide(tx: Executor, actor: Actor, id: string, action: 'return' | 'approve', comment: string | null) {
  const plan = await repo.lockById(tx, id);
  if (!plan) throw notFound('kế hoạch');
  const [scope] = await scopesOf(tx, [plan]);
  authorize(actor, 'review', scope);
  if (plan.status !== 'submitted') {
    throw invalidState(
      plan.status === 'approved'
        ? 'Kế hoạch đã được duyệt trước đó'
        : 'Kế hoạch chưa được gửi duyệt: chỉ trả lại hoặc duyệt kế hoạch đang chờ duyệt',
    );
  }
  const submittedBy = await repo.lastSubmitter(tx, id);
  if (action === 'approve' && !canApprove(actor, scope, { createdBy: plan.createdBy, submittedBy })) {
    const reviewer = (await orgsRepo.findById(tx, plan.reviewerOrgId))?.name ?? 'đơn vị duyệt';
    throw new AppError('SELF_APPROVAL', { params: { reviewer: otherApprovers(scope.reviewerType, reviewer) } });
  }
  const snap = await snapshot(tx, plan);
  const after = await repo.update(tx, id, { status: action === 'return' ? 'returned' : 'approved', decidedAt: new Date() });
  await repo.addReview(tx, { planId: id, action, comment, actorId: actor.personId, snapshot: snap });
  await notify(
    tx,
    [...(scope.network?.leaderIds ?? []), ...[plan.createdBy, submittedBy].filter((p): p is string => !!p)],
    {
      kind: action === 'return' ? 'plan_returned' : 'plan_approved',
      title: `${action === 'return' ? 'Kế hoạch bị trả lại' : 'Kế hoạch đã được duyệt'}: ${plan.title}`,
      body: comment ? `Ý kiến: ${comment}` : null,
      link: `/plans/${id}`,
    },
    actor.personId,
  );
  await audit(tx, actor, {
    action,
    entityType: 'plan',
    entityId: id,
    orgId: plan.reviewerOrgId,
    before: plan,
    after: { ...after, comment },
  });
}

/**
 * The plan of an item a new meeting carries out, checked for the meeting's creator: the plan is read by them and the
 * meeting is the plan's (policy `carryOut`), and the plan is approved. The plan's row stays locked until the meeting's
 * transaction ends, so it cannot be returned meanwhile.
 */
export async function requirePlanForMeeting(
  tx: Executor,
  actor: Actor,
  planId: string,
  meeting: { networkId: string | null; hostChain: readonly string[] },
): Promise<void> {
  const plan = await repo.lockById(tx, planId);
  if (!plan) throw fieldError('planItemId', 'Mục kế hoạch không tồn tại');
  const [scope] = await scopesOf(tx, [plan]);
  authorize(actor, 'carryOut', { scope, plan, meeting });
  if (plan.status !== 'approved')
    throw fieldError('planItemId', 'Kế hoạch của mục này chưa được duyệt: chỉ tạo buổi sinh hoạt theo kế hoạch đã duyệt');
}

/** Records that an approved plan's item was held (optionally linking its meeting), moved or cancelled, with a reason. */
export async function setItemStatus(tx: Executor, actor: Actor, id: string, itemId: string, input: PlanItemStatusInput) {
  const plan = await lockForDrafter(tx, actor, id);
  const item = await repo.findItem(tx, id, itemId);
  if (!item) throw notFound('buổi sinh hoạt trong kế hoạch');
  if (plan.status !== 'approved') throw invalidState('Chỉ cập nhật tình hình thực hiện khi kế hoạch đã được duyệt');
  if (input.meetingId) {
    if (input.status !== 'held') throw fieldError('meetingId', 'Chỉ gắn buổi sinh hoạt khi nội dung đã được thực hiện');
    if (!(await repo.findMeeting(tx, input.meetingId))) throw fieldError('meetingId', 'Buổi sinh hoạt không tồn tại');
    // Only a meeting the caller edits (403 otherwise; 409 once its minutes are locked), of this plan's network or org.
    const { meeting, facts } = await loadEditable(tx, actor, input.meetingId);
    const [scope] = await scopesOf(tx, [plan]);
    if (!meetingOfPlan(plan, scope, { networkId: meeting.networkId, hostChain: facts.hostChain }))
      throw fieldError('meetingId', 'Buổi sinh hoạt không thuộc mạng lưới hoặc đơn vị của kế hoạch này');
    await repo.linkMeeting(tx, input.meetingId, itemId);
  }
  const after = await repo.setItemStatus(tx, itemId, input.status, input.reason ?? null);
  await audit(tx, actor, {
    action: 'item_status',
    entityType: 'plan_item',
    entityId: itemId,
    orgId: plan.reviewerOrgId,
    before: item,
    after: { ...after, meetingId: input.meetingId ?? null },
  });
}
