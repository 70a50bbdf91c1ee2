import { buildSchoolYear } from '../../../../tests/factories';
import type { Executor } from '../../db/client';

/** A school year's code ("2026-2027"). The demo's years run from 2022-2023 (Bến Tre, seed 000) to the current one. */
export type DemoYear = string;

/** The demo's school years and which of them is the current one. */
export interface DemoYears {
  /** Year id by code. */
  ids: Record<DemoYear, string>;
  /** The code of the year containing the demo's "today". */
  current: DemoYear;
  /** The year before the current one. */
  previous: DemoYear;
  /** The current year's first and last days. */
  currentStart: string;
  currentEnd: string;
}

const FIRST_START = 2022;

/**
 * The start year of the school year around a day: from August on, the year that starts that September; before, the
 * one that started the September before (so June and July still belong to the year that is ending).
 */
export function currentStartYear(today: string): number {
  const y = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 8 ? y : y - 1;
}

/** Codes of the demo's years, oldest first: 2022-2023 … the current one (at least 2026-2027's predecessor). */
export function demoYearCodes(today: string): DemoYear[] {
  const last = Math.max(currentStartYear(today), 2025);
  const out: DemoYear[] = [];
  for (let y = FIRST_START; y <= last; y++) out.push(`${y}-${y + 1}`);
  return out;
}

/**
 * Creates the school years (5/9 → 31/5, terms 5/9–17/1 and 20/1–31/5). The current year is stretched to contain
 * "today" when the demo is made in the summer or in the first days of September. Returns their ids by code.
 */
export async function buildYears(db: Executor, today: string): Promise<DemoYears> {
  const ids: Record<DemoYear, string> = {};
  const codes = demoYearCodes(today);
  const current = codes[codes.length - 1];
  let bounds = { startDate: '', endDate: '' };
  for (const code of codes) {
    const start = Number(code.slice(0, 4));
    const stretch = code === current;
    const startDate = stretch && today < `${start}-09-05` ? today : undefined;
    const endDate = stretch && today > `${start + 1}-05-31` ? `${start + 1}-08-31` : undefined;
    const y = await buildSchoolYear(db, { code, startDate, endDate });
    ids[code] = y.id;
    if (stretch) bounds = y;
  }
  return { ids, current, previous: codes[codes.length - 2], currentStart: bounds.startDate, currentEnd: bounds.endDate };
}
