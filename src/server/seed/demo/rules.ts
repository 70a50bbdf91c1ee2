import { buildRuleSet } from '../../../../tests/factories';
import * as orgsRepo from '../../modules/orgs/repo';
import type { CuChiOrgs } from './cuChi';
import type { SeedContext } from './staff';
import type { DemoYears } from './years';

/**
 * The demo's rules and deadlines: the Củ Chi preset (seed 001) for the orgs that supervise the Củ Chi networks —
 * the Phòng in 2024-2025, the Sở TP.HCM from 2025-2026 to the current year (so the dashboard has rules today) —
 * and the Bến Tre preset (seed 000) for the Bến Tre Sở in 2022-2023.
 */
export async function buildDemoRules(ctx: SeedContext, cc: CuChiOrgs, years: DemoYears): Promise<void> {
  for (const [code, id] of Object.entries(years.ids)) {
    const start = Number(code.slice(0, 4));
    if (start === 2024) await buildRuleSet(ctx.db, { orgId: cc.phongId, schoolYearId: id, preset: 'cu_chi' });
    if (start >= 2025) await buildRuleSet(ctx.db, { orgId: cc.soId, schoolYearId: id, preset: 'cu_chi' });
  }
  const benTre = await orgsRepo.findByCode(ctx.db, 'SGDDT-BTR');
  if (benTre) await buildRuleSet(ctx.db, { orgId: benTre.id, schoolYearId: years.ids['2022-2023'], preset: 'ben_tre' });
}
