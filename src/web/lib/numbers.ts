/** Numbers as Vietnamese readers write them: a decimal comma ("13,5"), and pasted "13,5" or "13.5" read back. */

/**
 * A number for display: integers as they are (no grouping, so years and ids stay "2026"), fractions with up to
 * `digits` decimals and, in Vietnamese, a decimal comma: 13.5 → "13,5", 0.125 → "0,13".
 */
export function formatNumber(n: number, lang: 'vi' | 'en' = 'vi', digits = 2): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits, useGrouping: false });
}

/** A percentage of a 0…1 rate with one decimal: 0.8125 → "81,3%". */
export function formatPercent(rate: number, lang: 'vi' | 'en' = 'vi'): string {
  return `${formatNumber(Math.round(rate * 1000) / 10, lang, 1)}%`;
}

/**
 * Reads a typed or pasted decimal: "13,5", "13.5", " 13,50 " → 13.5; "" → null; anything else (two separators,
 * letters, "1.000,5") → NaN, for the form to flag.
 */
export function parseDecimal(text: string): number | null {
  const s = text.trim().replace(/\s+/g, '');
  if (s === '') return null;
  if (!/^[+-]?\d*(?:[.,]\d*)?$/.test(s) || !/\d/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}
