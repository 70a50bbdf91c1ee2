import type { PlanCopyForwardInput } from '../../../shared/planProposals';
import type { PlanItemInput } from '../../../shared/schemas';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { fieldError, notFound } from '../../lib/errors';
import * as networksRepo from '../networks/repo';
import * as plansRepo from '../plans/repo';
import * as plansService from '../plans/service';
import { scopesOf } from '../plans/shape';
import { effectiveRules } from '../rules/effective';
import { authorize } from './policy';
import { calendarBreaks } from './remaining';
import * as repo from './repo';
import { termPlanTitle } from './service';
import { shiftItems } from './shift';

type Period = { schoolYearId: string; code: string; termNumber: 1 | 2 | null; start: string; end: string };

/** The period a plan covers: its term, or its whole school year. */
async function periodOfPlan(db: Executor, plan: { schoolYearId: string; termNumber: number | null }): Promise<Period> {
  const year = await repo.findYear(db, plan.schoolYearId);
  const term = plan.termNumber ? (await repo.termsOf(db, plan.schoolYearId)).find((t) => t.number === plan.termNumber) : undefined;
  if (!year) throw notFound('năm học');
  return term
    ? { schoolYearId: year.id, code: year.code, termNumber: term.number as 1 | 2, start: term.startDate, end: term.endDate }
    : { schoolYearId: year.id, code: year.code, termNumber: null, start: year.startDate, end: year.endDate };
}

/** The target period: a later term for a term plan, a later school year for a year plan. */
async function targetPeriod(db: Executor, source: Period, input: PlanCopyForwardInput): Promise<Period> {
  if (source.termNumber) {
    if (!input.termId) throw fieldError('termId', 'Chọn học kỳ cần sao chép kế hoạch sang');
    const term = await repo.findTerm(db, input.termId);
    if (!term) throw fieldError('termId', 'Học kỳ không tồn tại');
    if (term.startDate <= source.start) throw fieldError('termId', 'Chọn một học kỳ sau học kỳ của kế hoạch gốc');
    return {
      schoolYearId: term.schoolYearId,
      code: term.schoolYearCode,
      termNumber: term.number as 1 | 2,
      start: term.startDate,
      end: term.endDate,
    };
  }
  if (!input.schoolYearId) throw fieldError('schoolYearId', 'Chọn năm học cần sao chép kế hoạch sang');
  const year = await repo.findYear(db, input.schoolYearId);
  if (!year) throw fieldError('schoolYearId', 'Năm học không tồn tại');
  if (year.startDate <= source.start) throw fieldError('schoolYearId', 'Chọn một năm học sau năm học của kế hoạch gốc');
  return { schoolYearId: year.id, code: year.code, termNumber: null, start: year.startDate, end: year.endDate };
}

/** The owner of the copy: the same org, or the network itself / its namesake in the target school year. */
async function targetOwner(db: Executor, plan: { networkId: string | null; orgId: string | null }, target: Period) {
  if (!plan.networkId) return { networkId: null, orgId: plan.orgId as string, rulesOrgId: plan.orgId as string, members: null };
  const [source] = await plansRepo.networksByIds(db, [plan.networkId]);
  let id = source.id;
  let rulesOrgId = source.supervisingOrgId;
  if (source.schoolYearId !== target.schoolYearId) {
    const same = await repo.networkInYear(db, target.schoolYearId, source.name, source.kind, source.supervisingOrgId);
    const field = target.termNumber ? 'termId' : 'schoolYearId';
    if (!same)
      throw fieldError(field, `Năm học ${target.code} chưa có mạng lưới «${source.name}»: hãy chuyển mạng lưới sang năm học đó trước`);
    id = same.id;
    rulesOrgId = same.supervisingOrgId;
  }
  const members = (await networksRepo.membersOf(db, id)).map((m) => ({ id: m.id, name: m.name }));
  return { networkId: id, orgId: null, rulesOrgId, members };
}

/**
 * Copies a plan into a later term or school year as a new draft: the same items with statuses reset, dates moved by
 * whole weeks into the new period and clear of its breaks and of days their hosts already host; hosts kept (a host
 * that is no longer a member of the network is replaced, in turn, by the members).
 */
export async function copyForward(tx: Executor, actor: Actor, planId: string, input: PlanCopyForwardInput) {
  const plan = await plansRepo.findById(tx, planId);
  if (!plan) throw notFound('kế hoạch');
  const [sourceScope] = await scopesOf(tx, [plan]);
  authorize(actor, 'copyForward', sourceScope);
  const source = await periodOfPlan(tx, plan);
  const target = await targetPeriod(tx, source, input);
  const owner = await targetOwner(tx, plan, target);
  const rules = await effectiveRules(tx, owner.rulesOrgId, target.schoolYearId);
  const rows = await plansRepo.itemsOf(tx, planId);
  let turn = 0;
  const memberIds = new Set(owner.members?.map((m) => m.id));
  const hostOf = (hostOrgId: string | null) => {
    if (!owner.members || owner.members.length === 0 || !hostOrgId || memberIds.has(hostOrgId)) return hostOrgId;
    return owner.members[turn++ % owner.members.length].id;
  };
  const items = rows.map((r) => {
    const host = hostOf(r.hostOrgId);
    const replaced = host !== r.hostOrgId;
    const hostName = replaced ? owner.members?.find((m) => m.id === host)?.name : undefined;
    return {
      kind: r.kind,
      subjectIds: r.subjectIds,
      grade: r.grade,
      content: r.content,
      hostOrgId: host,
      presenterPersonId: replaced ? null : r.presenterPersonId,
      presenterOrgId: replaced ? host : r.presenterOrgId,
      proposedDate: r.proposedDate,
      proposedTime: r.proposedTime ? r.proposedTime.slice(0, 5) : null,
      place: hostName ?? r.place,
      mode: r.mode,
      plannedCount: r.plannedCount,
    };
  });
  const hostIds = [...new Set(items.map((i) => i.hostOrgId).filter((x): x is string => !!x))];
  const busy = await repo.busyDays(tx, hostIds, target.start, target.end, owner.networkId);
  const shifted = shiftItems(items, {
    sourceTermStart: source.start,
    targetTermStart: target.start,
    targetTermEnd: target.end,
    breaks: calendarBreaks(rules.breaks, target.start, target.end),
    busy,
  }) as PlanItemInput[];
  return plansService.create(tx, actor, {
    networkId: owner.networkId,
    orgId: owner.orgId,
    schoolYearId: target.schoolYearId,
    termNumber: target.termNumber,
    title: termPlanTitle(target.termNumber, target.code),
    notes: plan.notes,
    items: shifted,
  });
}
