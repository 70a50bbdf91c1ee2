import { PgTransaction } from 'drizzle-orm/pg-core';
import type { ReportResults, SubjectCount } from '../../../shared/reports';
import type { Executor } from '../../db/client';
import { NO_SUBJECT, type Owner } from './compute';
import * as repo from './repo';

/**
 * The numbers a roll-up row prints of a unit, without the lists behind them (meetings, contents, absentees by name):
 * counted in the database for a whole province in one statement, so a roll-up ships a few rows per unit to Node
 * instead of every held meeting and attendance record. They equal what computeResults counts (decision 0010):
 * - meetings held, and held per subject name (a meeting of two subjects counts once in each, none → "Liên môn");
 * - planned items cancelled plus meetings cancelled without one of those items;
 * - participants: distinct people present or late at one of the held meetings;
 * - non-participants: distinct people on some subject's list of those who did not take part, i.e. recorded excused
 *   or absent at a held meeting of a subject and present or late at none of that subject's (subjects per person as
 *   computeResults deals them); each counted once however many subjects they missed, even if they took part in another.
 */
export interface UnitNumbers {
  meetingsHeld: number;
  lessonsBySubject: SubjectCount[];
  notCarriedOut: number;
  participants: number;
  nonParticipants: number;
}

/** The numbers of full results (an accepted report's snapshot). */
export function numbersOf(r: ReportResults): UnitNumbers {
  return {
    meetingsHeld: r.meetingsHeld,
    lessonsBySubject: r.lessonsBySubject.map((l) => ({ subject: l.subject, count: l.count })),
    notCarriedOut: r.notCarriedOut.length,
    participants: r.participants,
    nonParticipants: r.nonParticipants,
  };
}

/** The numbers of several units carried up into one, as sumResults adds them (subjects merged by name). */
export function sumNumbers(parts: UnitNumbers[]): UnitNumbers {
  const out: UnitNumbers = { meetingsHeld: 0, lessonsBySubject: [], notCarriedOut: 0, participants: 0, nonParticipants: 0 };
  const lessons = new Map<string, SubjectCount>();
  for (const n of parts) {
    out.meetingsHeld += n.meetingsHeld;
    out.notCarriedOut += n.notCarriedOut;
    out.participants += n.participants;
    out.nonParticipants += n.nonParticipants;
    for (const l of n.lessonsBySubject) {
      const e = lessons.get(l.subject) ?? { subject: l.subject, count: 0 };
      e.count += l.count;
      lessons.set(l.subject, e);
    }
  }
  out.lessonsBySubject = [...lessons.values()];
  return out;
}

/** Statements counting a roll-up's owners side by side (the machines here have 2 cores; more only queue). */
const PARTS = 3;

type RowsOf = Awaited<ReturnType<typeof repo.ownerNumbers>>;

/** The numbers of several owners at once (a roll-up's networks and schools), a statement per part; owners as in computeResultsMany. */
export async function computeNumbersMany(db: Executor, owners: Owner[], p: repo.Period): Promise<UnitNumbers[]> {
  const out = owners.map(
    (): UnitNumbers => ({ meetingsHeld: 0, lessonsBySubject: [], notCarriedOut: 0, participants: 0, nonParticipants: 0 }),
  );
  if (owners.length === 0) return out;
  const keyed = owners.map((o, k) =>
    o.networkId ? { k, networkIds: [o.networkId], orgIds: [] } : { k, networkIds: [], orgIds: [...new Set(o.orgIds ?? [])] },
  );
  // a province's owners in a few parts counted side by side, each on its own connection (one statement runs on one
  // core; its ~100,000 meetings are probed one by one); in a transaction they share its connection, so one at a time
  const parts = Array.from({ length: Math.min(PARTS, keyed.length) }, (_, i) => keyed.filter((o) => o.k % PARTS === i));
  const rows: RowsOf = [];
  if (db instanceof PgTransaction) for (const part of parts) rows.push(...(await repo.ownerNumbers(db, part, p)));
  else for (const partRows of await Promise.all(parts.map((part) => repo.ownerNumbers(db, part, p)))) rows.push(...partRows);
  for (const r of rows) {
    const n = out[r.k];
    if (r.what === 'held') n.meetingsHeld = r.n;
    else if (r.what === 'lessons') {
      // merged by name, as computeResults does (a subject named like NO_SUBJECT joins the meetings without one)
      const subject = r.subject ?? NO_SUBJECT;
      const entry = n.lessonsBySubject.find((l) => l.subject === subject);
      if (entry) entry.count += r.n;
      else n.lessonsBySubject.push({ subject, count: r.n });
    } else if (r.what === 'people') {
      n.participants = r.n;
      n.nonParticipants = r.n2;
    } else n.notCarriedOut += r.n;
  }
  return out;
}
