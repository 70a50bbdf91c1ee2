import type { Executor } from '../../db/client';
import * as orgsRepo from '../orgs/repo';
import { addDays } from './presets';
import * as repo from './repo';

export type QuotaTarget = 'cluster' | 'school_group' | 'district_group' | 'custom' | 'team';

export interface EffectiveRules {
  ruleSetId: string | null; // null when no rule set applies (then defaults below)
  orgId: string; // the supervising org whose rules these are
  schoolYearId: string;
  /** perSubject: each subject in play (see subjectsInPlay.ts) must meet minCount times, not the network as a whole. */
  quotas: { target: QuotaTarget; per: 'term' | 'year'; minCount: number; perSubject: boolean }[];
  teamIntervalDays: number; // team meets at least every N days; default 14
  planDueDate: string | null; // ISO date, e.g. '2024-09-15'
  preparationDaysBefore: number | null; // preparation report N days before a meeting (Bắc Giang: 7)
  term1ReportDue: string | null; // ISO date (Củ Chi: 20/12)
  yearReportDue: string | null; // ISO date (Củ Chi: 16/5)
  dossierDaysBefore: number | null; // seed 004: 2
  breaks: { startDate: string; endDate: string; label: string; kind: 'holiday' | 'exam' }[]; // no meetings then
  /** 'own' when the rule set is the asked org's, 'inherited' when an ancestor's, 'default' when none applies. */
  source: 'own' | 'inherited' | 'default';
  /** The preset the rule set was made from (ben_tre, cu_chi, bac_giang), null when typed or edited by hand. */
  preset: string | null;
}

/** The rules that apply when no org up the tree has set any. */
export function defaultRules(orgId: string, schoolYearId: string): EffectiveRules {
  return {
    ruleSetId: null,
    orgId,
    schoolYearId,
    quotas: [],
    teamIntervalDays: 14,
    planDueDate: null,
    preparationDaysBefore: null,
    term1ReportDue: null,
    yearReportDue: null,
    dossierDaysBefore: null,
    breaks: [],
    source: 'default',
    preset: null,
  };
}

/**
 * The rules that apply to what each of `orgIds` supervises in a school year: its own rule set, else the nearest
 * ancestor's (the tree as of the school year's first day), else defaults. A fixed number of queries for any
 * number of orgs. Keyed by org id; an unknown school year gives defaults.
 */
export async function effectiveRulesMany(db: Executor, orgIds: string[], schoolYearId: string): Promise<Map<string, EffectiveRules>> {
  const out = new Map<string, EffectiveRules>();
  const unique = [...new Set(orgIds)];
  if (unique.length === 0) return out;
  const year = await repo.schoolYearWithTerms(db, schoolYearId);
  const chains = year ? await orgsRepo.ancestorChains(db, unique, year.startDate) : new Map<string, string[]>();
  const allIds = [...new Set([...unique, ...[...chains.values()].flat()])];
  const sets = year ? await repo.setsOf(db, allIds, schoolYearId) : [];
  const byOrg = new Map(sets.map((s) => [s.orgId, s]));
  const { quotas, breaks } = await repo.detailsOf(
    db,
    sets.map((s) => s.id),
  );
  for (const orgId of unique) {
    const chain = chains.get(orgId) ?? [orgId];
    const set = chain.map((id) => byOrg.get(id)).find((s) => s !== undefined);
    if (!set) {
      out.set(orgId, defaultRules(orgId, schoolYearId));
      continue;
    }
    out.set(orgId, {
      ruleSetId: set.id,
      orgId: set.orgId,
      schoolYearId,
      quotas: quotas
        .filter((q) => q.ruleSetId === set.id)
        .map((q) => ({
          target: q.target as QuotaTarget,
          per: q.per as 'term' | 'year',
          minCount: q.minCount,
          perSubject: q.perSubject,
        })),
      teamIntervalDays: set.teamIntervalDays,
      planDueDate: set.planDueDate,
      preparationDaysBefore: set.preparationDaysBefore,
      term1ReportDue: set.term1ReportDue,
      yearReportDue: set.yearReportDue,
      dossierDaysBefore: set.dossierDaysBefore,
      breaks: breaks
        .filter((b) => b.ruleSetId === set.id)
        .map((b) => ({ startDate: b.startDate, endDate: b.endDate, label: b.label, kind: b.kind as 'holiday' | 'exam' })),
      source: set.orgId === orgId ? 'own' : 'inherited',
      preset: set.preset,
    });
  }
  return out;
}

/** The rules that apply to what `orgId` supervises in a school year: its own rule set, else the nearest ancestor's, else defaults. */
export async function effectiveRules(db: Executor, orgId: string, schoolYearId: string): Promise<EffectiveRules> {
  const map = await effectiveRulesMany(db, [orgId], schoolYearId);
  return map.get(orgId) ?? defaultRules(orgId, schoolYearId);
}

/**
 * Minimum number of meetings required of a target in a term (termNumber 1|2) or in the whole year (null).
 * A term asks for its per-term quota; with only a yearly quota of n, term 1 asks ceil(n/2) and term 2 the rest.
 * The year asks for the larger of its yearly quota and twice the per-term quota. No quota: 0.
 */
export function requiredMeetings(rules: EffectiveRules, target: QuotaTarget, termNumber: 1 | 2 | null): number {
  const perTerm = rules.quotas.find((q) => q.target === target && q.per === 'term')?.minCount;
  const perYear = rules.quotas.find((q) => q.target === target && q.per === 'year')?.minCount;
  if (termNumber === null) return Math.max(perYear ?? 0, (perTerm ?? 0) * 2);
  if (perTerm !== undefined) return perTerm;
  if (perYear === undefined) return 0;
  const first = Math.ceil(perYear / 2);
  return termNumber === 1 ? first : perYear - first;
}

/**
 * The quota of a target in a term (1|2) or the year (null): `count` as requiredMeetings, and whether it counts per
 * subject (each subject in play must meet `count` times) or for the network as a whole.
 */
export function quotaFor(rules: EffectiveRules, target: QuotaTarget, termNumber: 1 | 2 | null): { count: number; perSubject: boolean } {
  const count = requiredMeetings(rules, target, termNumber);
  const perSubject = rules.quotas.some((q) => q.target === target && q.perSubject && q.minCount > 0);
  return { count, perSubject: count > 0 && perSubject };
}

/** Days into a term a plan is due when the rules set no date: the two-week rule's first meeting needs one by then. */
export const DEFAULT_PLAN_DAYS = 14;

/**
 * The day a network's plan for a term is due: term 1, the rules' plan date; term 2, the term's first day when the
 * rules set a plan date. When they set none, 14 days after the term starts, so a network with no plan is still
 * overdue once the term is under way (never "all good" for want of a date).
 */
export function planDueOn(rules: Pick<EffectiveRules, 'planDueDate'> | undefined, term: { number: 1 | 2; startDate: string }): string {
  const due = rules?.planDueDate ?? null;
  if (!due) return addDays(term.startDate, DEFAULT_PLAN_DAYS);
  return term.number === 2 ? term.startDate : due;
}
