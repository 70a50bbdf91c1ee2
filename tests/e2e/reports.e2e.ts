import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKnownTerm } from '../helpers/reportWorld';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Term reports and the roll-up in the browser, on the Củ Chi demo data with the known term of HK I 2026-2027
 * (tests/helpers/reportWorld.ts): the leader of Nhóm liên trường số 1 drafts the report on a phone and submits it;
 * the Sở specialist opens the roll-up from the Sở's page, sees the group that met once flagged, returns the report
 * with a comment; the leader fixes and resubmits; the specialist accepts it and downloads the roll-up.
 */
let e: E2E;
let world: Awaited<ReturnType<typeof buildKnownTerm>>;
beforeAll(async () => {
  e = await startE2E({ plainDemo: true });
  world = await buildKnownTerm(e.database.db, '2026-2027');
}, 300_000);
afterAll(() => e.close());

type Session = { ctx: BrowserContext; page: Page };
async function as(email: string, viewport = DESKTOP): Promise<Session> {
  const ctx = await e.context(viewport);
  const page = await ctx.newPage();
  await login(page, email, e.password);
  return { ctx, page };
}
async function json<T>(page: Page, url: string): Promise<T> {
  return (await (await page.request.get(url)).json()) as T;
}

describe('reports: draft → submitted → returned → resubmitted → accepted, and the roll-up', () => {
  it('walks the review and downloads the roll-up', async () => {
    const admin = await as('admin@lientruong.vn');
    const g1 = world.networks.g1.id;
    const detail = await json<{ leaders: Array<{ personId: string; role: string }> }>(admin.page, `/api/networks/${g1}`);
    const leader = await json<{ email: string }>(admin.page, `/api/people/${detail.leaders.find((l) => l.role === 'leader')?.personId}`);

    // 1. The group leader, on a phone, opens the group's reports and drafts the HK I report.
    const lead = await as(leader.email, PHONE);
    await lead.page.goto(`/networks/${g1}`);
    await lead.page.getByTestId('reports-link').click();
    await lead.page.getByTestId('report-create').click();
    await lead.page.getByTestId('report-create-confirm').click();
    await lead.page.getByTestId('report-narrative').waitFor();
    await expect.poll(() => lead.page.getByTestId('report-results').textContent()).toContain('thực hiện: 4');
    await lead.page.getByTestId('report-number').fill('07/BC-NLT1');
    await lead.page.getByTestId('report-advantages').fill('Ba trường gần nhau, giáo viên nhiệt tình tham gia.');
    await lead.page.getByTestId('report-recommendations').fill('Đề nghị Sở tổ chức tập huấn nghiên cứu bài học.');
    await screenshot(lead.page, 'reports-draft-phone');
    await lead.page.getByTestId('report-submit').click();
    await lead.page.getByTestId('report-submit-confirm').click();
    await expect.poll(() => lead.page.getByTestId('report-status').textContent()).toBe('Đã gửi');
    await lead.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(lead.page, 'reports-submitted-phone');
    const reportUrl = lead.page.url();

    // 2. The Sở specialist opens the roll-up from the Sở's page: the group that met once is flagged.
    const so = await as('chuyenvien.so@lientruong.vn', DESKTOP);
    await so.page.goto(`/orgs/${world.so.id}`);
    await so.page.getByTestId('rollup-link').click();
    await so.page.getByTestId('rollup-table').waitFor();
    await so.page.getByTestId(`below-quota-${world.networks.g3.id}`).waitFor();
    expect(await so.page.getByTestId(`below-quota-${g1}`).count()).toBe(0);
    // per subject of its plan: Toán held once, Ngữ văn not at all (seed 001: 2 a term for each subject)
    expect(await so.page.getByTestId(`subjects-behind-${world.networks.g3.id}`).textContent()).toBe('Môn chưa đủ: Toán, Ngữ văn');
    await screenshot(so.page, 'reports-rollup-desktop');

    // 3. It opens Nhóm 1's report from the table and returns it with a comment.
    await so.page.getByTestId(`rollup-report-${g1}`).click();
    await so.page.getByTestId('report-return').click();
    await so.page.getByTestId('report-review-comment').fill('Bổ sung khó khăn về cơ sở vật chất.');
    await so.page.getByTestId('report-review-confirm').click();
    await expect.poll(() => so.page.getByTestId('report-status').textContent()).toBe('Bị trả lại');

    // 4. The leader sees the comment, fixes the text and resubmits.
    await lead.page.goto(reportUrl);
    await lead.page.getByText('Bổ sung khó khăn về cơ sở vật chất.').first().waitFor();
    await lead.page
      .getByTestId('report-advantages')
      .fill('Ba trường gần nhau, giáo viên nhiệt tình.\nKhó khăn: phòng học bộ môn còn thiếu.');
    await lead.page.getByTestId('report-submit').click();
    await lead.page.getByTestId('report-submit-confirm').click();
    await expect.poll(() => lead.page.getByTestId('report-status').textContent()).toBe('Đã gửi lại');

    // 5. The specialist accepts it.
    await so.page.reload();
    await so.page.getByTestId('report-accept').click();
    await so.page.getByTestId('report-review-confirm').click();
    await expect.poll(() => so.page.getByTestId('report-status').textContent()).toBe('Đã tiếp nhận');
    await so.page.getByTestId('report-history').scrollIntoViewIfNeeded();
    await screenshot(so.page, 'reports-accepted-desktop');

    // 6. Back on the roll-up: the report counts as received; the roll-up DOCX and XLSX download.
    await so.page.goto(`/reports/rollup?orgId=${world.so.id}`);
    await so.page.getByTestId('rollup-table').waitFor();
    for (const [testId, ext] of [
      ['rollup-docx', '.docx'],
      ['rollup-xlsx', '.xlsx'],
    ] as const) {
      const [download] = await Promise.all([so.page.waitForEvent('download'), so.page.getByTestId(testId).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^tong-hop-bao-cao-2026-2027-hk1\\${ext}$`));
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    }

    const phone = await as('chuyenvien.so@lientruong.vn', PHONE);
    await phone.page.goto(`/reports/rollup?orgId=${world.so.id}`);
    await phone.page.getByTestId('rollup-table').waitFor();
    await screenshot(phone.page, 'reports-rollup-phone');
    await lead.page.setViewportSize(DESKTOP);
    await lead.page.reload();
    await lead.page.getByTestId('report-results').scrollIntoViewIfNeeded();
    await screenshot(lead.page, 'reports-results-desktop');
  });
});
