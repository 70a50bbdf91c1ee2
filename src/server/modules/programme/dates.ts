import { todayIso } from '../../lib/dates';

/** "2023-12" → "2023-12-01". */
export function monthStart(month: string): string {
  return `${month.slice(0, 7)}-01`;
}

/** The last day of the month of an ISO date or "YYYY-MM". */
export function monthEnd(month: string): string {
  const [y, m] = month.slice(0, 7).split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** An ISO date moved by a number of days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day in Vietnam (UTC+7) of a timestamp. */
export function vnDay(value: Date): string {
  return new Date(value.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The day at which org chains are read for a school year: today, kept inside the year's dates. */
export function dayInYear(year: { startDate: string; endDate: string }, today = todayIso()): string {
  if (today < year.startDate) return year.startDate;
  if (today > year.endDate) return year.endDate;
  return today;
}

/** True when the month ("YYYY-MM") overlaps the school year. */
export function monthInYear(month: string, year: { startDate: string; endDate: string }): boolean {
  return monthStart(month) <= year.endDate && monthEnd(month) >= year.startDate;
}

/** "12/2023", "01/2024", "3/2024": a month as the seed's tables print it (months 1 and 2 with a leading zero). */
export function viMonth(month: string): string {
  const [y, m] = month.slice(0, 7).split('-').map(Number);
  return `${m <= 2 ? `0${m}` : m}/${y}`;
}
