import type { Executor } from '../../db/client';
import * as repo from './repo';

/**
 * One meaning of "n meetings a term" for proposals, compliance and roll-up (decision 0009). A per-subject quota
 * (seed 001: a school group meets 2 times a term "theo từng bộ môn") asks each subject in play for n held meetings;
 * a meeting about two subjects counts for both. Other quotas ask the network as a whole.
 */

export interface SubjectRef {
  id: string;
  name: string;
}

export interface InPlay {
  /** 'plan' when the subjects come from the network's submitted or approved plan, 'schools' from the members' teams. */
  source: 'plan' | 'schools';
  subjects: SubjectRef[];
}

const rankStatus = (s: string) => (s === 'approved' ? 0 : 1);
const bySort = (a: { sortOrder: number; name: string }, b: { sortOrder: number; name: string }) =>
  a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi');

/**
 * The subjects in play of each network for a term (1|2) or the whole year (null): those of its plan for the term if
 * it has one approved or submitted (the term's own plan before a year plan, approved before submitted; for the year,
 * every such plan of the year), else those taught by the teams of its member schools on `date`. Three queries for
 * any number of networks.
 */
export async function subjectsInPlay(
  db: Executor,
  networkIds: string[],
  schoolYearId: string,
  termNumber: 1 | 2 | null,
  date: string,
): Promise<Map<string, InPlay>> {
  const out = new Map<string, InPlay>();
  if (networkIds.length === 0) return out;
  const [planRows, memberRows] = await Promise.all([
    repo.planSubjectsOf(db, networkIds, schoolYearId),
    repo.memberSubjectsOf(db, networkIds, date),
  ]);
  for (const id of networkIds) {
    const rows = planRows.filter(
      (r) => r.networkId === id && (termNumber === null || r.termNumber === termNumber || r.termNumber === null),
    );
    let chosen = rows;
    if (termNumber !== null && rows.length) {
      const best = [...rows].sort(
        (a, b) => (a.termNumber === null ? 1 : 0) - (b.termNumber === null ? 1 : 0) || rankStatus(a.status) - rankStatus(b.status),
      )[0];
      chosen = rows.filter((r) => r.planId === best.planId);
    }
    const source = chosen.length ? 'plan' : 'schools';
    const list = chosen.length ? chosen : memberRows.filter((r) => r.networkId === id);
    const unique = new Map(list.map((r) => [r.id, r]));
    out.set(id, { source, subjects: [...unique.values()].sort(bySort).map((s) => ({ id: s.id, name: s.name })) });
  }
  return out;
}

/** Held meetings per network and subject between two dates (a meeting of two subjects counts for both). */
export async function heldBySubject(
  db: Executor,
  networkIds: string[],
  from: string,
  to: string,
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of await repo.heldPerSubject(db, networkIds, from, to)) {
    const m = out.get(r.networkId) ?? new Map<string, number>();
    m.set(r.subjectId, r.held);
    out.set(r.networkId, m);
  }
  return out;
}

export interface QuotaStatus {
  /** What is asked: the count, times the number of subjects in play for a per-subject quota. */
  required: number;
  /** What is held: the network's held meetings, or for a per-subject quota each subject's held meetings up to the count, summed. */
  held: number;
  behind: boolean;
  /** The names of the subjects in play with fewer held meetings than the count (per-subject quotas only). */
  subjectsBehind: string[];
}

/**
 * A network's standing against its quota. Per subject: behind when any subject in play has fewer than `count` held
 * meetings; with no subject in play at all the network's total is compared, as for a whole-network quota.
 */
export function quotaStatus(
  quota: { count: number; perSubject: boolean },
  totalHeld: number,
  inPlay: SubjectRef[],
  heldOf: (s: SubjectRef) => number,
): QuotaStatus {
  if (!quota.perSubject || inPlay.length === 0)
    return { required: quota.count, held: totalHeld, behind: totalHeld < quota.count, subjectsBehind: [] };
  const behind = inPlay.filter((s) => heldOf(s) < quota.count).map((s) => s.name);
  return {
    required: quota.count * inPlay.length,
    held: inPlay.reduce((a, s) => a + Math.min(heldOf(s), quota.count), 0),
    behind: behind.length > 0,
    subjectsBehind: behind,
  };
}
