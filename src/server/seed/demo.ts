import type { Executor } from '../db/client';
import { todayIso } from '../lib/dates';
import * as schoolYearsRepo from '../modules/schoolYears/repo';
import { BAC_GIANG_LOGINS, buildBacGiang } from './demo/bacGiang';
import { buildBenTre } from './demo/benTre';
import { demoCalendar } from './demo/calendar';
import { buildCuChi, CU_CHI_LOGINS } from './demo/cuChi';
import { NAMED_PRINCIPALS } from './demo/cuChiData';
import { buildCuChiNetworks, type NetworkIds } from './demo/cuChiNetworks';
import { buildCurrentTerm } from './demo/currentYear';
import { buildDueReports, buildHistory } from './demo/documents';
import { buildDemoLessonStudy } from './demo/lessonStudy';
import { buildDemoMeetings } from './demo/meetings';
import { buildDemoOutbox } from './demo/outbox';
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
 * Fills an empty database with the demo data, living around `today` (default: today in Vietnam): school years
 * 2022-2023 … the current one, Củ Chi (seed 001: Sở TP.HCM, the Phòng until 30/6/2025, seven communes after, 24
 * schools, clusters and school groups from 2024-2025 to the current year, with their plans, meetings, minutes and
 * reports: history, and the current term in progress), Bến Tre (seed 000: nine district groups of 2022-2023) and
 * Bắc Giang (seed 002), every person with an account. Deterministic given the date: the same names, codes, e-mails
 * and dates on every run of the same day. Returns the shared password and the eight easy log-ins, in display order.
 */
export async function seedDemo(
  db: Executor,
  options: { today?: string; living?: boolean } = {},
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
  const today = options.today ?? todayIso();
  const years = await buildYears(db, today);
  const last = years.current;
  await addPerson(ctx, { fullName: 'Quản trị hệ thống', gender: null, email: ADMIN_LOGIN, unit: 'admin', positions: [], isAdmin: true });
  const cuChi = await buildCuChi(ctx);
  const nets = new Map<string, NetworkIds>();
  for (const code of Object.keys(years.ids).filter((c) => c >= '2024-2025'))
    nets.set(code, await buildCuChiNetworks(ctx, cuChi, code, years.ids[code]));
  await buildBenTre(ctx, years.ids['2022-2023']);
  const meetings = await buildDemoMeetings(ctx, cuChi, years, today);
  await buildDemoLessonStudy(ctx);
  await buildDemoRules(ctx, cuChi, years);
  const cal = demoCalendar(today, Number(last.slice(0, 4)), years.currentStart, years.currentEnd);
  // `living: false` (tests that build a known term of their own on the demo) leaves out the years' documents.
  const living = options.living ?? true;
  if (living) await buildHistory(ctx, cuChi, years, nets);
  if (living)
    await buildCurrentTerm(ctx, {
      cc: cuChi,
      yearId: years.ids[last],
      yearCode: last,
      nets: nets.get(last) as NetworkIds,
      cal,
      lessonStudy: meetings.get('Nghiên cứu bài học: Hàm số bậc nhất (Toán 9)'),
    });
  if (living) await buildDueReports(ctx, cuChi, years, nets, cal);
  await buildDemoPanels(ctx, cuChi);
  await buildDemoOutbox(db, today);
  await buildBacGiang(ctx, years, cal);
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
