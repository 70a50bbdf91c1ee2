import { describe, expect, it } from 'vitest';
import { breakOn, schoolDays } from './calendar';
import { holidaysOfYear, lunarToIso, publicHolidays, tetOf } from './holidays';
import { proposeItems } from './propose';
import { calendarBreaks, remainingTime } from './remaining';

describe('Vietnamese lunar calendar (date-chinese, UTC+7)', () => {
  it('puts Tết and Giỗ Tổ on the known days', () => {
    expect(tetOf(2026)).toBe('2026-02-17');
    expect(tetOf(2027)).toBe('2027-02-06');
    expect(tetOf(2028)).toBe('2028-01-26');
    expect(lunarToIso(2026, 3, 10)).toBe('2026-04-26');
    expect(lunarToIso(2027, 3, 10)).toBe('2027-04-16');
  });

  it('follows Vietnam, not China, where the two calendars differ (Tết 1985, 2007, 2030)', () => {
    expect(tetOf(1985)).toBe('1985-01-21');
    expect(tetOf(2007)).toBe('2007-02-17');
    expect(tetOf(2030)).toBe('2030-02-02');
  });
});

describe('public holidays', () => {
  it('lists the holidays of 2027 with their make-up days', () => {
    expect(holidaysOfYear(2027).map((h) => [h.startDate, h.endDate, h.label])).toEqual([
      ['2027-01-01', '2027-01-01', 'Tết Dương lịch'],
      // 30 Tết (Fri 5/2) to mùng 4 (Tue 9/2); Sat 6 and Sun 7 are made up on Wed 10 and Thu 11.
      ['2027-02-05', '2027-02-11', 'Nghỉ Tết Nguyên Đán'],
      ['2027-04-16', '2027-04-16', 'Giỗ Tổ Hùng Vương'],
      // 1/5 is a Saturday: made up on Monday 3/5.
      ['2027-04-30', '2027-05-03', 'Ngày Giải phóng miền Nam và Ngày Quốc tế Lao động'],
      ['2027-09-01', '2027-09-03', 'Quốc khánh'],
    ]);
  });

  it('makes up a holiday on a Sunday on the Monday (Giỗ Tổ 2026, 1/1/2028 a Saturday)', () => {
    expect(breakOn('2026-04-27', holidaysOfYear(2026))?.label).toBe('Giỗ Tổ Hùng Vương');
    expect(breakOn('2028-01-03', holidaysOfYear(2028))?.label).toBe('Tết Dương lịch');
    expect(breakOn('2028-01-04', holidaysOfYear(2028))).toBeUndefined();
  });

  it('gives the holidays that touch a term spanning two years', () => {
    expect(publicHolidays('2026-09-05', '2027-01-15').map((h) => h.startDate)).toEqual(['2027-01-01']);
    expect(publicHolidays('2026-08-20', '2026-09-01').map((h) => h.label)).toEqual(['Quốc khánh']);
  });
});

describe('proposals on the real calendar', () => {
  const hosts = [
    { id: 'a', name: 'Trường A' },
    { id: 'b', name: 'Trường B' },
  ];

  it('never proposes a public holiday, even with no breaks in the rules', () => {
    // Term II of 2026-2027 with the rules silent, one meeting for every weekday: without the calendar the holidays
    // would be used; with it, Tết, Giỗ Tổ, 30/4 and the make-up day of 1/5 come from the lunar calendar and the law.
    const term = { termStart: '2027-01-18', termEnd: '2027-05-31' };
    const quota = schoolDays(term.termStart, term.termEnd, []).length;
    const holidays = ['2027-02-05', '2027-02-08', '2027-02-11', '2027-04-16', '2027-04-30', '2027-05-03'];
    const plain = proposeItems({ ...term, breaks: [], hosts, subjects: [], quota }).map((i) => i.proposedDate);
    expect(plain).toEqual(expect.arrayContaining(holidays));
    const breaks = calendarBreaks([], term.termStart, term.termEnd);
    const dates = proposeItems({ ...term, breaks, hosts, subjects: [], quota }).map((i) => i.proposedDate);
    for (const d of holidays) expect(dates).not.toContain(d);
    expect(dates).toContain('2027-02-12');
  });

  it('spreads the meetings over the weeks left from today, not from the term start', () => {
    const breaks = calendarBreaks([], '2027-01-18', '2027-05-31');
    const from = '2027-04-19';
    const items = proposeItems({ termStart: '2027-01-18', termEnd: '2027-05-31', from, breaks, hosts, subjects: [], quota: 3 });
    expect(items.every((i) => (i.proposedDate as string) >= from)).toBe(true);
    const left = schoolDays(from, '2027-05-31', breaks);
    expect(items.map((i) => left.indexOf(i.proposedDate as string))).toEqual([0.5, 1.5, 2.5].map((k) => Math.floor((k * left.length) / 3)));
  });
});

describe('remaining time', () => {
  const breaks = calendarBreaks([], '2027-01-18', '2027-05-31');

  it('counts the school days and weeks left and is enough for a normal quota', () => {
    // 24 May (Mon) – 31 May (Mon): 6 school days in 2 weeks.
    expect(remainingTime('2027-05-24', '2027-05-31', breaks, 2, 2)).toEqual({ schoolDays: 6, weeks: 2, meetings: 2, tooShort: false });
    expect(remainingTime('2027-01-18', '2027-05-31', breaks, 10, 2).tooShort).toBe(false);
  });

  it('warns when a subject would meet more than once a week, or days are fewer than meetings', () => {
    expect(remainingTime('2027-05-24', '2027-05-31', breaks, 3, 3).tooShort).toBe(true);
    expect(remainingTime('2027-05-24', '2027-05-31', breaks, 7, 1).tooShort).toBe(true);
    // The term is over: nothing left.
    expect(remainingTime('2027-06-01', '2027-05-31', breaks, 1, 1)).toEqual({ schoolDays: 0, weeks: 0, meetings: 1, tooShort: true });
    expect(remainingTime('2027-06-01', '2027-05-31', breaks, 0, 0).tooShort).toBe(false);
  });
});
