import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, parseDecimal } from './numbers';

describe('Vietnamese numbers', () => {
  it('reads pasted decimals with a comma or a point', () => {
    expect(parseDecimal('13,5')).toBe(13.5);
    expect(parseDecimal('13.5')).toBe(13.5);
    expect(parseDecimal(' 9,25 ')).toBe(9.25);
    expect(parseDecimal('14')).toBe(14);
    expect(parseDecimal(',5')).toBe(0.5);
    expect(parseDecimal('')).toBeNull();
    for (const bad of ['13,5,1', '1.000,5', 'abc', ',', '13 điểm']) expect(parseDecimal(bad)).toBeNaN();
  });

  it('shows fractions with a decimal comma in Vietnamese, a point in English, integers untouched', () => {
    expect(formatNumber(13.5)).toBe('13,5');
    expect(formatNumber(88.75)).toBe('88,75');
    expect(formatNumber(1 / 3)).toBe('0,33');
    expect(formatNumber(13.5, 'en')).toBe('13.5');
    expect(formatNumber(2026)).toBe('2026');
    expect(formatNumber(12345.5)).toBe('12345,5');
    expect(formatPercent(0.8125)).toBe('81,3%');
    expect(formatPercent(1)).toBe('100%');
  });
});
