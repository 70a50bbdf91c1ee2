import { describe, expect, it } from 'vitest';
import { categoryOf } from '../../../shared/notifications';
import { stageOf } from './deadlines';
import { backoffMs } from './worker';

describe('reminder stages', () => {
  it('7 days ahead down to 2, then the last day and the day itself, then overdue', () => {
    expect(stageOf('2025-09-15', '2025-09-07')).toBeNull();
    expect(stageOf('2025-09-15', '2025-09-08')).toBe('7d');
    expect(stageOf('2025-09-15', '2025-09-13')).toBe('7d');
    expect(stageOf('2025-09-15', '2025-09-14')).toBe('1d');
    expect(stageOf('2025-09-15', '2025-09-15')).toBe('1d');
    expect(stageOf('2025-09-15', '2025-09-16')).toBe('overdue');
    expect(stageOf('2026-03-01', '2026-02-22')).toBe('7d');
  });
});

describe('retry back-off', () => {
  it('doubles from the base and stops at six hours', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 60) / 1000)).toEqual([60, 120, 240, 480]);
    expect(backoffMs(20, 60)).toBe(6 * 3_600_000);
  });
});

describe('categories of notice kinds', () => {
  it('puts each kind in the category its preference is chosen for', () => {
    expect(categoryOf('meeting_cancelled')).toBe('meetings');
    expect(categoryOf('minutes_signature_overdue')).toBe('signatures');
    expect(categoryOf('deadline_plan_7d')).toBe('deadlines');
    expect(categoryOf('report_returned')).toBe('reviews');
    expect(categoryOf('plan_approved')).toBe('reviews');
  });
});
