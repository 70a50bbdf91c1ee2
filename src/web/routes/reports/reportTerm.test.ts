import { describe, expect, it } from 'vitest';
import { reportTermOn } from './reportTerm';

/** Issue 15: the report's period is not chosen again when the date already says which term is being reported. */
const year = {
  terms: [
    { id: 't1', number: 1 as const, startDate: '2026-09-05', endDate: '2027-01-17' },
    { id: 't2', number: 2 as const, startDate: '2027-01-18', endDate: '2027-05-31' },
  ],
};

describe('reportTermOn', () => {
  it('is term I until term II begins', () => {
    expect(reportTermOn(year, '2026-12-20')).toBe('1');
    expect(reportTermOn(year, '2027-01-17')).toBe('1');
  });

  it('is term II from its first day, and after the year ends', () => {
    expect(reportTermOn(year, '2027-01-18')).toBe('2');
    expect(reportTermOn(year, '2027-05-28')).toBe('2');
    expect(reportTermOn(year, '2027-07-01')).toBe('2');
  });

  it('is term I for a year whose terms are not set', () => {
    expect(reportTermOn({ terms: [] }, '2027-03-01')).toBe('1');
  });
});
