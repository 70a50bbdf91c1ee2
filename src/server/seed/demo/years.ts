import { buildSchoolYear } from '../../../../tests/factories';
import type { Executor } from '../../db/client';

/** The demo's school years: 2022-2023 (Bến Tre, seed 000) to 2026-2027 (the current one on 24/11/2026). */
export const DEMO_YEARS = ['2022-2023', '2023-2024', '2024-2025', '2025-2026', '2026-2027'] as const;
export type DemoYear = (typeof DEMO_YEARS)[number];

/** Creates the school years (5/9 → 31/5, terms 5/9–17/1 and 20/1–31/5); returns their ids by code. */
export async function buildYears(db: Executor): Promise<Record<DemoYear, string>> {
  const ids = {} as Record<DemoYear, string>;
  for (const code of DEMO_YEARS) ids[code] = (await buildSchoolYear(db, { code })).id;
  return ids;
}
