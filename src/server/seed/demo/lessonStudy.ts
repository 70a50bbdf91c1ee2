import { and, eq } from 'drizzle-orm';
import { buildLessonPlanVersion, buildLessonStudy } from '../../../../tests/factories';
import { meetings } from '../../db/schema';
import type { SeedContext } from './staff';

const TITLE = 'Nghiên cứu bài học: Hàm số bậc nhất (Toán 9)';

/** A first lesson-plan design (step 1) of the demo lesson study, written by its secretary. */
const DESIGN = [
  '<p><strong>Bài: Hàm số bậc nhất y = ax + b (Toán 9)</strong></p>',
  '<p><strong>1. Mục tiêu:</strong> Học sinh nhận biết hàm số bậc nhất, xác định hệ số a, b và tính đồng biến, nghịch biến.</p>',
  '<p><strong>2. Hoạt động mở đầu (5 phút):</strong> Bài toán quãng đường xe buýt đi được sau t giờ.</p>',
  '<p><strong>3. Hình thành kiến thức (15 phút):</strong> Học sinh làm việc cá nhân, rút ra định nghĩa hàm số bậc nhất.</p>',
  '<p><strong>4. Luyện tập (15 phút):</strong> Bài 1, 2 trang 48: xác định a, b; xét tính đồng biến.</p>',
  '<p><strong>5. Vận dụng (10 phút):</strong> Tính cước taxi theo số ki-lô-mét.</p>',
].join('');

/**
 * The demo lesson study (Nhóm liên trường số 1, 08/12/2026): a 5 × 6 seating map and the group's first design of the
 * lesson plan, so the study page opens at step 1 with something to comment on and to revise.
 */
export async function buildDemoLessonStudy(ctx: SeedContext): Promise<void> {
  const [m] = await ctx.db
    .select({ id: meetings.id, secretaryPersonId: meetings.secretaryPersonId })
    .from(meetings)
    .where(and(eq(meetings.kind, 'lesson_study'), eq(meetings.title, TITLE)))
    .limit(1);
  if (!m) return;
  await buildLessonStudy(ctx.db, { meetingId: m.id, layout: { kind: 'grid', rows: 5, cols: 6 } });
  await buildLessonPlanVersion(ctx.db, { meetingId: m.id, version: 1, bodyHtml: DESIGN, createdBy: m.secretaryPersonId });
}
