import type { NetworkKind } from '../../../shared/enums';
import type { PlanProposal, PlanProposalCreateInput, PlanProposalQuery } from '../../../shared/planProposals';
import type { PlanItemInput } from '../../../shared/schemas';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { AppError, type FieldError, fieldError } from '../../lib/errors';
import { viDate } from '../../lib/format';
import * as networksRepo from '../networks/repo';
import * as plansService from '../plans/service';
import { scopesOf } from '../plans/shape';
import { effectiveRules, quotaFor } from '../rules/effective';
import { subjectsInPlay } from '../rules/subjectsInPlay';
import { addDays, breakOn, type CalendarBreak } from './calendar';
import { authorize } from './policy';
import { proposeItems, sortByDate } from './propose';
import { calendarBreaks, remainingTime } from './remaining';
import * as repo from './repo';

const roman = (n: number) => (n === 1 ? 'I' : 'II');

/** The default title of a term plan ("Kế hoạch sinh hoạt chuyên môn học kỳ II năm học 2026-2027"). */
export function termPlanTitle(termNumber: number | null, yearCode: string): string {
  return termNumber
    ? `Kế hoạch sinh hoạt chuyên môn học kỳ ${roman(termNumber)} năm học ${yearCode}`
    : `Kế hoạch sinh hoạt chuyên môn năm học ${yearCode}`;
}

/** The term to plan when none is chosen: the first of the year not yet begun, else the current one, else term 1. */
async function defaultTermId(db: Executor, schoolYearId: string): Promise<string | undefined> {
  const terms = await repo.termsOf(db, schoolYearId);
  const today = todayIso();
  return (terms.find((t) => t.startDate > today) ?? terms.find((t) => t.endDate >= today) ?? terms[0])?.id;
}

/** Loads the network and term, checks the term is of the network's year, and that the actor may draft its plans. */
async function networkAndTerm(db: Executor, actor: Actor, networkId: string, termId: string | undefined) {
  const network = await repo.findNetwork(db, networkId);
  if (!network) throw fieldError('networkId', 'Mạng lưới không tồn tại');
  const chosen = termId ?? (await defaultTermId(db, network.schoolYearId));
  const term = chosen ? await repo.findTerm(db, chosen) : undefined;
  if (!term) throw fieldError('termId', 'Học kỳ không tồn tại');
  const [scope] = await scopesOf(db, [{ networkId, orgId: null, reviewerOrgId: network.supervisingOrgId }]);
  authorize(actor, 'propose', scope);
  if (term.schoolYearId !== network.schoolYearId) {
    throw fieldError(
      'termId',
      `Học kỳ đã chọn thuộc năm học ${term.schoolYearCode}, không thuộc năm học ${network.schoolYearCode} của mạng lưới`,
    );
  }
  return { network, term: { ...term, number: term.number as 1 | 2 } };
}

/** The first day to propose: the term's start, or tomorrow when the term has already begun (and not ended). */
function firstDay(term: { startDate: string; endDate: string }, today: string): string {
  return today >= term.startDate && today < term.endDate ? addDays(today, 1) : term.startDate;
}

/**
 * The meetings the rules require of a network in a term, proposed with hosts, dates, kinds and contents: per subject
 * in play (subjectsInPlay: the plan's, else those taught by the member schools' teams) when the quota counts per
 * subject, for the network as a whole otherwise. Without a quota, `count` stands in, per subject for a school group.
 */
export async function propose(db: Executor, actor: Actor, q: PlanProposalQuery): Promise<PlanProposal> {
  const { network, term } = await networkAndTerm(db, actor, q.networkId, q.termId);
  const from = firstDay(term, todayIso());
  const rules = await effectiveRules(db, network.supervisingOrgId, network.schoolYearId);
  const ruledQuota = quotaFor(rules, network.kind, term.number);
  const ruled = ruledQuota.count;
  const quota = ruled > 0 ? ruled : (q.count ?? 0);
  const perSubject = ruled > 0 ? ruledQuota.perSubject : network.kind === 'school_group';
  const members = await networksRepo.membersOf(db, network.id);
  const hosts = members.map((m) => ({ id: m.id, name: m.name }));
  const hostIds = hosts.map((h) => h.id);
  const previous = await repo.previousYearNetwork(db, network.name, network.kind, network.yearStart);
  const [subjects, teachers, lastHostId, busy, terms, existingPlans, names] = await Promise.all([
    perSubject
      ? subjectsInPlay(db, [network.id], network.schoolYearId, term.number, from).then((m) => m.get(network.id)?.subjects ?? [])
      : Promise.resolve([]),
    perSubject ? repo.teachersPerSubject(db, hostIds, from) : Promise.resolve(new Map<string, number>()),
    repo.lastHostBefore(db, [network.id, ...(previous ? [previous.id] : [])], term.startDate),
    repo.busyDays(db, hostIds, term.startDate, term.endDate, network.id),
    repo.termsOf(db, network.schoolYearId),
    repo.plansOfNetworkTerm(db, network.id, network.schoolYearId, term.number),
    repo.orgNames(db, [rules.orgId]),
  ]);
  const breaks = calendarBreaks(rules.breaks, term.startDate, term.endDate);
  const items = proposeItems({
    termStart: term.startDate,
    termEnd: term.endDate,
    from,
    breaks,
    hosts,
    lastHostId,
    subjects: subjects.map((s) => ({ id: s.id, name: s.name, teachers: teachers.get(s.id) ?? null })),
    quota,
    busy,
  });
  const lastHost = hosts.find((h) => h.id === lastHostId) ?? null;
  return {
    network: {
      id: network.id,
      name: network.name,
      kind: network.kind as NetworkKind,
      schoolYearId: network.schoolYearId,
      schoolYearCode: network.schoolYearCode,
    },
    term: { id: term.id, number: term.number, startDate: term.startDate, endDate: term.endDate },
    terms: terms.map((t) => ({ ...t, number: t.number as 1 | 2 })),
    rules: {
      ruleSetId: rules.ruleSetId,
      orgName: rules.ruleSetId ? (names.get(rules.orgId) ?? null) : null,
      quota,
      quotaFromRequest: ruled === 0 && quota > 0,
      perSubject,
      breaks: rules.breaks.filter((b) => b.endDate >= term.startDate && b.startDate <= term.endDate),
    },
    holidays: breaks.slice(rules.breaks.length),
    remaining: remainingTime(from, term.endDate, breaks, items.length, quota),
    subjects: subjects.map((s) => ({ id: s.id, name: s.name })),
    hosts,
    lastHost,
    from,
    title: termPlanTitle(term.number, network.schoolYearCode),
    items,
    existingPlans,
    can: { create: true },
  };
}

/** Field errors for dated items that fall in one of the rules' breaks or on a public holiday. */
export function breakErrors(items: Array<{ proposedDate?: string | null }>, breaks: readonly CalendarBreak[]): FieldError[] {
  const out: FieldError[] = [];
  items.forEach((item, i) => {
    const b = item.proposedDate ? breakOn(item.proposedDate, breaks) : undefined;
    if (b) {
      out.push({
        field: `items.${i}.proposedDate`,
        message: `Buổi ${i + 1}: ngày ${viDate(item.proposedDate)} trùng thời gian ${b.label} (${viDate(b.startDate)} – ${viDate(b.endDate)}), hãy chọn ngày khác`,
      });
    }
  });
  return out;
}

/**
 * Turns the confirmed (possibly adjusted) proposal into a draft plan of the network for the term, through the plans
 * service: items in date order, none in a break of the rules or on a public holiday, all inside the term.
 */
export async function createFromProposal(tx: Executor, actor: Actor, input: PlanProposalCreateInput) {
  const { network, term } = await networkAndTerm(tx, actor, input.networkId, input.termId);
  const rules = await effectiveRules(tx, network.supervisingOrgId, network.schoolYearId);
  const items = sortByDate(input.items.map((i) => ({ ...i, proposedDate: i.proposedDate ?? null }))) as PlanItemInput[];
  const fields = breakErrors(items, calendarBreaks(rules.breaks, term.startDate, term.endDate));
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
  return plansService.create(tx, actor, {
    networkId: network.id,
    schoolYearId: network.schoolYearId,
    termNumber: term.number,
    title: input.title,
    notes: input.notes ?? null,
    items,
  });
}
