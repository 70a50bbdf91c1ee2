import { describe, expect, it } from 'vitest';
import { bestDocument, daysBetween, deadlineRows, rateRow, schoolDays } from './compliance';

describe('compliance computations (unit)', () => {
  it('school days leave out breaks, overlapping or not', () => {
    expect(daysBetween('2025-09-05', '2025-12-10')).toBe(96);
    expect(schoolDays('2025-09-05', '2025-12-10', [])).toBe(97);
    const exam = { startDate: '2025-11-10', endDate: '2025-11-16', label: 'Kiểm tra', kind: 'exam' as const };
    const overlap = { startDate: '2025-11-14', endDate: '2025-11-20', label: 'Nghỉ', kind: 'holiday' as const };
    expect(schoolDays('2025-09-05', '2025-12-10', [exam])).toBe(90);
    expect(schoolDays('2025-09-05', '2025-12-10', [exam, overlap])).toBe(86);
    expect(schoolDays('2025-12-10', '2025-09-05', [])).toBe(0);
  });

  it('the best document covering a term: approved first, a year plan covers a term', () => {
    const docs = [
      { termNumber: 1, status: 'draft' },
      { termNumber: null, status: 'approved' },
      { termNumber: 2, status: 'submitted' },
    ];
    expect(bestDocument(docs, 1)?.status).toBe('approved');
    expect(bestDocument(docs.slice(0, 1), 2)).toBeUndefined();
    expect(bestDocument([{ termNumber: 1, status: 'submitted' }], null)).toBeUndefined();
  });

  it('deadline states: overdue, due soon within 14 days, awaiting review; done ones left out', () => {
    const rows = deadlineRows(
      [
        { id: 'a', name: 'A', dueDate: '2025-09-15', doc: undefined },
        { id: 'b', name: 'B', dueDate: '2025-09-30', doc: { id: 'p', status: 'draft' } },
        { id: 'c', name: 'C', dueDate: '2025-10-30', doc: undefined },
        { id: 'd', name: 'D', dueDate: '2025-09-15', doc: { id: 'q', status: 'approved' } },
        { id: 'e', name: 'E', dueDate: null, doc: { id: 'r', status: 'submitted' } },
      ],
      'plan',
      '2025-09-20',
    );
    expect(rows.map((r) => [r.networkName, r.state, r.daysLate])).toEqual([
      ['A', 'overdue', 5],
      ['B', 'due_soon', 0],
      ['E', 'awaiting_review', 0],
    ]);
    const reports = deadlineRows(
      [{ id: 'a', name: 'A', dueDate: '2025-12-20', doc: { id: 'x', status: 'accepted' } }],
      'report',
      '2026-01-01',
    );
    expect(reports).toEqual([]);
  });

  it('rates to three decimals; none when nobody was invited', () => {
    expect(rateRow({ id: null, name: 'X', invited: 6, present: 5 }, '').rate).toBe(0.833);
    expect(rateRow({ id: null, name: null, invited: 0, present: 0 }, 'Chưa rõ').rate).toBeNull();
    expect(rateRow({ id: null, name: null, invited: 0, present: 0 }, 'Chưa rõ').name).toBe('Chưa rõ');
  });
});
