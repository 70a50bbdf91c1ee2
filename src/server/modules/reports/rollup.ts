import { OFFICE_TYPES } from '../../../shared/enums';
import type { ReportResults, ReportStatus, RollupRow } from '../../../shared/reports';
import type { Executor } from '../../db/client';
import { todayIso } from '../../lib/dates';
import { clampDate } from '../exports/people';
import * as orgsRepo from '../orgs/repo';
import { effectiveRules, type QuotaTarget, quotaFor } from '../rules/effective';
import { quotaStatus, subjectsInPlay } from '../rules/subjectsInPlay';
import { computeResults, computeResultsMany, sumResults } from './compute';
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
  if (isOffice(org.type)) return officeResults(db, org, p);
  const subtree = await orgsRepo.subtreeIds(db, [org.id], treeDate(p));
  return computeResults(db, { orgIds: subtree.length ? subtree : [org.id] }, p);
}

/** The units of an office's roll-up on the tree date: the networks it supervises, then its child orgs. */
async function unitsOf(db: Executor, org: RollupOrg, p: repo.Period, date: string) {
  const [nets, children] = await Promise.all([repo.supervisedNetworks(db, org.id, p.schoolYearId), orgsRepo.childrenOn(db, org.id, date)]);
  return {
    nets,
    units: [
      ...nets.map((n) => ({ kind: 'network' as const, id: n.id, name: n.name, unitType: n.kind as string })),
      ...children.map((c) => ({ kind: 'org' as const, id: c.id, name: c.name, unitType: c.type as string })),
    ],
  };
}

/**
 * An office's live results: the sum of its roll-up's units (accepted snapshots, else live), the numbers buildRollup
 * would give, without the quota columns that only the roll-up table shows.
 */
async function officeResults(db: Executor, org: RollupOrg, p: repo.Period): Promise<ReportResults> {
  const date = treeDate(p);
  const { units } = await unitsOf(db, org, p, date);
  const reports = await repo.reportsOfOwners(
    db,
    units.map((u) => u.id),
    p.schoolYearId,
    p.termNumber,
  );
  const snapshotOf = new Map(
    reports.filter((r) => r.status === 'accepted' && r.snapshot).map((r) => [r.networkId ?? r.orgId ?? '', r.snapshot]),
  );
  const live = await liveResultsOfUnits(
    db,
    units.filter((u) => !snapshotOf.has(u.id)),
    p,
    date,
  );
  return sumResults(units.map((u) => ({ unit: u.name, results: (snapshotOf.get(u.id) ?? live.get(u.id)) as ReportResults })));
}

type Row = RollupRow & { results: ReportResults };

/** Offices whose roll-ups are computed at the same time (the pool holds 10 connections; PGlite runs them in turn). */
const OFFICE_CONCURRENCY = 4;

/**
 * Live results of a roll-up's units, batched: networks and schools (or teams) of the level in one computeResultsMany
 * (a few queries for the whole level rather than a few per unit); offices through their own roll-up.
 */
async function liveResultsOfUnits(
  db: Executor,
  units: Array<{ kind: 'network' | 'org'; id: string; name: string; unitType: string }>,
  p: repo.Period,
  date: string,
): Promise<Map<string, ReportResults>> {
  const out = new Map<string, ReportResults>();
  const nets = units.filter((u) => u.kind === 'network');
  const orgs = units.filter((u) => u.kind === 'org' && !isOffice(u.unitType));
  const subtrees = await repo.subtreesOf(
    db,
    orgs.map((u) => u.id),
    date,
  );
  const owners = [
    ...nets.map((u) => ({ networkId: u.id })),
    ...orgs.map((u) => ({ orgIds: subtrees.get(u.id)?.length ? (subtrees.get(u.id) as string[]) : [u.id] })),
  ];
  const results = await computeResultsMany(db, owners, p);
  [...nets, ...orgs].forEach((u, i) => {
    out.set(u.id, results[i]);
  });
  // offices (communes under a Sở) are independent reads: a few at a time overlap their round trips
  const offices = units.filter((u) => u.kind === 'org' && isOffice(u.unitType));
  let next = 0;
  const worker = async () => {
    while (next < offices.length) {
      const u = offices[next++];
      out.set(u.id, await liveResults(db, { org: { id: u.id, name: u.name, type: u.unitType } }, p));
    }
  };
  await Promise.all(Array.from({ length: Math.min(OFFICE_CONCURRENCY, offices.length) }, worker));
  return out;
}

/** The rows of an org's roll-up with each unit's full results, and the org's own report if any. */
export async function buildRollup(db: Executor, org: RollupOrg, p: repo.Period) {
  const date = treeDate(p);
  const [{ nets, units }, rules] = await Promise.all([unitsOf(db, org, p, date), effectiveRules(db, org.id, p.schoolYearId)]);
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
  const live = await liveResultsOfUnits(
    db,
    units.filter((u) => {
      const report = reportOf.get(u.id);
      return !(report?.status === 'accepted' && report.snapshot);
    }),
    p,
    date,
  );
  const rows: Row[] = [];
  for (const u of units) {
    const report = reportOf.get(u.id);
    const accepted = report?.status === 'accepted' && report.snapshot;
    const results = accepted ? (report.snapshot as ReportResults) : (live.get(u.id) as ReportResults);
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
