import { type CalendarBreak, nearestFree, schoolDays } from './calendar';

/** A subject to propose meetings for. */
export interface ProposalSubject {
  id: string;
  name: string;
  /** Teachers of the subject in the member schools: the number planned to attend. */
  teachers?: number | null;
}

/** A member school that may host. */
export interface ProposalHost {
  id: string;
  name: string;
}

/** Everything the proposal depends on; the function itself reads nothing else. */
export interface ProposalParams {
  termStart: string;
  termEnd: string;
  /** Earliest day to propose (e.g. tomorrow when the term has begun); the term's start when absent. */
  from?: string | null;
  breaks: readonly CalendarBreak[];
  /** Member schools in the order of the founding decision. */
  hosts: readonly ProposalHost[];
  /** Who hosted last (last term's last item): the rotation starts with the next member. */
  lastHostId?: string | null;
  /** One series of `quota` meetings per subject; empty for one series for the whole network. */
  subjects: readonly ProposalSubject[];
  quota: number;
  /** Days on which an org already hosts something (meetings or other plans' items), by org id. */
  busy?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Start time, 'HH:MM' (default 07:30). */
  time?: string;
}

export type ProposedKind = 'demo_lesson' | 'topic_report';

/** One proposed meeting, in the shape of a plan item. */
export interface ProposedItem {
  kind: ProposedKind;
  subjectIds: string[];
  content: string;
  hostOrgId: string | null;
  presenterOrgId: string | null;
  proposedDate: string | null;
  proposedTime: string;
  place: string | null;
  mode: 'in_person';
  plannedCount: number | null;
}

export const DEFAULT_TIME = '07:30';

/** The prefilled content of a proposed meeting, in Vietnamese ("Thao giảng, dự giờ môn Toán"). */
export function contentOf(kind: ProposedKind, subjectName: string | null): string {
  if (kind === 'demo_lesson') return subjectName ? `Thao giảng, dự giờ môn ${subjectName}` : 'Thao giảng, dự giờ, rút kinh nghiệm chung';
  return subjectName ? `Báo cáo chuyên đề môn ${subjectName}` : 'Báo cáo chuyên đề chung';
}

/** Where the rotation starts: the member after the last host, else the first member. */
export function rotationStart(hosts: readonly ProposalHost[], lastHostId: string | null | undefined): number {
  const last = lastHostId ? hosts.findIndex((h) => h.id === lastHostId) : -1;
  return hosts.length === 0 ? 0 : (last + 1) % hosts.length;
}

/**
 * Proposes the meetings a network must hold in a term: `quota` per subject (or for the whole network), the subjects
 * interleaved round by round so each subject's meetings lie far apart; hosts in fair round-robin after the last
 * host; dates spread evenly over the school days (Mon–Fri, outside breaks) from `from` to the term's end, never on a
 * day the host already hosts and, while days allow, one meeting a day; kinds alternate demo lesson / topic report
 * within each subject and from one subject to the next.
 * Items come back in date order (items without a free day, if any, last with no date).
 */
export function proposeItems(p: ProposalParams): ProposedItem[] {
  const series: Array<ProposalSubject | null> = p.subjects.length > 0 ? [...p.subjects] : [null];
  const slots: Array<{ subject: ProposalSubject | null; turn: number }> = [];
  for (let round = 0; round < p.quota; round++) {
    for (const [k, subject] of series.entries()) slots.push({ subject, turn: round + k });
  }
  const start = p.from && p.from > p.termStart ? p.from : p.termStart;
  const days = schoolDays(start, p.termEnd, p.breaks);
  const first = rotationStart(p.hosts, p.lastHostId);
  const used = new Set<string>();
  const taken = new Map<string, Set<string>>();
  const hostBusy = (host: string | null, day: string) =>
    host !== null && (p.busy?.get(host)?.has(day) === true || taken.get(host)?.has(day) === true);
  let prev = -1;
  const items = slots.map((slot, i): ProposedItem => {
    const host = p.hosts.length > 0 ? p.hosts[(first + i) % p.hosts.length] : null;
    const hostId = host?.id ?? null;
    const target = Math.floor(((i + 0.5) * days.length) / slots.length);
    let j = nearestFree(days, target, (d) => !used.has(d) && !hostBusy(hostId, d), prev + 1);
    if (j < 0) j = nearestFree(days, target, (d) => !hostBusy(hostId, d));
    const date = j >= 0 ? days[j] : null;
    if (date) {
      used.add(date);
      if (hostId) taken.set(hostId, (taken.get(hostId) ?? new Set()).add(date));
      prev = Math.max(prev, j);
    }
    const kind: ProposedKind = slot.turn % 2 === 0 ? 'demo_lesson' : 'topic_report';
    return {
      kind,
      subjectIds: slot.subject ? [slot.subject.id] : [],
      content: contentOf(kind, slot.subject?.name ?? null),
      hostOrgId: hostId,
      presenterOrgId: hostId,
      proposedDate: date,
      proposedTime: p.time ?? DEFAULT_TIME,
      place: host?.name ?? null,
      mode: 'in_person',
      plannedCount: slot.subject?.teachers || null,
    };
  });
  return sortByDate(items);
}

/** Items in date order (stable), undated items last. */
export function sortByDate<T extends { proposedDate: string | null }>(items: T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.proposedDate ?? '9999').localeCompare(b.item.proposedDate ?? '9999') || a.i - b.i)
    .map((x) => x.item);
}
