import { buildRuleSet } from '../../../../tests/factories';
import * as orgsRepo from '../../modules/orgs/repo';
import type { CuChiOrgs } from './cuChi';
import type { SeedContext } from './staff';
import type { DemoYear } from './years';

/**
 * The demo's rules and deadlines: the Củ Chi preset (seed 001) for the orgs that supervise the Củ Chi networks —
 * the Phòng in 2024-2025, the Sở TP.HCM from 2025-2026 (including the current 2026-2027, so the dashboard has rules
 * today) — and the Bến Tre preset (seed 000) for the Bến Tre Sở in 2022-2023.
 */
export async function buildDemoRules(ctx: SeedContext, cc: CuChiOrgs, years: Record<DemoYear, string>): Promise<void> {
  await buildRuleSet(ctx.db, { orgId: cc.phongId, schoolYearId: years['2024-2025'], preset: 'cu_chi' });
  await buildRuleSet(ctx.db, { orgId: cc.soId, schoolYearId: years['2025-2026'], preset: 'cu_chi' });
  await buildRuleSet(ctx.db, { orgId: cc.soId, schoolYearId: years['2026-2027'], preset: 'cu_chi' });
  const benTre = await orgsRepo.findByCode(ctx.db, 'SGDDT-BTR');
  if (benTre) await buildRuleSet(ctx.db, { orgId: benTre.id, schoolYearId: years['2022-2023'], preset: 'ben_tre' });
}
