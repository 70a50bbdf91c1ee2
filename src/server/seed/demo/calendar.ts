import { addDays } from '../../modules/rules/presets';

/** The demo's "today" and the term it falls in; every date of the living demo is computed from these. */
export interface DemoCalendar {
  today: string;
  /** The current term: the one that has started last (term 1 before the year's first day). */
  term: 1 | 2;
  termStart: string;
  termEnd: string;
}

/** The term of a day in a school year that starts in startYear (terms as buildSchoolYear makes them). */
export function demoCalendar(today: string, startYear: number, yearStart: string, yearEnd: string): DemoCalendar {
  const term2Start = `${startYear + 1}-01-20`;
  return today >= term2Start
    ? { today, term: 2, termStart: term2Start, termEnd: yearEnd }
    : { today, term: 1, termStart: yearStart, termEnd: `${startYear + 1}-01-17` };
}

const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

/** The school day (Monday to Friday) n days before today, or the nearest one before it. */
export function daysAgo(today: string, n: number): string {
  let d = addDays(today, -n);
  while (weekend(d)) d = addDays(d, -1);
  return d;
}

/** The school day n days after today, or the nearest one after it. */
export function daysAhead(today: string, n: number): string {
  let d = addDays(today, n);
  while (weekend(d)) d = addDays(d, 1);
  return d;
}

/** A time of day in Vietnam on a date. */
export function at(date: string, time = '16:00'): Date {
  return new Date(`${date}T${time}:00+07:00`);
}
