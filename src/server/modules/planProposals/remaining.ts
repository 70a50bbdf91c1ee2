import { addDays, type CalendarBreak, schoolDays, weekday } from './calendar';
import { publicHolidays } from './holidays';

/** The rules' breaks and Vietnam's public holidays from `from` to `to`, together: the days no meeting is proposed on. */
export function calendarBreaks(ruleBreaks: readonly CalendarBreak[], from: string, to: string): CalendarBreak[] {
  return [...ruleBreaks, ...publicHolidays(from, to)];
}

/** How much of the term is left for the meetings still to propose, and whether it is enough. */
export interface RemainingTime {
  /** School days (Mon–Fri, outside breaks and holidays) from the first proposed day to the term's end. */
  schoolDays: number;
  /** Weeks (Monday to Sunday) that hold at least one of those days. */
  weeks: number;
  /** Meetings to propose in all. */
  meetings: number;
  /**
   * Too short: fewer weeks than meetings of one series (one subject, or the whole network), so a series would meet
   * more than once a week, or fewer school days than meetings.
   */
  tooShort: boolean;
}

/** Counts the school days and weeks left from `from` to `termEnd` for `meetings` meetings, `perSeries` of a series. */
export function remainingTime(
  from: string,
  termEnd: string,
  breaks: readonly CalendarBreak[],
  meetings: number,
  perSeries: number,
): RemainingTime {
  const days = from <= termEnd ? schoolDays(from, termEnd, breaks) : [];
  const mondays = new Set(days.map((d) => addDays(d, 1 - weekday(d))));
  const weeks = mondays.size;
  return { schoolDays: days.length, weeks, meetings, tooShort: meetings > 0 && (weeks < perSeries || days.length < meetings) };
}
