import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 4 item 1 (preparation deadline) on the Củ Chi demo data: the Sở assigns a province-level meeting to THCS Thị
 * Trấn 2, its principal creates the meeting from it, sees the preparation report due one week before and not sent,
 * records on a phone that it was sent, and the Sở specialist sees it sent.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

const wait = { timeout: 20_000, interval: 200 };
const SCHOOL = 'Trường THCS Thị Trấn 2';

async function as(email: string, viewport = DESKTOP): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await e.context(viewport);
  const page = await ctx.newPage();
  await login(page, email, e.password);
  return { ctx, page };
}
async function choose(page: Page, testId: string, option: string | RegExp, typed?: string) {
  const input = page.getByTestId(testId);
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('preparation report of a province-level meeting', () => {
  it('is shown as due, recorded as sent by the unit, and seen by the Sở', async () => {
    const so = await as('chuyenvien.so@lientruong.vn');
    await so.page.goto('/programme');
    await so.page.getByTestId('assignment-add').click();
    await choose(so.page, 'assignment-unit', SCHOOL, 'Thị Trấn 2');
    await choose(so.page, 'assignment-subject', 'Toán', 'Toán');
    await choose(so.page, 'assignment-month', 'Tháng 12/2026');
    await so.page.getByTestId('assignment-save').click();
    await expect.poll(() => so.page.getByTestId('assignment-list').getByText(SCHOOL).count(), wait).toBe(1);

    const ht = await as('hieutruong@lientruong.vn', PHONE);
    await ht.page.goto('/programme');
    await ht.page.getByTestId('assignment-link').click();
    await ht.page.getByTestId('assignment-create-meeting').click();
    await ht.page.waitForURL(/\/meetings\/[0-9a-f-]+\/edit$/);
    await ht.page.goto('/programme');
    const status = ht.page.getByTestId('preparation-status');
    await expect.poll(() => status.textContent(), wait).toBe('Chưa gửi');
    expect(await ht.page.getByTestId('preparation-cell').textContent()).toContain('08/12/2026');
    await screenshot(ht.page, 'preparation-due-phone');
    await ht.page.getByTestId('preparation-open').click();
    await expect.poll(() => ht.page.getByTestId('preparation-notes').isVisible(), wait).toBe(true);
    await ht.page.getByTestId('preparation-notes').fill('Đã gửi qua hệ thống quản lý văn bản, số 125/THCSTT2');
    await ht.page.waitForTimeout(400); // let the modal's opening transition finish before the picture
    await screenshot(ht.page, 'preparation-modal-phone');
    await ht.page.getByTestId('preparation-save').click();
    await expect.poll(() => status.textContent(), wait).toMatch(/^Đã gửi \d\d\/\d\d\/\d{4}$/);
    expect(await ht.page.getByTestId('preparation-open').count()).toBe(0);
    await screenshot(ht.page, 'preparation-sent-phone');

    await so.page.reload();
    await expect.poll(() => so.page.getByTestId('preparation-status').textContent(), wait).toMatch(/^Đã gửi/);
    expect(await so.page.getByTestId('preparation-open').count()).toBe(0);
    await screenshot(so.page, 'preparation-desktop');
  });
});
