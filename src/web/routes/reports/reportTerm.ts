import type { SchoolYear } from '@shared/types';

/**
 * The period a report is started for by default on `today` (YYYY-MM-DD): term II once it has begun, else term I. A
 * group writes its term report at the end of the term, so the term in progress (or just ended) is the one it means;
 * the person only changes it when writing a late report of the term before, or the year's report.
 */
export function reportTermOn(year: Pick<SchoolYear, 'terms'>, today: string): '1' | '2' {
  const second = year.terms.find((t) => t.number === 2);
  return second && today >= second.startDate ? '2' : '1';
}
