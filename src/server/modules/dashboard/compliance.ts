import type { DeadlineRow, NetworkCompliance, RateRow, TeamCompliance } from '../../../shared/dashboard';
import { type EffectiveRules, type QuotaTarget, quotaFor } from '../rules/effective';
import { addDays } from '../rules/presets';
import { type InPlay, quotaStatus } from '../rules/subjectsInPlay';
import type { NetworkRow, TeamRow } from './repo';

/** Pure computations of the compliance dashboard, from rows the repo read once for the whole scope. */

type Term = { number: 1 | 2; startDate: string; endDate: string };
const DUE_SOON_DAYS = 14;

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Days of [from, to] not covered by any break. */
export function schoolDays(from: string, to: string, breaks: EffectiveRules['breaks']): number {
  let days = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (!breaks.some((b) => b.startDate <= d && d <= b.endDate)) days++;
  return days;
}

/**
 * Networks with their quota for the term: held meetings (held or minutes locked) against quotaFor; a per-subject
 * quota asks each subject in play (subjectsInPlay.ts), and the network is behind when any of them is.
 */
export function networkCompliance(
  rows: NetworkRow[],
  rulesByOrg: Map<string, EffectiveRules>,
  term: Term,
  plans: Map<string, { id: string; status: string } | undefined>,
  inPlay: Map<string, InPlay> = new Map(),
  heldBySubject: Map<string, Map<string, number>> = new Map(),
): NetworkCompliance[] {
  return rows.map((n) => {
    const rules = rulesByOrg.get(n.supervisingOrgId);
    const quota = rules ? quotaFor(rules, n.kind as QuotaTarget, term.number) : { count: 0, perSubject: false };
    const held = heldBySubject.get(n.id);
    const status = quotaStatus(quota, n.held, inPlay.get(n.id)?.subjects ?? [], (s) => held?.get(s.id) ?? 0);
    const plan = plans.get(n.id);
    return {
      id: n.id,
      name: n.name,
      kind: n.kind,
      supervisingOrgName: n.supervisingOrgName,
      leadOrgName: n.leadOrgName,
      required: status.required,
      held: status.held,
      perSubject: quota.perSubject,
      subjectsBehind: status.subjectsBehind,
      scheduled: n.scheduled,
      behind: status.behind,
      lastHeldAt: n.lastHeldAt ? new Date(n.lastHeldAt).toISOString() : null,
      planId: plan?.id ?? null,
      planStatus: plan?.status ?? null,
    };
  });
}

/**
 * Teams against the rule "at least once every N days": expected = whole intervals of school days (days of the term
 * so far, breaks taken out) ÷ N; behind when the team's meetings (own, or its school group's) are fewer.
 */
export function teamCompliance(
  teams: TeamRow[],
  counts: { teamId: string; count: number; lastAt: Date | string }[],
  rulesByTeam: Map<string, EffectiveRules>,
  term: Term,
  asOf: string,
): TeamCompliance[] {
  const byTeam = new Map(counts.map((c) => [c.teamId, c]));
  const until = asOf < term.endDate ? asOf : term.endDate;
  return teams.map((t) => {
    const rules = rulesByTeam.get(t.id);
    const interval = rules?.teamIntervalDays ?? 14;
    const expected = Math.floor(schoolDays(term.startDate, until, rules?.breaks ?? []) / interval);
    const e = byTeam.get(t.id);
    const count = e?.count ?? 0;
    return {
      id: t.id,
      name: t.name,
      schoolName: t.schoolName,
      count,
      expected,
      intervalDays: interval,
      lastMeetingAt: e ? new Date(e.lastAt).toISOString() : null,
      behind: count < expected,
    };
  });
}

const DONE_PLAN = ['approved'];
const DONE_REPORT = ['submitted', 'resubmitted', 'accepted'];
const rank = (s: string) => ['approved', 'accepted', 'resubmitted', 'submitted', 'returned', 'draft'].indexOf(s);

/** The most advanced of the documents that cover the term (term's own or the whole year's). */
export function bestDocument<T extends { termNumber: number | null; status: string }>(docs: T[], termNumber: number | null): T | undefined {
  return docs
    .filter((d) => d.termNumber === termNumber || (termNumber !== null && d.termNumber === null))
    .sort((a, b) => rank(a.status) - rank(b.status))[0];
}

/**
 * Deadline rows of documents (plans or reports): not done and past the due date → overdue; due within 14 days →
 * due soon; a plan submitted and waiting for approval → awaiting review.
 */
export function deadlineRows(
  networks: { id: string; name: string; dueDate: string | null; doc: { id: string; status: string } | undefined }[],
  kind: 'plan' | 'report',
  asOf: string,
): DeadlineRow[] {
  const done = kind === 'plan' ? DONE_PLAN : DONE_REPORT;
  const out: DeadlineRow[] = [];
  for (const n of networks) {
    const status = n.doc?.status ?? 'missing';
    if (done.includes(status)) continue;
    const daysLate = n.dueDate ? daysBetween(n.dueDate, asOf) : 0;
    let state: DeadlineRow['state'] | null = null;
    if (kind === 'plan' && status === 'submitted') state = 'awaiting_review';
    else if (n.dueDate && daysLate > 0) state = 'overdue';
    else if (n.dueDate && -daysLate <= DUE_SOON_DAYS) state = 'due_soon';
    if (state)
      out.push({
        networkId: n.id,
        networkName: n.name,
        id: n.doc?.id ?? null,
        status,
        dueDate: n.dueDate,
        state,
        daysLate: Math.max(0, daysLate),
      });
  }
  const order = { overdue: 0, due_soon: 1, awaiting_review: 2 };
  return out.sort((a, b) => order[a.state] - order[b.state] || b.daysLate - a.daysLate || a.networkName.localeCompare(b.networkName, 'vi'));
}

/** present ÷ invited, to three decimals (null when nobody was invited). */
export function rateRow(r: { id: string | null; name: string | null; invited: number; present: number }, unknown: string): RateRow {
  return {
    id: r.id,
    name: r.name ?? unknown,
    invited: r.invited,
    present: r.present,
    rate: r.invited ? Math.round((r.present / r.invited) * 1000) / 1000 : null,
  };
}
