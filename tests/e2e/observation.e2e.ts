import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { buildInvitations, buildMeeting, buildPresenter } from '../factories';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 5, lesson study and observation, on the Củ Chi demo data. A lesson-study meeting of the principal's school runs
 * now: the team head (secretary, teaches the lesson) writes the first lesson plan, a teacher comments; the teacher
 * observes on a 390 px phone, draws the seating map, cuts the network and records five notes (one with a photo);
 * back online they sync once; shared, they show on the analysis timeline and map; the chair writes the guided
 * analysis and puts it into the minutes; the study reaches step 4 with a revised plan compared with the first.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

type Session = { ctx: BrowserContext; page: Page };
async function as(email: string, viewport = DESKTOP): Promise<Session> {
  const ctx = await e.context(viewport);
  const page = await ctx.newPage();
  await login(page, email, e.password);
  return { ctx, page };
}
async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(e.database.db, query);
  return row?.n ?? 0;
}
// A 1 × 1 PNG stands for the phone camera's photo.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const V1 = 'Hoạt động 1: Học sinh làm việc cá nhân 10 phút, tìm hệ số góc của đường thẳng.';
const V2 = 'Hoạt động 1: Học sinh làm việc theo nhóm đôi 15 phút, tìm hệ số góc và vẽ đồ thị của đường thẳng.';

describe('issue 5: lesson study and observation on a phone, offline', () => {
  it('goes through the four steps with notes taken offline', async () => {
    const people = await queryRows<{ email: string; personId: string; orgId: string; orgType: string }>(
      e.database.db,
      sql`select a.email, p.id as "personId", m.org_id as "orgId", o.type as "orgType"
          from accounts a join people p on p.id = a.person_id join memberships m on m.person_id = p.id join orgs o on o.id = m.org_id
          where a.email in ('hieutruong@lientruong.vn', 'totruong@lientruong.vn', 'giaovien@lientruong.vn') and m.valid_to is null`,
    );
    const who = (email: string) => people.find((p) => p.email === email) ?? people[0];
    const principal = who('hieutruong@lientruong.vn');
    const teamHead = who('totruong@lientruong.vn');
    const teacher = who('giaovien@lientruong.vn');
    const [year] = await queryRows<{ id: string }>(e.database.db, sql`select id from school_years where code = '2026-2027'`);
    const startsAt = new Date(Date.now() - 30 * 60_000);
    const meeting = await buildMeeting(e.database.db, {
      hostOrgId: principal.orgId,
      schoolYearId: year.id,
      kind: 'lesson_study',
      title: 'Nghiên cứu bài học: Hàm số bậc nhất (Toán 9)',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      chairPersonId: principal.personId,
      secretaryPersonId: teamHead.personId,
      grade: 9,
    });
    await buildPresenter(e.database.db, { meetingId: meeting.id, personId: teamHead.personId });
    await buildInvitations(e.database.db, meeting.id, [teamHead.personId, teacher.personId]);
    const id = meeting.id;

    // Step 1: the team head writes the first lesson plan from the meeting page; the teacher comments on it.
    const head = await as('totruong@lientruong.vn');
    await head.page.goto(`/meetings/${id}`);
    await head.page.getByTestId('meeting-lesson-study').waitFor();
    await head.page.getByTestId('open-lesson-study').click();
    await head.page.waitForURL((u) => new URL(u).pathname === `/meetings/${id}/lesson-study`);
    await head.page.getByRole('textbox', { name: 'Nội dung kế hoạch bài dạy' }).fill(V1);
    await head.page.getByTestId('version-note').fill('Bản thiết kế chung của tổ');
    await head.page.getByTestId('version-save').click();
    await head.page.getByTestId('version-1').waitFor();

    const obs = await as('giaovien@lientruong.vn', PHONE);
    await obs.page.goto(`/meetings/${id}/lesson-study`);
    await obs.page.getByTestId('comment-input-1').fill('Nên cho học sinh làm việc nhóm đôi để các em hỗ trợ nhau.');
    await obs.page.getByTestId('comment-send-1').click();
    await obs.page.getByTestId('lesson-comment').first().waitFor();

    // Step 2: teaching and observation.
    await head.page.reload();
    await head.page.getByTestId('step-next').click();
    await expect.poll(() => head.page.getByTestId('lesson-steps').getAttribute('data-step')).toBe('2');

    // The observer opens the lesson on the phone and draws the seating map (4 rows × 6 desks).
    await obs.page.goto(`/meetings/${id}/observe`);
    await obs.page.getByTestId('draw-map').click();
    await obs.page.getByTestId('layout-rows').fill('4');
    await obs.page.getByTestId('layout-cols').fill('6');
    await obs.page.getByTestId('layout-save').click();
    await obs.page.getByTestId('seat-2.3').waitFor();
    await screenshot(obs.page, 'observe-390');

    // The network goes; five notes are taken, one with a photo.
    await obs.ctx.setOffline(true);
    await obs.page.getByTestId('offline-badge').waitFor();
    const notes: Array<{ seat: string | null; tag: string; text: string; photo?: boolean }> = [
      { seat: '1.2', tag: 'Mở đầu', text: 'Em Minh trả lời nhanh câu hỏi khởi động' },
      { seat: '2.3', tag: 'Hình thành kiến thức', text: 'Em Lan lúng túng khi tìm hệ số góc, hỏi bạn bên cạnh' },
      { seat: '2.3', tag: 'Luyện tập', text: 'Em Lan đã tự làm được bài 2 sau khi bạn giải thích', photo: true },
      { seat: '4.6', tag: 'Luyện tập', text: 'Hai em bàn cuối chưa bắt đầu làm bài' },
      { seat: null, tag: 'Vận dụng', text: 'Cả lớp sôi nổi khi vẽ đồ thị quãng đường đi xe đạp' },
    ];
    for (const n of notes) {
      if (n.seat) await obs.page.getByTestId(`seat-${n.seat}`).click();
      await obs.page.locator('label', { hasText: n.tag }).first().click();
      await obs.page.getByTestId('note-text').fill(n.text);
      if (n.photo)
        await obs.page
          .locator('input[type=file][accept="image/*"]')
          .setInputFiles({ name: 'IMG_2031.png', mimeType: 'image/png', buffer: PHOTO });
      await obs.page.getByTestId('note-save').click();
      await expect.poll(() => obs.page.getByTestId('note-card').filter({ hasText: n.text }).count()).toBe(1);
    }
    await expect.poll(() => obs.page.getByTestId('note-waiting').count()).toBe(5);
    await expect.poll(() => obs.page.getByTestId('pending-count').textContent()).toContain('5');
    expect(await count(sql`select count(*)::int as n from observation_notes where meeting_id = ${id}`)).toBe(0);
    await screenshot(obs.page, 'observe-offline-390');

    // Back online: they sync, once.
    await obs.ctx.setOffline(false);
    await expect
      .poll(() => count(sql`select count(*)::int as n from observation_notes where meeting_id = ${id}`), { timeout: 30_000 })
      .toBe(5);
    await expect.poll(() => obs.page.getByTestId('note-waiting').count(), { timeout: 30_000 }).toBe(0);
    // Another pass (as if the network flapped again) sends nothing more.
    await obs.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => obs.page.getByTestId('note-card').count()).toBe(5);
    const audit = await queryRows<{ action: string; n: number }>(
      e.database.db,
      sql`select action, count(*)::int as n from audit_log where action like 'observation.%' group by action order by action`,
    );
    expect(Object.fromEntries(audit.map((r) => [r.action, r.n]))).toEqual({ 'observation.create': 5, 'observation.photo': 1 });
    expect(await count(sql`select count(*)::int as n from observation_notes where meeting_id = ${id} and photo_key is not null`)).toBe(1);
    const stored = await queryRows<{ body: string; tags: string[]; seat: string | null }>(
      e.database.db,
      sql`select body, tags, seat from observation_notes where meeting_id = ${id} order by observed_at, created_at`,
    );
    const tagCode = {
      'Mở đầu': 'opening',
      'Hình thành kiến thức': 'knowledge',
      'Luyện tập': 'practice',
      'Vận dụng': 'application',
    } as const;
    expect(stored).toEqual(notes.map((n) => ({ body: n.text, tags: [tagCode[n.tag as keyof typeof tagCode]], seat: n.seat })));
    expect(await count(sql`select count(*)::int as n from observation_notes where meeting_id = ${id} and shared_at is not null`)).toBe(0);

    // Shared with the group, they show on the analysis timeline and on the map.
    await obs.page.getByTestId('share-all').click();
    await expect
      .poll(() => count(sql`select count(*)::int as n from observation_notes where meeting_id = ${id} and shared_at is not null`))
      .toBe(5);
    await obs.page.goto(`/meetings/${id}/analysis`);
    await expect.poll(() => obs.page.getByTestId('analysis-timeline').getByTestId('note-card').count()).toBe(5);
    expect(await obs.page.getByTestId('seat-count-2.3').textContent()).toBe('2');
    expect(await obs.page.getByTestId('seat-count-1.2').textContent()).toBe('1');
    await obs.page.getByTestId('analysis-timeline').getByTestId('note-photo').waitFor();
    await screenshot(obs.page, 'analysis-390');
    await obs.page.getByTestId('seat-2.3').click();
    await expect.poll(() => obs.page.getByTestId('analysis-timeline').getByTestId('note-card').count()).toBe(2);

    // Step 3: the chair leads the analysis in order and puts it into the minutes.
    await head.page.reload();
    await head.page.getByTestId('step-next').click();
    await expect.poll(() => head.page.getByTestId('lesson-steps').getAttribute('data-step')).toBe('3');
    const chair = await as('hieutruong@lientruong.vn');
    await chair.page.goto(`/meetings/${id}/analysis`);
    await expect.poll(() => chair.page.getByTestId('analysis-timeline').getByTestId('note-card').count()).toBe(5);
    await chair.page.getByTestId('analysis-timeline').getByTestId('note-photo').waitFor();
    await screenshot(chair.page, 'analysis-1280');
    await chair.page.getByTestId('analysis-teacherShare').fill('Tôi chưa lường trước việc học sinh lúng túng khi tìm hệ số góc.');
    await chair.page.getByTestId('analysis-evidence').fill('Ghi chép lúc 2 và 3 ở dãy 2: em Lan học được nhờ bạn giải thích.');
    await chair.page.getByTestId('analysis-expertView').fill('Nên tổ chức làm việc nhóm đôi ở hoạt động 1.');
    await chair.page.getByTestId('analysis-save').click();
    await expect.poll(() => chair.page.getByTestId('analysis-to-minutes').isEnabled()).toBe(true);
    await screenshot(chair.page, 'analysis-discussion-1280');
    await chair.page.getByTestId('analysis-to-minutes').click();
    await expect
      .poll(async () => (await (await chair.page.request.get(`/api/meetings/${id}/minutes`)).json()).discussion as string)
      .toContain('Nên tổ chức làm việc nhóm đôi ở hoạt động 1.');

    // Step 4: the revised lesson plan, compared with the first.
    await head.page.reload();
    await head.page.getByTestId('step-next').click();
    await expect.poll(() => head.page.getByTestId('lesson-steps').getAttribute('data-step')).toBe('4');
    await head.page.getByRole('textbox', { name: 'Nội dung kế hoạch bài dạy' }).fill(V2);
    await head.page.getByTestId('version-save').click();
    await head.page.getByTestId('version-2').waitFor();
    await head.page.getByTestId('lesson-compare').getByTestId('diff-add').first().waitFor();
    const added = await head.page.getByTestId('compare-to').getByTestId('diff-add').allTextContents();
    const removed = await head.page.getByTestId('compare-from').getByTestId('diff-del').allTextContents();
    expect(added.map((s) => s.trim())).toEqual(['theo nhóm đôi 15', 'và vẽ đồ thị']);
    expect(removed.map((s) => s.trim())).toEqual(['cá nhân 10']);
    expect(await count(sql`select count(*)::int as n from lesson_plan_versions where meeting_id = ${id}`)).toBe(2);
    await head.page.getByTestId('lesson-progress').scrollIntoViewIfNeeded();
    await screenshot(head.page, 'lesson-study-1280');
    await head.page.getByTestId('lesson-compare').scrollIntoViewIfNeeded();
    await screenshot(head.page, 'lesson-compare-1280');
    await obs.page.goto(`/meetings/${id}/lesson-study`);
    await obs.page.getByTestId('lesson-compare').getByTestId('diff-add').first().waitFor();
    await screenshot(obs.page, 'lesson-study-390');
    await obs.page.getByTestId('lesson-compare').scrollIntoViewIfNeeded();
    await screenshot(obs.page, 'lesson-compare-390');
    await obs.page.goto(`/meetings/${id}`);
    await obs.page.getByTestId('meeting-lesson-study').scrollIntoViewIfNeeded();
    await screenshot(obs.page, 'meeting-lesson-study-390');
  });
});
