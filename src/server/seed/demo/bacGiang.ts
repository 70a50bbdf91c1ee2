import { buildAssignment, buildInspection, buildInspectionArea, buildOrg } from '../../../../tests/factories';
import type { SchoolLevel } from '../../../shared/enums';
import * as orgsRepo from '../../modules/orgs/repo';
import { buildBacGiangCurrent } from './bacGiangCurrent';
import type { DemoCalendar } from './calendar';
import { addPerson, newName, type SeedContext, subjectIdsOf } from './staff';
import type { DemoYears } from './years';

/** Easy log-ins that belong to Bắc Giang (seed 002). */
export const BAC_GIANG_LOGINS = {
  specialist: 'chuyenvien.bacgiang@lientruong.vn',
  principal: 'hieutruong.lucnam@lientruong.vn',
};

const LAST_DISTRICT_DAY = '2025-06-30';

/** The ten districts of Phụ lục II, with the code suffix of their Phòng GD&ĐT. */
const DISTRICTS: Array<{ key: string; name: string }> = [
  { key: 'TPBG', name: 'thành phố Bắc Giang' },
  { key: 'LGIANG', name: 'huyện Lạng Giang' },
  { key: 'VYEN', name: 'huyện Việt Yên' },
  { key: 'YTHE', name: 'huyện Yên Thế' },
  { key: 'SDONG', name: 'huyện Sơn Động' },
  { key: 'LNAM', name: 'huyện Lục Nam' },
  { key: 'LNGAN', name: 'huyện Lục Ngạn' },
  { key: 'HHOA', name: 'huyện Hiệp Hòa' },
  { key: 'TYEN', name: 'huyện Tân Yên' },
  { key: 'YDUNG', name: 'huyện Yên Dũng' },
];

/** Units of the THPT column of Phụ lục I (directly under the Sở). */
const UNITS = [
  { key: 'THPT-TY1', name: 'Trường THPT Tân Yên số 1', type: 'school' as const },
  { key: 'GDNN-LG', name: 'Trung tâm GDNN-GDTX huyện Lạng Giang', type: 'center' as const },
  { key: 'THPT-LN', name: 'Trường THPT Lục Nam', type: 'school' as const },
  { key: 'CD-KTCN', name: 'Trường Cao đẳng Kỹ thuật công nghiệp', type: 'center' as const },
];

/**
 * Phụ lục I as the seed gives it: four THCS rows (Phòng GD&ĐT) and four THPT rows. The seed prints "Tháng 2/2023" for
 * the college, before the plan's own date (31/8/2023): read as 02/2024, the only February of school year 2023-2024.
 */
const PHU_LUC_I: Array<{ level: SchoolLevel; unit: string; subject: string; grade: number | null; month: string }> = [
  { level: 'lower_secondary', unit: 'PGD-TPBG', subject: 'khtn', grade: 8, month: '2023-12' },
  { level: 'lower_secondary', unit: 'PGD-TYEN', subject: 'ngu-van', grade: 8, month: '2024-01' },
  { level: 'lower_secondary', unit: 'PGD-HHOA', subject: 'lich-su-dia-li', grade: null, month: '2024-03' },
  { level: 'lower_secondary', unit: 'PGD-SDONG', subject: 'hdtn-hn', grade: null, month: '2023-11' },
  { level: 'upper_secondary', unit: 'THPT-TY1', subject: 'sinh-hoc', grade: 11, month: '2023-10' },
  { level: 'upper_secondary', unit: 'GDNN-LG', subject: 'toan', grade: 11, month: '2023-11' },
  { level: 'upper_secondary', unit: 'THPT-LN', subject: 'tieng-anh', grade: 11, month: '2023-12' },
  { level: 'upper_secondary', unit: 'CD-KTCN', subject: 'lich-su', grade: 12, month: '2024-02' },
];

/** Phụ lục II: the inspection month of the units of each area. */
const PHU_LUC_II: Array<{ label: string; districts: string[]; month: string }> = [
  { label: 'TP Bắc Giang', districts: ['TPBG'], month: '2023-09' },
  { label: 'Lạng Giang', districts: ['LGIANG'], month: '2023-10' },
  { label: 'Việt Yên, Yên Thế', districts: ['VYEN', 'YTHE'], month: '2023-11' },
  { label: 'Sơn Động, Lục Nam', districts: ['SDONG', 'LNAM'], month: '2024-01' },
  { label: 'Lục Ngạn', districts: ['LNGAN'], month: '2024-02' },
  { label: 'Hiệp Hòa', districts: ['HHOA'], month: '2024-03' },
  { label: 'Tân Yên, Yên Dũng', districts: ['TYEN', 'YDUNG'], month: '2024-04' },
];

/** An org by code, created when missing (another demo builder may have made it). */
async function orgByCode(ctx: SeedContext, code: string, make: () => Promise<{ id: string }>): Promise<string> {
  const found = await orgsRepo.findByCode(ctx.db, code);
  if (found) return found.id;
  ctx.counts.orgs += 1;
  return (await make()).id;
}

/**
 * Sở GD&ĐT Bắc Giang (seed 002, Kế hoạch 73/KH-SGDĐT, school year 2023-2024): its ten Phòng GD&ĐT (until 30/6/2025),
 * the four THPT-level units of Phụ lục I, a specialist and a principal with log-ins, the eight assignments of Phụ lục I,
 * the seven rows of Phụ lục II and two inspections (one recorded with the nine-item checklist, one planned).
 */
export async function buildBacGiang(ctx: SeedContext, years: DemoYears, cal: DemoCalendar): Promise<void> {
  const { db } = ctx;
  const soId = await orgByCode(ctx, 'SGDDT-BG', () =>
    buildOrg(db, {
      type: 'province_department',
      code: 'SGDDT-BG',
      name: 'Sở Giáo dục và Đào tạo tỉnh Bắc Giang',
      shortName: 'Sở GD&ĐT Bắc Giang',
    }),
  );
  const orgIds = new Map<string, string>();
  for (const d of DISTRICTS) {
    const code = `PGD-${d.key}`;
    orgIds.set(
      d.key,
      await orgByCode(ctx, code, () =>
        buildOrg(db, {
          type: 'district_office',
          code,
          name: `Phòng Giáo dục và Đào tạo ${d.name}`,
          validTo: LAST_DISTRICT_DAY,
          parentId: soId,
          linkTo: LAST_DISTRICT_DAY,
        }),
      ),
    );
    orgIds.set(code, orgIds.get(d.key) as string);
  }
  for (const u of UNITS) {
    orgIds.set(
      u.key,
      await orgByCode(ctx, u.key, () =>
        buildOrg(db, { type: u.type, code: u.key, name: u.name, levels: ['upper_secondary'], parentId: soId }),
      ),
    );
  }
  const specialist = await addPerson(ctx, {
    ...newName(ctx),
    email: BAC_GIANG_LOGINS.specialist,
    unit: 'sobacgiang',
    positions: [{ orgId: soId, position: 'specialist', validFrom: '2015-09-01' }],
  });
  const principal = await addPerson(ctx, {
    ...newName(ctx),
    email: BAC_GIANG_LOGINS.principal,
    unit: 'thptlucnam',
    positions: [{ orgId: orgIds.get('THPT-LN') as string, position: 'principal', validFrom: '2019-08-01' }],
  });

  const yearId = years.ids['2023-2024'];
  const order = new Map<SchoolLevel, number>();
  for (const a of PHU_LUC_I) {
    order.set(a.level, (order.get(a.level) ?? 0) + 1);
    await buildAssignment(db, {
      provinceOrgId: soId,
      schoolYearId: yearId,
      level: a.level,
      sortOrder: order.get(a.level),
      unitOrgId: orgIds.get(a.unit) as string,
      subjectId: subjectIdsOf(ctx, [a.subject])[0],
      grade: a.grade,
      month: a.month,
    });
  }
  const areas = new Map<string, string>();
  for (const [i, a] of PHU_LUC_II.entries()) {
    const row = await buildInspectionArea(db, {
      provinceOrgId: soId,
      schoolYearId: yearId,
      label: a.label,
      month: a.month,
      sortOrder: i + 1,
      areaOrgIds: a.districts.map((d) => orgIds.get(d) as string),
    });
    areas.set(a.label, row.id);
  }
  await buildInspection(db, {
    provinceOrgId: soId,
    schoolYearId: yearId,
    schoolYearCode: '2023-2024',
    areaId: areas.get('Sơn Động, Lục Nam'),
    unitOrgId: orgIds.get('THPT-LN'),
    visitDate: '2024-01-16',
    inspectors: ['Trưởng phòng GDTrH, GDTX - Trưởng đoàn', 'Chuyên viên phụ trách môn Toán', 'Chuyên viên phụ trách môn Tiếng Anh'],
    ratings: ['met', 'met', 'partly', 'met', 'met', 'partly', 'met', 'met', 'not_met'],
    findings: 'Nhà trường xây dựng kế hoạch giáo dục đầy đủ, sinh hoạt tổ chuyên môn theo nghiên cứu bài học đều đặn.',
    recommendations: 'Bổ sung thiết bị dạy học môn Tiếng Anh; đẩy mạnh xây dựng xã hội học tập.',
  });
  await buildInspection(db, {
    provinceOrgId: soId,
    schoolYearId: yearId,
    areaId: areas.get('Tân Yên, Yên Dũng'),
    unitOrgId: orgIds.get('THPT-TY1'),
    visitDate: '2024-04-09',
    inspectors: ['Phó trưởng phòng GDTrH, GDTX - Trưởng đoàn', 'Chuyên viên phụ trách môn Sinh học'],
  });
  await buildBacGiangCurrent(
    ctx,
    { soId, orgIds, specialistId: specialist.id, principalId: principal.id, yearId: years.ids[years.current] },
    cal,
  );
}
