import { OFFICE_TYPES } from '../../../shared/enums';
import type { ReportResults, ReportStatus, RollupRow } from '../../../shared/reports';
import type { Executor } from '../../db/client';
import { todayIso } from '../../lib/dates';
import { clampDate } from '../exports/people';
import * as orgsRepo from '../orgs/repo';
import { effectiveRules, type QuotaTarget, quotaFor } from '../rules/effective';
import { quotaStatus, subjectsInPlay } from '../rules/subjectsInPlay';
import { computeResults, computeResultsMany, type Owner, sumResults } from './compute';
import { computeNumbersMany, numbersOf, sumNumbers, type UnitNumbers } from './numbers';
import { owesReport } from './owed';
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

/** The statuses of a report that is with the reviewer (a returned one is not, until it is sent again). */
const SUBMITTED: readonly ReportStatus[] = ['submitted', 'resubmitted', 'accepted'];

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
    const live = await liveResultsOfUnits(db, [{ kind: 'org', id: org.id, name: org.name, unitType: org.type }], p, treeDate(p));
    return live.get(org.id) as ReportResults;
  }
  const subtree = await orgsRepo.subtreeIds(db, [org.id], treeDate(p));
  return computeResults(db, { orgIds: subtree.length ? subtree : [org.id] }, p);
}

/** A unit of a roll-up: a network the office supervises or one of its child orgs. */
interface Unit {
  kind: 'network' | 'org';
  id: string;
  name: string;
  unitType: string;
}

/**
 * The units of several offices' roll-ups on the tree date, in two queries: for each office the networks it
 * supervises (by kind and name), then its child orgs (by type and name).
 */
async function unitsOfMany(db: Executor, orgIds: string[], p: repo.Period, date: string) {
  const [nets, children] = await Promise.all([
    repo.supervisedNetworksMany(db, orgIds, p.schoolYearId),
    repo.childrenOnMany(db, orgIds, date),
  ]);
  const out = new Map<string, { nets: typeof nets; units: Unit[] }>(orgIds.map((id) => [id, { nets: [], units: [] }]));
  for (const n of nets) {
    const entry = out.get(n.supervisingOrgId);
    entry?.nets.push(n);
    entry?.units.push({ kind: 'network', id: n.id, name: n.name, unitType: n.kind });
  }
  for (const c of children) out.get(c.parentId)?.units.push({ kind: 'org', id: c.id, name: c.name, unitType: c.type });
  return out;
}

const isOfficeUnit = (u: Unit) => u.kind === 'org' && isOffice(u.unitType);

/** What walking down a roll-up's offices found: the units to compute, each office's units, accepted snapshots. */
interface Walked {
  /** The networks and schools (or teams) met on the way without an accepted snapshot, and whose meetings they own. */
  leaves: Unit[];
  owners: Owner[];
  /** Each office met, top-down, with its units. */
  unitsOfOffice: Map<string, Unit[]>;
  snapshots: Map<string, ReportResults>;
}

/**
 * Walks a roll-up's units down: the offices among them (communes under a Sở) level by level, each level's units and
 * reports read in three queries for all its offices at once; every network and school (or team) met on the way that
 * has no accepted snapshot is a leaf, to be computed in one batch. The number of queries follows the depth of the
 * tree, not the number of communes.
 */
async function walkUnits(db: Executor, units: Unit[], p: repo.Period, date: string): Promise<Walked> {
  const leaves: Unit[] = [];
  const unitsOfOffice = new Map<string, Unit[]>();
  const snapshots = new Map<string, ReportResults>();
  let level = units;
  for (let depth = 0; level.length > 0 && depth < 12; depth++) {
    leaves.push(...level.filter((u) => !isOfficeUnit(u)));
    const offices = level.filter((u) => isOfficeUnit(u) && !unitsOfOffice.has(u.id));
    if (offices.length === 0) break;
    const byOffice = await unitsOfMany(
      db,
      offices.map((o) => o.id),
      p,
      date,
    );
    const below = offices.flatMap((o) => byOffice.get(o.id)?.units ?? []);
    const reports = await repo.reportsOfOwners(
      db,
      below.map((u) => u.id),
      p.schoolYearId,
      p.termNumber,
    );
    for (const r of reports)
      if (r.status === 'accepted' && r.snapshot) snapshots.set(r.networkId ?? r.orgId ?? '', r.snapshot as ReportResults);
    for (const o of offices) unitsOfOffice.set(o.id, byOffice.get(o.id)?.units ?? []);
    level = below.filter((u) => !snapshots.has(u.id));
  }
  const nets = leaves.filter((u) => u.kind === 'network');
  const orgs = leaves.filter((u) => u.kind === 'org');
  const subtrees = await repo.subtreesOf(
    db,
    orgs.map((u) => u.id),
    date,
  );
  const owners: Owner[] = [
    ...nets.map((u) => ({ networkId: u.id })),
    ...orgs.map((u) => ({ orgIds: subtrees.get(u.id)?.length ? (subtrees.get(u.id) as string[]) : [u.id] })),
  ];
  return { leaves: [...nets, ...orgs], owners, unitsOfOffice, snapshots };
}

/**
 * The leaves' values by unit id, then each office's as the sum of its units (accepted snapshot, else live): offices
 * were met top-down, so in reverse each office's units are complete before the office is summed.
 */
function carryUp<T>(w: Walked, values: T[], ofSnapshot: (r: ReportResults) => T, sum: (parts: Array<{ unit: Unit; value: T }>) => T) {
  const out = new Map<string, T>();
  w.leaves.forEach((u, i) => {
    out.set(u.id, values[i]);
  });
  for (const [officeId, list] of [...w.unitsOfOffice.entries()].reverse()) {
    const parts = list.map((u) => {
      const snapshot = w.snapshots.get(u.id);
      return { unit: u, value: (snapshot ? ofSnapshot(snapshot) : out.get(u.id)) as T };
    });
    out.set(officeId, sum(parts));
  }
  return out;
}

/**
 * Full live results of a roll-up's units (an office's own report lists every meeting and absentee): the leaves in
 * one computeResultsMany (a few queries for a whole province), the offices summed from them.
 */
async function liveResultsOfUnits(db: Executor, units: Unit[], p: repo.Period, date: string): Promise<Map<string, ReportResults>> {
  const w = await walkUnits(db, units, p, date);
  const results = await computeResultsMany(db, w.owners, p);
  return carryUp(
    w,
    results,
    (r) => r,
    (parts) => sumResults(parts.map((x) => ({ unit: x.unit.name, results: x.value }))),
  );
}

/**
 * Live numbers of a roll-up's units, what its rows print: the leaves counted in the database (a statement per part,
 * computeNumbersMany), the offices summed from them; equal to the numbers of liveResultsOfUnits.
 */
async function liveNumbersOfUnits(db: Executor, units: Unit[], p: repo.Period, date: string): Promise<Map<string, UnitNumbers>> {
  const w = await walkUnits(db, units, p, date);
  const numbers = await computeNumbersMany(db, w.owners, p);
  return carryUp(w, numbers, numbersOf, (parts) => sumNumbers(parts.map((x) => x.value)));
}

/** The rows of an org's roll-up (each unit's numbers: accepted snapshot, else live), and the org's own report if any. */
export async function buildRollup(db: Executor, org: RollupOrg, p: repo.Period) {
  const date = treeDate(p);
  const [byOffice, rules] = await Promise.all([unitsOfMany(db, [org.id], p, date), effectiveRules(db, org.id, p.schoolYearId)]);
  const { nets, units } = byOffice.get(org.id) ?? { nets: [], units: [] };
  // the subjects in play are read while the units are counted (they are needed only for the rows)
  const [inPlay, { reportOf, live }] = await Promise.all([
    subjectsInPlay(
      db,
      nets.map((n) => n.id),
      p.schoolYearId,
      p.termNumber,
      date,
    ),
    (async () => {
      const reports = await repo.reportsOfOwners(db, [...units.map((u) => u.id), org.id], p.schoolYearId, p.termNumber);
      const reportOf = new Map(reports.map((r) => [r.networkId ?? r.orgId ?? '', r]));
      const unaccepted = units.filter((u) => {
        const report = reportOf.get(u.id);
        return !(report?.status === 'accepted' && report.snapshot);
      });
      return { reportOf, live: await liveNumbersOfUnits(db, unaccepted, p, date) };
    })(),
  ]);
  const rows: RollupRow[] = [];
  for (const u of units) {
    const report = reportOf.get(u.id);
    const accepted = report?.status === 'accepted' && report.snapshot;
    const results = accepted ? numbersOf(report.snapshot as ReportResults) : (live.get(u.id) as UnitNumbers);
    const target: QuotaTarget | null = u.kind === 'network' ? (u.unitType as QuotaTarget) : u.unitType === 'team' ? 'team' : null;
    const quota = target ? quotaFor(rules, target, p.termNumber) : { count: 0, perSubject: false };
    // per subject: the unit's own numbers (snapshot or live) by subject name, so an accepted report keeps its flags
    const bySubject = new Map(results.lessonsBySubject.map((s) => [s.subject, s.count]));
    const subjects = inPlay.get(u.id)?.subjects ?? [];
    const standing = quotaStatus(quota, results.meetingsHeld, subjects, (s) => bySubject.get(s.name) ?? 0);
    const status = (report?.status as ReportStatus | undefined) ?? null;
    // who owes a report: what the org's rules ask for the period (owed.ts); the others are never counted as missing
    const owes = owesReport(u, rules, p.termNumber);
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
      notCarriedOut: results.notCarriedOut,
      participants: results.participants,
      nonParticipants: results.nonParticipants,
      owesReport: owes,
      missingReport: owes && !SUBMITTED.includes(status as ReportStatus),
      belowQuota: quota.count > 0 && standing.behind,
    });
  }
  const sum = (f: (r: RollupRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    rows,
    totals: {
      meetingsHeld: sum((r) => r.meetingsHeld),
      notCarriedOut: sum((r) => r.notCarriedOut),
      participants: sum((r) => r.participants),
      nonParticipants: sum((r) => r.nonParticipants),
      owed: sum((r) => (r.owesReport ? 1 : 0)),
      submitted: sum((r) => (r.owesReport && !r.missingReport ? 1 : 0)),
      missing: sum((r) => (r.missingReport ? 1 : 0)),
      belowQuota: sum((r) => (r.belowQuota ? 1 : 0)),
    },
    ownReportId: reportOf.get(org.id)?.id ?? null,
  };
}
