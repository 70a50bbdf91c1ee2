import type { Executor } from '../db/client';
import * as schoolYearsRepo from '../modules/schoolYears/repo';
import { BAC_GIANG_LOGINS, buildBacGiang } from './demo/bacGiang';
import { buildBenTre } from './demo/benTre';
import { buildCuChi, CU_CHI_LOGINS } from './demo/cuChi';
import { NAMED_PRINCIPALS } from './demo/cuChiData';
import { buildCuChiNetworks } from './demo/cuChiNetworks';
import { buildDemoLessonStudy } from './demo/lessonStudy';
import { buildDemoMeetings } from './demo/meetings';
import { buildDemoPanels } from './demo/panels';
import { createRng } from './demo/random';
import { buildDemoRules } from './demo/rules';
import { addPerson, type SeedContext } from './demo/staff';
import { buildYears } from './demo/years';
import { ensureReferenceData } from './reference';

/** The password every demo account shares. */
export const DEMO_PASSWORD = 'lientruong2026';

/** The administrator's demo log-in. */
export const ADMIN_LOGIN = 'admin@lientruong.vn';

/** Counts of what the last seed created (for logs and tests). */
export interface DemoCounts {
  orgs: number;
  people: number;
  accounts: number;
  networks: number;
}

/**
 * Fills an empty database with the demo data: school years 2022-2023 … 2026-2027, Củ Chi (seed 001: Sở TP.HCM,
 * the Phòng until 30/6/2025, seven communes after, 24 schools, clusters and school groups for three years) and
 * Bến Tre (seed 000: nine district groups of 2022-2023), every person with an account. Deterministic: the same
 * names, codes and e-mails on every run. Returns the shared password and the eight easy log-ins, in display order.
 */
export async function seedDemo(
  db: Executor,
): Promise<{ password: string; accounts: Array<{ role: string; email: string }>; counts: DemoCounts }> {
  await ensureReferenceData(db);
  const subjects = await schoolYearsRepo.listSubjects(db);
  const ctx: SeedContext = {
    db,
    rng: createRng(20240911),
    password: DEMO_PASSWORD,
    subjectIds: new Map(subjects.map((s) => [s.code, s.id])),
    emails: new Set(),
    names: new Set(Object.values(NAMED_PRINCIPALS).map((p) => p.fullName)),
    seq: 0,
    counts: { orgs: 0, people: 0, accounts: 0, networks: 0 },
  };
  const years = await buildYears(db);
  await addPerson(ctx, { fullName: 'Quản trị hệ thống', gender: null, email: ADMIN_LOGIN, unit: 'admin', positions: [], isAdmin: true });
  const cuChi = await buildCuChi(ctx);
  for (const year of ['2024-2025', '2025-2026', '2026-2027'] as const) await buildCuChiNetworks(ctx, cuChi, year, years[year]);
  await buildBenTre(ctx, years['2022-2023']);
  await buildDemoMeetings(ctx, cuChi, years);
  await buildDemoLessonStudy(ctx);
  await buildDemoRules(ctx, cuChi, years);
  await buildDemoPanels(ctx, cuChi);
  await buildBacGiang(ctx, years);
  return { ...demoLogins(), counts: ctx.counts };
}

/** The demo's shared password and its easy log-ins, in display order (what seedDemo creates). */
export function demoLogins(): { password: string; accounts: Array<{ role: string; email: string }> } {
  return {
    password: DEMO_PASSWORD,
    accounts: [
      { role: 'Quản trị hệ thống', email: ADMIN_LOGIN },
      { role: 'Chuyên viên Sở GD&ĐT', email: CU_CHI_LOGINS.specialist },
      { role: 'Cán bộ UBND xã', email: CU_CHI_LOGINS.communeOfficer },
      { role: 'Hiệu trưởng (cụm trưởng)', email: CU_CHI_LOGINS.principal },
      { role: 'Tổ trưởng chuyên môn', email: CU_CHI_LOGINS.teamHead },
      { role: 'Giáo viên', email: CU_CHI_LOGINS.teacher },
      { role: 'Chuyên viên Sở GD&ĐT Bắc Giang', email: BAC_GIANG_LOGINS.specialist },
      { role: 'Hiệu trưởng THPT Lục Nam', email: BAC_GIANG_LOGINS.principal },
    ],
  };
}
