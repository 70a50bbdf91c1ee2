/** Meetings happen in Vietnam: times are shown and entered in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
const OFFSET_MS = 7 * 3_600_000;

/** The Vietnam-time day of an instant, YYYY-MM-DD. */
export function vnDay(iso: string | Date): string {
  return new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnam-time clock of an instant, HH:mm. */
export function vnTime(iso: string | Date): string {
  return new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** 15/10/2025 from YYYY-MM-DD. */
export function dmy(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** An ISO instant from a Vietnam day and clock. */
export function vnIso(day: string, clock: string): string {
  return `${day}T${clock.slice(0, 5)}:00+07:00`;
}

/** Adds days to YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week holding the day. */
export function mondayOf(day: string): string {
  const wd = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -wd);
}

/** Today in Vietnam. */
export function vnToday(): string {
  return vnDay(new Date());
}

/** Weekday index 0 = Monday … 6 = Sunday. */
export function weekday(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}
