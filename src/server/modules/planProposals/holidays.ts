import { CalendarVietnamese } from 'date-chinese';
import { addDays, type CalendarBreak, weekday } from './calendar';

/**
 * Vietnam's public holidays (Bộ luật Lao động 2019, Điều 112) as calendar breaks, the lunar ones computed with the
 * Vietnamese lunar calendar (UTC+7) of `date-chinese` (decision 0025): Tết Dương lịch 1/1; Tết Nguyên Đán, five days
 * from the last day of the lunar year to lunar 4/1; Giỗ Tổ Hùng Vương, lunar 10/3; 30/4 and 1/5; Quốc khánh 2/9 with
 * the day before and the day after (the Prime Minister picks one of them each year, so neither is proposed). A holiday
 * day on a Saturday or Sunday is made up on the next working days (Điều 111), as the law does.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (g: { year: number; month: number; day: number }) => `${g.year}-${pad(g.month)}-${pad(g.day)}`;

/** The Gregorian date (ISO) of a lunar day (month 1–12, not leap) of the lunar year that begins in `gyear`. */
export function lunarToIso(gyear: number, month: number, day: number): string {
  const [cycle, year] = new CalendarVietnamese().fromGregorian(gyear, 7, 1).get();
  return iso(new CalendarVietnamese(cycle, year, month, 0, day).toGregorian(gyear));
}

/** Lunar New Year's day (mùng 1 Tết) of a Gregorian year, e.g. 2027 → 2027-02-06. */
export function tetOf(gyear: number): string {
  return lunarToIso(gyear, 1, 1);
}

/** A run of holiday days, extended by one working day for each of its days on a Saturday or Sunday. */
function withMakeUp(start: string, days: number, label: string): CalendarBreak {
  let end = addDays(start, days - 1);
  let owed = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) if (weekday(d) === 0 || weekday(d) === 6) owed++;
  while (owed > 0) {
    end = addDays(end, 1);
    if (weekday(end) !== 0 && weekday(end) !== 6) owed--;
  }
  return { startDate: start, endDate: end, label, kind: 'holiday' };
}

const cache = new Map<number, CalendarBreak[]>();

/** The public holidays of one Gregorian year, in date order. */
export function holidaysOfYear(gyear: number): CalendarBreak[] {
  const hit = cache.get(gyear);
  if (hit) return hit;
  const list = [
    withMakeUp(`${gyear}-01-01`, 1, 'Tết Dương lịch'),
    withMakeUp(addDays(tetOf(gyear), -1), 5, 'Nghỉ Tết Nguyên Đán'),
    withMakeUp(lunarToIso(gyear, 3, 10), 1, 'Giỗ Tổ Hùng Vương'),
    withMakeUp(`${gyear}-04-30`, 2, 'Ngày Giải phóng miền Nam và Ngày Quốc tế Lao động'),
    { startDate: `${gyear}-09-01`, endDate: `${gyear}-09-03`, label: 'Quốc khánh', kind: 'holiday' as const },
  ].sort((a, b) => a.startDate.localeCompare(b.startDate));
  cache.set(gyear, list);
  return list;
}

/** The public holidays that touch the days from `from` to `to` (ISO, inclusive). */
export function publicHolidays(from: string, to: string): CalendarBreak[] {
  const out: CalendarBreak[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of holidaysOfYear(y)) if (h.endDate >= from && h.startDate <= to) out.push(h);
  }
  return out;
}
