import { buildPlan, buildPlanItem, buildPlanReviews, buildReport, buildReportReviews } from '../../../../tests/factories';
import * as reportsRepo from '../../modules/reports/repo';
import { resultsOf } from '../../modules/reports/service';
import { at, type DemoCalendar, daysAgo } from './calendar';
import { CU_CHI_LOGINS, type CuChiOrgs } from './cuChi';
import { CU_CHI_CLUSTERS, CU_CHI_GROUPS } from './cuChiData';
import type { NetworkIds } from './cuChiNetworks';
import { personOf } from './currentYear';
import type { SeedContext } from './staff';
import type { DemoYears } from './years';

const ADVANTAGES =
  'Thuận lợi: các trường trong nhóm gần nhau, giáo viên nhiệt tình, được đơn vị cấp trên quan tâm chỉ đạo. ' +
  'Khó khăn: một số buổi trùng lịch kiểm tra, đường truyền trực tuyến ở điểm cầu chưa ổn định.';
const RECOMMENDATIONS = 'Đề nghị tổ chức tập huấn nghiên cứu bài học và hỗ trợ thiết bị cho điểm cầu trực tuyến.';

/** A report with its results frozen at submission and the review steps given. */
async function report(
  ctx: SeedContext,
  o: Parameters<typeof buildReport>[1],
  steps: Array<{ action: 'submit' | 'accept' | 'return'; actorId: string; at: Date; comment?: string }>,
): Promise<void> {
  const row = await buildReport(ctx.db, { advantages: ADVANTAGES, recommendations: RECOMMENDATIONS, ...o });
  const full = await reportsRepo.findById(ctx.db, row.id);
  const snapshot = full ? (await resultsOf(ctx.db, full)).results : null;
  await buildReportReviews(
    ctx.db,
    row.id,
    steps.map((s) => ({ ...s, snapshot: s.action === 'submit' ? snapshot : undefined })),
  );
}

/** The leader (lead school's principal) of each network key. */
function leaders(cc: CuChiOrgs): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of CU_CHI_CLUSTERS) m.set(`Cụm ${c.number}`, cc.principals.get(c.leader) as string);
  for (const [i, g] of CU_CHI_GROUPS.entries()) m.set(`Nhóm ${i + 1}`, cc.principals.get(g[0]) as string);
  return m;
}

/**
 * History: for each past year from 2024-2025, every Củ Chi network's term-I plan approved and term-I report accepted,
 * and THCS Tân Thạnh Đông's own term-I report accepted. In 2024-2025 the Phòng GD&ĐT reviews all of them (its office
 * leader, today the commune officer, signs); from 2025-2026 the Sở reviews the networks' plans and reports, and the
 * school's report goes to its commune (DOMAIN.md, "Which office approves what").
 */
export async function buildHistory(ctx: SeedContext, cc: CuChiOrgs, years: DemoYears, nets: Map<string, NetworkIds>): Promise<void> {
  const officer = await personOf(ctx, CU_CHI_LOGINS.communeOfficer);
  const specialist = await personOf(ctx, CU_CHI_LOGINS.specialist);
  const lead = leaders(cc);
  for (const [code, ids] of nets) {
    if (code === years.current) continue;
    const start = Number(code.slice(0, 4));
    const byPhong = start < 2025;
    const reviewerOrgId = byPhong ? cc.phongId : cc.soId;
    const reviewer = byPhong ? officer : specialist;
    const yearId = years.ids[code];
    for (const [key, networkId] of ids) {
      const plan = await buildPlan(ctx.db, {
        schoolYearId: yearId,
        reviewerOrgId,
        networkId,
        termNumber: 1,
        title: `Kế hoạch sinh hoạt chuyên môn học kỳ I năm học ${code}`,
      });
      await buildPlanItem(ctx.db, { planId: plan.id, content: 'Thao giảng, dự giờ, rút kinh nghiệm', proposedDate: `${start}-10-20` });
      await buildPlanReviews(ctx.db, plan.id, [
        { action: 'submit', actorId: lead.get(key) ?? null, at: at(`${start}-09-12`, '09:00') },
        { action: 'approve', actorId: reviewer, at: at(`${start}-09-16`, '14:00') },
      ]);
      await report(ctx, { schoolYearId: yearId, reviewerOrgId, networkId, termNumber: 1, createdBy: lead.get(key) }, [
        { action: 'submit', actorId: lead.get(key) as string, at: at(`${start}-12-18`, '10:00') },
        { action: 'accept', actorId: reviewer, at: at(`${start}-12-26`, '15:00') },
      ]);
    }
    const school = cc.schools.get('Tân Thạnh Đông') as string;
    const communeId = byPhong ? cc.phongId : (cc.communes.get('Phú Hòa Đông') as string);
    await report(ctx, { schoolYearId: yearId, reviewerOrgId: communeId, orgId: school, termNumber: 1 }, [
      { action: 'submit', actorId: cc.principals.get('Tân Thạnh Đông') as string, at: at(`${start}-12-17`, '10:00') },
      { action: 'accept', actorId: officer, at: at(`${start}-12-22`, '09:00') },
    ]);
  }
}

/**
 * The reports of the last period that is due (term I in term II, else the year before's year report): Nhóm 1's
 * submitted and waiting for the Sở, Nhóm 2's and Nhóm 3's accepted, Nhóm 8's (the demo principal's group) missing
 * after its deadline; THCS Tân Thạnh Đông's own report submitted to Xã Phú Hòa Đông.
 */
export async function buildDueReports(ctx: SeedContext, cc: CuChiOrgs, years: DemoYears, nets: Map<string, NetworkIds>, cal: DemoCalendar) {
  const code = cal.term === 2 ? years.current : years.previous;
  const termNumber = cal.term === 2 ? 1 : null;
  const ids = nets.get(code);
  if (!ids) return;
  const yearId = years.ids[code];
  const specialist = await personOf(ctx, CU_CHI_LOGINS.specialist);
  const lead = leaders(cc);
  const sent = at(daysAgo(cal.today, 4), '10:30');
  for (const [key, accepted] of [
    ['Nhóm 1', false],
    ['Nhóm 2', true],
    ['Nhóm 3', true],
  ] as const) {
    await report(ctx, { schoolYearId: yearId, reviewerOrgId: cc.soId, networkId: ids.get(key), termNumber, createdBy: lead.get(key) }, [
      { action: 'submit', actorId: lead.get(key) as string, at: sent },
      ...(accepted ? [{ action: 'accept' as const, actorId: specialist, at: at(daysAgo(cal.today, 1), '14:00') }] : []),
    ]);
  }
  await report(
    ctx,
    { schoolYearId: yearId, reviewerOrgId: cc.communes.get('Phú Hòa Đông') as string, orgId: cc.schools.get('Tân Thạnh Đông'), termNumber },
    [{ action: 'submit', actorId: cc.principals.get('Tân Thạnh Đông') as string, at: sent }],
  );
}
