import { addDays, type CalendarBreak, daysBetween, nearestFree, schoolDays } from './calendar';
import { sortByDate } from './propose';

/** The terms and calendar a plan's items are copied between. */
export interface ShiftParams {
  sourceTermStart: string;
  targetTermStart: string;
  targetTermEnd: string;
  breaks: readonly CalendarBreak[];
  /** Days on which an org already hosts something in the target term, by org id. */
  busy?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Moves dated items into another term: each date moves by the whole number of weeks between the two terms' starts
 * (so weekdays stay), then to the nearest school day of the target term that is outside the breaks and on which its
 * host hosts nothing else. Undated items stay undated; the result is in date order.
 */
export function shiftItems<T extends { proposedDate: string | null; hostOrgId: string | null }>(items: readonly T[], p: ShiftParams): T[] {
  const days = schoolDays(p.targetTermStart, p.targetTermEnd, p.breaks);
  const weeks = Math.round(daysBetween(p.sourceTermStart, p.targetTermStart) / 7);
  const taken = new Map<string, Set<string>>();
  const free = (host: string | null) => (d: string) => host === null || (!p.busy?.get(host)?.has(d) && !taken.get(host)?.has(d));
  const out = items.map((item) => {
    if (!item.proposedDate || days.length === 0) return { ...item, proposedDate: null };
    const moved = addDays(item.proposedDate, weeks * 7);
    const at = days.findIndex((d) => d >= moved);
    const j = nearestFree(days, at < 0 ? days.length - 1 : at, free(item.hostOrgId));
    const date = j >= 0 ? days[j] : null;
    if (date && item.hostOrgId) taken.set(item.hostOrgId, (taken.get(item.hostOrgId) ?? new Set()).add(date));
    return { ...item, proposedDate: date };
  });
  return sortByDate(out);
}
