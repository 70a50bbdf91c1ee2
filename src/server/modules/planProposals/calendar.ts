/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD, read as UTC days) for proposing plans: school days are Monday to
 * Friday, outside the rules' breaks (holidays and exam weeks).
 */

/** A period when no meetings are held (from the rules). */
export interface CalendarBreak {
  startDate: string;
  endDate: string;
  label: string;
  kind: 'holiday' | 'exam';
}

const DAY_MS = 86_400_000;

/** Adds (or subtracts) whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** The break that contains a date, if any. */
export function breakOn(iso: string, breaks: readonly CalendarBreak[]): CalendarBreak | undefined {
  return breaks.find((b) => b.startDate <= iso && iso <= b.endDate);
}

/** Whether a date is a school day: Monday to Friday and in no break. */
export function isSchoolDay(iso: string, breaks: readonly CalendarBreak[]): boolean {
  const d = weekday(iso);
  return d >= 1 && d <= 5 && !breakOn(iso, breaks);
}

/** Every school day from `from` to `to`, inclusive, in order. */
export function schoolDays(from: string, to: string, breaks: readonly CalendarBreak[]): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isSchoolDay(d, breaks)) out.push(d);
  return out;
}

/**
 * The index of the day nearest to `target` (searching later first, then earlier, alternating) that `free` accepts and
 * is not before `min`; -1 when none is.
 */
export function nearestFree(days: readonly string[], target: number, free: (day: string) => boolean, min = 0): number {
  const t = Math.max(Math.min(target, days.length - 1), min);
  for (let step = 0; step < days.length; step++) {
    for (const j of step === 0 ? [t] : [t + step, t - step]) {
      if (j >= min && j < days.length && free(days[j])) return j;
    }
  }
  return -1;
}
