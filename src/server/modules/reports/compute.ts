import type { NotCarriedOut, ReportResults, SubjectAbsentees, SubjectCount, SubjectLessons } from '../../../shared/reports';
import type { Executor } from '../../db/client';
import { vnShortDate } from '../../lib/documents/vnDate';
import { clampDate, unitsAndTitles } from '../exports/people';
import * as repo from './repo';

/**
 * Part II of Mẫu 3, computed from the data and never typed:
 * - held meetings (status held or minutes locked) by subject, with their contents; a meeting of two subjects counts
 *   once in each subject and once in the total; a meeting without a subject counts under "Liên môn";
 * - planned items cancelled (plan tracking) and meetings cancelled without a plan item, with their reasons;
 * - teachers who took part (present or late) at a held meeting, distinct, per subject: the subjects they teach that
 *   the meeting is about, else the subjects they teach, else the meeting's subjects;
 * - teachers who did not take part, per subject: those recorded excused or absent at a held meeting of the subject
 *   (counted under a subject as above) who took part in none of that subject's meetings, with reasons, even if they
 *   took part in another subject's; the total counts each teacher on those lists once (decision 0010, 2026-12-07).
 */

/** The name a meeting without a subject is counted under. */
export const NO_SUBJECT = repo.NO_SUBJECT;

/** Who owns the report and what it counts. */
export interface Owner {
  networkId?: string;
  /** The org and its subtree on the period's end (for an org's report). */
  orgIds?: string[];
}

/** The results of a network's or a school's (or team's) report for a period, live from the data. */
export async function computeResults(db: Executor, owner: Owner, p: repo.Period): Promise<ReportResults> {
  return (await computeResultsMany(db, [owner], p))[0];
}

type MeetingRow = Awaited<ReturnType<typeof repo.meetingsInMany>>[number];

/**
 * computeResults for several owners at once (a roll-up's units): the rows of all of them are read in eight queries
 * (the per-meeting ones by 8,000 meetings), then split by owner, so a whole province's roll-up costs a few dozen
 * queries instead of a few per school.
 */
export async function computeResultsMany(db: Executor, owners: Owner[], p: repo.Period): Promise<ReportResults[]> {
  if (owners.length === 0) return [];
  const networkIds = [...new Set(owners.flatMap((o) => (o.networkId ? [o.networkId] : [])))];
  const orgIds = [...new Set(owners.flatMap((o) => (o.networkId ? [] : (o.orgIds ?? []))))];
  const [heldAll, cancelledAll, itemsAll] = await Promise.all([
    repo.meetingsInMany(db, { networkIds, hostOrgIds: orgIds }, p, ['held', 'minutes_locked']),
    repo.meetingsInMany(db, { networkIds, hostOrgIds: orgIds }, p, ['cancelled']),
    repo.cancelledItemsMany(db, { networkIds, orgIds }, p),
  ]);
  const ids = heldAll.map((m) => m.id);
  const [subjectRows, absentAll, presentAll] = await Promise.all([
    repo.subjectsOf(db, ids),
    repo.absenteesOf(db, ids),
    repo.participantsOf(db, ids),
  ]);
  const attendanceAll = [...absentAll, ...presentAll];
  const taughtRows = await repo.teacherSubjects(db, [...new Set(attendanceAll.map((a) => a.personId))]);
  const absentByMeeting = new Map<string, typeof absentAll>();
  for (const a of absentAll) {
    const list = absentByMeeting.get(a.meetingId);
    if (list) list.push(a);
    else absentByMeeting.set(a.meetingId, [a]);
  }
  const shared: Shared = {
    subjectsOf: groupNames(subjectRows.map((r) => [r.meetingId, r.name])),
    taught: groupNames(taughtRows.map((r) => [r.personId, r.name])),
    order: new Map([...subjectRows, ...taughtRows].map((r) => [r.name, r.sortOrder])),
  };
  // rows are dealt to their owners through maps (a province's batch: ~1,800 owners and ~100,000 meetings), in the
  // rows' order; a meeting in a network belongs to the network's owners, one outside any network to its host's
  const byNetwork = new Map<string, number[]>();
  const byOrg = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  owners.forEach((o, i) => {
    if (o.networkId) add(byNetwork, o.networkId, i);
    else for (const id of new Set(o.orgIds ?? [])) add(byOrg, id, i);
  });
  const deal = <T>(rows: T[], ownersOf: (r: T) => Array<number[] | undefined>): T[][] => {
    const out = owners.map((): T[] => []);
    for (const r of rows) for (const list of ownersOf(r)) for (const i of list ?? []) out[i].push(r);
    return out;
  };
  const meetingOwners = (m: { networkId: string | null; hostOrgId: string }) => [
    m.networkId ? byNetwork.get(m.networkId) : byOrg.get(m.hostOrgId),
  ];
  const heldOf = deal(heldAll, meetingOwners);
  const cancelledOf = deal(cancelledAll, meetingOwners);
  const presentOf = deal(presentAll, meetingOwners);
  const itemsOf = deal(itemsAll, (i) => [i.networkId ? byNetwork.get(i.networkId) : undefined, i.orgId ? byOrg.get(i.orgId) : undefined]);
  const partial = owners.map((_o, k) =>
    resultsOf(shared, {
      held: heldOf[k],
      cancelledMeetings: cancelledOf[k],
      cancelledItems: itemsOf[k],
      absentRows: heldOf[k].flatMap((m) => absentByMeeting.get(m.id) ?? []),
      presentRows: presentOf[k],
    }),
  );
  const absentIds = [...new Set(partial.flatMap((r) => r.absentIds))];
  const units = await unitsAndTitles(db, absentIds, clampDate(p.to, p.from, p.to));
  return partial.map((r) => r.finish(units));
}

/** What every owner of a batch shares: subjects by meeting, subjects taught by person, catalogue order. */
interface Shared {
  subjectsOf: Map<string, string[]>;
  taught: Map<string, string[]>;
  order: Map<string, number>;
}

interface OwnerRows {
  held: MeetingRow[];
  cancelledMeetings: MeetingRow[];
  cancelledItems: Array<{ id: string; content: string; date: string | null; reason: string | null }>;
  /** The excused and absent, meeting by meeting in the order of `held`. */
  absentRows: Awaited<ReturnType<typeof repo.absenteesOf>>;
  /** Who took part, one row per person and set of meeting subjects (the meeting is one of that set's). */
  presentRows: Array<{ personId: string; meetingId: string }>;
}

/** One owner's results from its rows; the absentees' units are read for the whole batch, then `finish` completes it. */
function resultsOf({ subjectsOf, taught, order }: Shared, { held, cancelledMeetings, cancelledItems, absentRows, presentRows }: OwnerRows) {
  const subjectList = (meetingId: string) => subjectsOf.get(meetingId) ?? [NO_SUBJECT];
  const bySubjectOrder = <T extends { subject: string }>(list: T[]) =>
    list.sort((a, b) => (order.get(a.subject) ?? 1e9) - (order.get(b.subject) ?? 1e9) || a.subject.localeCompare(b.subject, 'vi'));
  const subjectsFor = (personId: string, meetingId: string) => {
    const own = taught.get(personId) ?? [];
    const both = own.filter((s) => subjectsOf.get(meetingId)?.includes(s));
    return both.length ? both : own.length ? own : subjectList(meetingId);
  };

  const lessons = new Map<string, SubjectLessons>();
  for (const m of held) {
    for (const s of subjectList(m.id)) {
      const entry = lessons.get(s) ?? { subject: s, count: 0, contents: [] };
      entry.count += 1;
      entry.contents.push(`${m.title} (${vnShortDate(m.startsAt)}, ${m.host})`);
      lessons.set(s, entry);
    }
  }

  const itemIds = new Set(cancelledItems.map((i) => i.id));
  const notCarriedOut: NotCarriedOut[] = [
    ...cancelledItems.map((i) => ({ content: i.content, date: i.date, reason: i.reason ?? '' })),
    ...cancelledMeetings
      .filter((m) => !m.planItemId || !itemIds.has(m.planItemId))
      .map((m) => ({ content: m.title, date: m.startsAt.toISOString().slice(0, 10), reason: m.statusReason ?? '' })),
  ];

  const tookPart = new Map<string, Set<string>>();
  const tookPartAny = new Set<string>();
  const absences = new Map<string, Map<string, { name: string; reasons: string[] }>>();
  for (const a of presentRows) {
    for (const s of subjectsFor(a.personId, a.meetingId)) {
      tookPart.set(s, (tookPart.get(s) ?? new Set()).add(a.personId));
      tookPartAny.add(a.personId);
    }
  }
  for (const a of absentRows) {
    for (const s of subjectsFor(a.personId, a.meetingId)) {
      const bySubject = absences.get(s) ?? new Map();
      const person = bySubject.get(a.personId) ?? { name: a.fullName, reasons: [] };
      if (a.reason && !person.reasons.includes(a.reason)) person.reasons.push(a.reason);
      bySubject.set(a.personId, person);
      absences.set(s, bySubject);
    }
  }
  // only those listed (absent in a subject they took no part in) need their unit: far fewer than all the absent
  const absentIds = [
    ...new Set([...absences.entries()].flatMap(([subject, m]) => [...m.keys()].filter((id) => !tookPart.get(subject)?.has(id)))),
  ];
  const finish = (units: Map<string, { unit: string | null }>): ReportResults => {
    const nonParticipantsBySubject: SubjectAbsentees[] = [];
    const nonParticipantIds = new Set<string>();
    for (const [subject, byPerson] of absences) {
      const people = [...byPerson.entries()]
        .filter(([id]) => !tookPart.get(subject)?.has(id))
        .map(([id, v]) => {
          nonParticipantIds.add(id);
          return { name: v.name, unit: units.get(id)?.unit ?? null, reason: v.reasons.join('; ') };
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      if (people.length) nonParticipantsBySubject.push({ subject, count: people.length, people });
    }
    const participantsBySubject: SubjectCount[] = [...tookPart.entries()].map(([subject, set]) => ({ subject, count: set.size }));

    return {
      meetingsHeld: held.length,
      lessonsBySubject: bySubjectOrder([...lessons.values()]),
      notCarriedOut,
      participants: tookPartAny.size,
      participantsBySubject: bySubjectOrder(participantsBySubject),
      nonParticipants: nonParticipantIds.size,
      nonParticipantsBySubject: bySubjectOrder(nonParticipantsBySubject),
      meetings: held.map((m) => ({
        id: m.id,
        title: m.title,
        date: m.startsAt.toISOString(),
        host: m.host,
        subjects: subjectsOf.get(m.id) ?? [],
      })),
    };
  };
  return { absentIds, finish };
}

function groupNames(pairs: Array<[string, string]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/** An empty result (no meetings). */
export function emptyResults(): ReportResults {
  return {
    meetingsHeld: 0,
    lessonsBySubject: [],
    notCarriedOut: [],
    participants: 0,
    participantsBySubject: [],
    nonParticipants: 0,
    nonParticipantsBySubject: [],
    meetings: [],
  };
}

/**
 * The results of several units carried up into one (an office's report): every number is the sum of the parts,
 * subjects merged by name, contents and absentees listed with their unit. Nothing is recomputed or retyped.
 */
export function sumResults(parts: Array<{ unit: string; results: ReportResults }>): ReportResults {
  const out = emptyResults();
  const lessons = new Map<string, SubjectLessons>();
  const participants = new Map<string, SubjectCount>();
  const absent = new Map<string, SubjectAbsentees>();
  for (const { unit, results: r } of parts) {
    out.meetingsHeld += r.meetingsHeld;
    out.participants += r.participants;
    out.nonParticipants += r.nonParticipants;
    out.notCarriedOut.push(...r.notCarriedOut.map((n) => ({ ...n, unit: n.unit ?? unit })));
    out.meetings.push(...r.meetings);
    for (const l of r.lessonsBySubject) {
      const e = lessons.get(l.subject) ?? { subject: l.subject, count: 0, contents: [] };
      e.count += l.count;
      e.contents.push(...l.contents);
      lessons.set(l.subject, e);
    }
    for (const c of r.participantsBySubject) {
      const e = participants.get(c.subject) ?? { subject: c.subject, count: 0 };
      e.count += c.count;
      participants.set(c.subject, e);
    }
    for (const a of r.nonParticipantsBySubject) {
      const e = absent.get(a.subject) ?? { subject: a.subject, count: 0, people: [] };
      e.count += a.count;
      e.people.push(...a.people);
      absent.set(a.subject, e);
    }
  }
  out.lessonsBySubject = [...lessons.values()];
  out.participantsBySubject = [...participants.values()];
  out.nonParticipantsBySubject = [...absent.values()];
  return out;
}
