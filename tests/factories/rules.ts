import type { Executor } from '../../src/server/db/client';
import { presetInput, type RulePreset } from '../../src/server/modules/rules/presets';
import * as rulesRepo from '../../src/server/modules/rules/repo';

/**
 * A rule set of a supervising org for a school year: a preset (with the year's default breaks) and/or explicit values.
 * Writes through the rules repo (no policy, no audit).
 */
export async function buildRuleSet(
  db: Executor,
  o: { orgId: string; schoolYearId: string; preset?: RulePreset } & Partial<rulesRepo.RuleSetValues>,
) {
  const year = await rulesRepo.schoolYearWithTerms(db, o.schoolYearId);
  if (!year) throw new Error(`no school year ${o.schoolYearId}`);
  const base: rulesRepo.RuleSetValues = o.preset ? presetInput(o.preset, year) : { quotas: [], teamIntervalDays: 14, breaks: [] };
  const { orgId, schoolYearId, preset: _p, ...overrides } = o;
  const values = { ...base, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  return rulesRepo.writeRuleSet(db, orgId, schoolYearId, values, null);
}
