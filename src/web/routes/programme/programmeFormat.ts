import type { SchoolYear } from '@shared/types';

/** "2023-12" → "12/2023" (months 1 and 2 with a leading zero, as the seed prints them). */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${m <= 2 ? `0${m}` : m}/${y}`;
}

/** The months a school year spans, as "YYYY-MM". */
export function monthsOf(year: Pick<SchoolYear, 'startDate' | 'endDate'> | null): string[] {
  if (!year) return [];
  const out: string[] = [];
  let [y, m] = year.startDate.split('-').map(Number);
  const end = year.endDate.slice(0, 7);
  for (let i = 0; i < 24; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Download links of the official documents. */
export function documentUrl(path: string, schoolYearId: string): string {
  return `/api${path}?schoolYearId=${encodeURIComponent(schoolYearId)}`;
}
