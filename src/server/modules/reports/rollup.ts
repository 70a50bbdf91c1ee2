import { OFFICE_TYPES } from '../../../shared/enums';
import type { ReportResults, ReportStatus, RollupRow } from '../../../shared/reports';
import type { Executor } from '../../db/client';
import { todayIso } from '../../lib/dates';
import { clampDate } from '../exports/people';
import * as orgsRepo from '../orgs/repo';
import { effectiveRules, type QuotaTarget, quotaFor } from '../rules/effective';
import { quotaStatus, subjectsInPlay } from '../rules/subjectsInPlay';
import { computeResults, sumResults } from './compute';
import * as repo from './repo';

/**
 * The roll-up of a supervising org: one row per network it supervises in the school year and per child org on the
 * period's date (today inside the period, else its nearest end). Each row's numbers come from the unit's accepted
 * report (its snapshot), else live from the data; an office's live numbers are its own roll-up's totals, so numbers
 * are carried up from level to level and never retyped.
 */

/** An org as the roll-up needs it. */
export interface RollupOrg {
  id: string;
  name: string;
  type: string;
}

/** The date the org tree is read at for a period. */
export function treeDate(p: repo.Period): string {
  return clampDate(todayIso(), p.from, p.to);
}

/** True for the org types whose reports carry up their units' numbers (Sở, Phòng, commune). */
export function isOffice(type: string): boolean {
  return OFFICE_TYPES.includes(type as never);
}

/** Live results of a network, or of an org (a school's or team's own meetings; an office's roll-up totals). */
export async function liveResults(db: Executor, owner: { networkId?: string; org?: RollupOrg }, p: repo.Period): Promise<ReportResults> {
  if (owner.networkId) return computeResults(db, { networkId: owner.networkId }, p);
  const org = owner.org as RollupOrg;
  if (isOffice(org.type)) {
    const rollup = await buildRollup(db, org, p);
    return sumResults(rollup.rows.map((r) => ({ unit: r.name, results: r.results })));
  }
  const subtree = await orgsRepo.subtreeIds(db, [org.id], treeDate(p));
  return computeResults(db, { orgIds: subtree.length ? subtree : [org.id] }, p);
}

type Row = RollupRow & { results: ReportResults };

/** The rows of an org's roll-up with each unit's full results, and the org's own report if any. */
export async function buildRollup(db: Executor, org: RollupOrg, p: repo.Period) {
  const date = treeDate(p);
  const [nets, children, rules] = await Promise.all([
    repo.supervisedNetworks(db, org.id, p.schoolYearId),
    orgsRepo.childrenOn(db, org.id, date),
    effectiveRules(db, org.id, p.schoolYearId),
  ]);
  const units = [
    ...nets.map((n) => ({ kind: 'network' as const, id: n.id, name: n.name, unitType: n.kind as string })),
    ...children.map((c) => ({ kind: 'org' as const, id: c.id, name: c.name, unitType: c.type as string })),
  ];
  const [reports, inPlay] = await Promise.all([
    repo.reportsOfOwners(db, [...units.map((u) => u.id), org.id], p.schoolYearId, p.termNumber),
    subjectsInPlay(
      db,
      nets.map((n) => n.id),
      p.schoolYearId,
      p.termNumber,
      date,
    ),
  ]);
  const reportOf = new Map(reports.map((r) => [r.networkId ?? r.orgId ?? '', r]));
  const rows: Row[] = [];
  for (const u of units) {
    const report = reportOf.get(u.id);
    const accepted = report?.status === 'accepted' && report.snapshot;
    const results = accepted
      ? (report.snapshot as ReportResults)
      : await liveResults(db, u.kind === 'network' ? { networkId: u.id } : { org: { id: u.id, name: u.name, type: u.unitType } }, p);
    const target: QuotaTarget | null = u.kind === 'network' ? (u.unitType as QuotaTarget) : u.unitType === 'team' ? 'team' : null;
    const quota = target ? quotaFor(rules, target, p.termNumber) : { count: 0, perSubject: false };
    // per subject: the unit's own numbers (snapshot or live) by subject name, so an accepted report keeps its flags
    const bySubject = new Map(results.lessonsBySubject.map((s) => [s.subject, s.count]));
    const subjects = inPlay.get(u.id)?.subjects ?? [];
    const standing = quotaStatus(quota, results.meetingsHeld, subjects, (s) => bySubject.get(s.name) ?? 0);
    const status = (report?.status as ReportStatus | undefined) ?? null;
    rows.push({
      ...u,
      reportId: report?.id ?? null,
      reportStatus: status,
      source: accepted ? 'snapshot' : 'live',
      meetingsHeld: results.meetingsHeld,
      required: standing.required,
      subjectsBehind: standing.subjectsBehind,
      quotaHeld: standing.held,
      perSubjectCount: quota.perSubject && subjects.length > 0 ? quota.count : null,
      notCarriedOut: results.notCarriedOut.length,
      participants: results.participants,
      nonParticipants: results.nonParticipants,
      missingReport: status === null || status === 'draft',
      belowQuota: quota.count > 0 && standing.behind,
      results,
    });
  }
  const sum = (f: (r: Row) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    rows,
    totals: {
      meetingsHeld: sum((r) => r.meetingsHeld),
      notCarriedOut: sum((r) => r.notCarriedOut),
      participants: sum((r) => r.participants),
      nonParticipants: sum((r) => r.nonParticipants),
      missing: sum((r) => (r.missingReport ? 1 : 0)),
      belowQuota: sum((r) => (r.belowQuota ? 1 : 0)),
    },
    ownReportId: reportOf.get(org.id)?.id ?? null,
  };
}
