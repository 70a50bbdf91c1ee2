/** Today's date as YYYY-MM-DD in Vietnam's time zone (UTC+7), the date the org tree and positions are read at. */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
