import { describe, expect, it } from 'vitest';
import { defaultRules, quotaFor, requiredMeetings } from './effective';
import { dateInYear, defaultBreaks, presetInput } from './presets';

const terms = [
  { number: 1, startDate: '2024-09-05', endDate: '2025-01-17' },
  { number: 2, startDate: '2025-01-20', endDate: '2025-05-31' },
];

describe('rules presets (unit)', () => {
  it('places day/month deadlines in the right calendar year', () => {
    expect(dateInYear(2024, [9, 15])).toBe('2024-09-15');
    expect(dateInYear(2024, [12, 20])).toBe('2024-12-20');
    expect(dateInYear(2024, [5, 16])).toBe('2025-05-16');
  });

  it('default breaks of 2024-2025: exam weeks in both terms and Tết 2025 (29/1)', () => {
    expect(defaultBreaks(2024, terms)).toEqual([
      { startDate: '2024-11-11', endDate: '2024-11-17', label: 'Kiểm tra giữa học kỳ I', kind: 'exam' },
      { startDate: '2025-01-04', endDate: '2025-01-17', label: 'Kiểm tra cuối học kỳ I', kind: 'exam' },
      { startDate: '2025-01-23', endDate: '2025-02-04', label: 'Nghỉ Tết Nguyên đán', kind: 'holiday' },
      { startDate: '2025-03-24', endDate: '2025-03-30', label: 'Kiểm tra giữa học kỳ II', kind: 'exam' },
      { startDate: '2025-05-18', endDate: '2025-05-31', label: 'Kiểm tra cuối học kỳ II', kind: 'exam' },
    ]);
  });

  it('the three presets carry the seeds’ values', () => {
    const year = { startDate: '2024-09-05', terms };
    expect(presetInput('cu_chi', year)).toMatchObject({
      quotas: [
        { target: 'cluster', per: 'term', minCount: 1, perSubject: false },
        { target: 'school_group', per: 'term', minCount: 2, perSubject: true },
      ],
      teamIntervalDays: 14,
      term1ReportDue: '2024-12-20',
      yearReportDue: '2025-05-16',
    });
    expect(presetInput('ben_tre', year).quotas).toEqual([{ target: 'district_group', per: 'year', minCount: 2, perSubject: false }]);
    expect(presetInput('bac_giang', year)).toMatchObject({ planDueDate: '2024-09-15', preparationDaysBefore: 7 });
  });

  it('requiredMeetings: per term, per year split over terms, year from terms, nothing without a quota', () => {
    const r = {
      ...defaultRules('o', 'y'),
      quotas: [{ target: 'district_group' as const, per: 'year' as const, minCount: 3, perSubject: false }],
    };
    expect([requiredMeetings(r, 'district_group', 1), requiredMeetings(r, 'district_group', 2)]).toEqual([2, 1]);
    expect(requiredMeetings(r, 'district_group', null)).toBe(3);
    expect(requiredMeetings(r, 'cluster', 1)).toBe(0);
    const t = { ...r, quotas: [{ target: 'cluster' as const, per: 'term' as const, minCount: 1, perSubject: false }] };
    expect([requiredMeetings(t, 'cluster', 2), requiredMeetings(t, 'cluster', null)]).toEqual([1, 2]);
  });

  it('quotaFor: the count of requiredMeetings and whether it counts per subject (Củ Chi school group: 2 per subject)', () => {
    const year = { startDate: '2024-09-05', terms };
    const r = { ...defaultRules('o', 'y'), quotas: presetInput('cu_chi', year).quotas };
    expect(quotaFor(r, 'school_group', 1)).toEqual({ count: 2, perSubject: true });
    expect(quotaFor(r, 'school_group', null)).toEqual({ count: 4, perSubject: true });
    expect(quotaFor(r, 'cluster', 2)).toEqual({ count: 1, perSubject: false });
    expect(quotaFor(r, 'district_group', 1)).toEqual({ count: 0, perSubject: false });
    const b = { ...defaultRules('o', 'y'), quotas: presetInput('ben_tre', year).quotas };
    expect(quotaFor(b, 'district_group', 1)).toEqual({ count: 1, perSubject: false });
  });
});
