/** The next moment after `now` (at least a minute later) at which Vietnam's clock (UTC+7) reads between 17:00 and 23:00. */
export function nextEvening(now: Date = new Date()): Date {
  const later = new Date(now.getTime() + 60_000);
  const vnHour = new Date(later.getTime() + 7 * 3_600_000).getUTCHours();
  if (vnHour >= 17 && vnHour < 23) return later;
  const vnDay = new Date(later.getTime() + 7 * 3_600_000 + (vnHour >= 23 ? 86_400_000 : 0)).toISOString().slice(0, 10);
  return new Date(`${vnDay}T17:30:00+07:00`);
}

/** dd/mm/yyyy of Vietnam's date at `at`. */
export function vnDay(at: Date): string {
  const [y, m, d] = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The next moment after `now` (at least a minute later) at which Vietnam's clock reads between 08:00 and 16:00. */
export function nextMorning(now: Date = new Date()): Date {
  const later = new Date(now.getTime() + 60_000);
  const vnHour = new Date(later.getTime() + 7 * 3_600_000).getUTCHours();
  if (vnHour >= 8 && vnHour < 16) return later;
  const vnDay = new Date(later.getTime() + 7 * 3_600_000 + (vnHour >= 16 ? 86_400_000 : 0)).toISOString().slice(0, 10);
  return new Date(`${vnDay}T09:00:00+07:00`);
}
