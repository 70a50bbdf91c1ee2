import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 4, item 6 on the Củ Chi demo data (school year 2026-2027): the Sở specialist assigns a province-level meeting
 * to THCS Thị Trấn 2 (Phụ lục I); its principal creates the meeting from the assignment, which links it; the
 * specialist plans an inspection of the school, records it with the nine-item checklist on a phone, and downloads
 * Phụ lục I and II.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

type Session = { ctx: BrowserContext; page: Page };
/** How long a page may take to show what the test waits for (the machine is shared and slow). */
const wait = { timeout: 20_000, interval: 200 };
const SCHOOL = 'Trường THCS Thị Trấn 2';

async function as(email: string, viewport = DESKTOP): Promise<Session> {
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

describe('issue 4: province programme and inspections', () => {
  it('assigns, links, inspects with the checklist and downloads Phụ lục I and II', async () => {
    // 1. The Sở specialist assigns a province-level meeting to THCS Thị Trấn 2.
    const so = await as('chuyenvien.so@lientruong.vn');
    await so.page.goto('/programme');
    await so.page.getByTestId('assignment-add').click();
    await choose(so.page, 'assignment-unit', SCHOOL, 'Thị Trấn 2');
    await choose(so.page, 'assignment-subject', 'Toán', 'Toán');
    await so.page.getByTestId('assignment-grade').fill('9');
    await choose(so.page, 'assignment-month', 'Tháng 12/2026');
    await so.page.getByTestId('assignment-save').click();
    const list = so.page.getByTestId('assignment-list');
    await expect.poll(() => list.getByText(SCHOOL).count(), wait).toBe(1);
    await expect.poll(() => list.getByTestId('assignment-status').first().textContent(), wait).toBe('Chưa lên lịch');
    await screenshot(so.page, 'programme-desktop');

    // 2. The principal of the school sees it and creates the meeting from it: it is linked, due one week before.
    const ht = await as('hieutruong@lientruong.vn', PHONE);
    await ht.page.goto('/programme');
    await ht.page.getByTestId('assignment-link').click();
    await screenshot(ht.page, 'programme-link-phone');
    await ht.page.getByTestId('assignment-create-meeting').click();
    await ht.page.waitForURL(/\/meetings\/[0-9a-f-]+\/edit$/);
    await ht.page.goto('/programme');
    await expect
      .poll(() => ht.page.getByTestId('assignment-meeting-link').textContent())
      .toContain('Sinh hoạt chuyên môn cấp tỉnh môn Toán 9');
    await expect.poll(() => ht.page.getByTestId('assignment-list').textContent(), wait).toContain('08/12/2026');
    await screenshot(ht.page, 'programme-phone');

    // 3. The specialist adds the area to the inspection plan and plans the inspection of the school.
    await so.page.goto('/inspections');
    await so.page.getByRole('button', { name: 'Thêm địa bàn' }).click();
    await so.page.getByTestId('area-label').fill('Xã Tân An Hội');
    await choose(so.page, 'area-month', 'Tháng 01/2027');
    await so.page.getByTestId('area-save').click();
    await expect.poll(() => so.page.getByTestId('inspection-plan').textContent(), wait).toContain('Xã Tân An Hội');
    await so.page.getByTestId('inspection-add').click();
    await choose(so.page, 'inspection-unit', SCHOOL, 'Thị Trấn 2');
    await so.page.getByTestId('inspection-date').fill('19/01/2027');
    await so.page.getByTestId('inspection-date').press('Tab');
    await choose(so.page, 'inspection-area', /Xã Tân An Hội/);
    await so.page.getByTestId('inspection-inspectors').fill('Trần Minh Đức - Trưởng đoàn\nLê Thị Hạnh - Thành viên');
    await so.page.getByTestId('inspection-save').click();
    await so.page.waitForURL(/\/inspections\/[0-9a-f-]+$/);
    const inspectionUrl = so.page.url();
    await expect.poll(() => so.page.getByTestId('inspection-checklist').isVisible(), wait).toBe(true);

    // The school's principal sees the inspection and sends the timetable before the visit.
    await ht.page.goto('/inspections');
    await ht.page.getByTestId('inspection-link').click();
    await expect.poll(() => ht.page.getByText('hạn 16/01/2027').count(), wait).toBe(1);
    await ht.page.locator('input[type=file]').setInputFiles({
      name: 'Thời khóa biểu HK I.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% thời khóa biểu\n'),
    });
    await ht.page.getByRole('button', { name: 'Gửi tài liệu' }).click();
    await expect.poll(() => ht.page.getByRole('link', { name: 'Thời khóa biểu HK I.pdf' }).count(), wait).toBe(1);
    await screenshot(ht.page, 'inspection-unit-phone');

    // 4. On a phone, the specialist records the nine items, the findings and the recommendations.
    const phone = await as('chuyenvien.so@lientruong.vn', PHONE);
    const p = phone.page;
    await p.goto(inspectionUrl);
    await expect.poll(() => p.getByTestId('inspection-checklist').isVisible(), wait).toBe(true);
    await expect.poll(() => p.getByText('Hạn gửi hồ sơ').count(), wait).toBeGreaterThan(0);
    await screenshot(p, 'inspection-phone');
    await p.getByTestId('inspection-record').click();
    await expect.poll(() => p.getByText('Chọn mức đánh giá cho nội dung 1').count(), wait).toBe(1);
    const ratings = ['Đạt', 'Đạt', 'Đạt một phần', 'Đạt', 'Đạt', 'Chưa đạt', 'Đạt', 'Đạt', 'Đạt'];
    for (const [i, label] of ratings.entries()) {
      await p
        .getByTestId(`checklist-item-${i + 1}`)
        .getByText(label, { exact: true })
        .click();
    }
    await p.getByTestId('inspection-findings').fill('Nhà trường thực hiện nghiêm túc kế hoạch giáo dục và sinh hoạt tổ chuyên môn.');
    await p.getByTestId('inspection-recommendations').fill('Đẩy mạnh ứng dụng công nghệ thông tin trong dạy học.');
    await p.getByTestId('checklist-item-6').scrollIntoViewIfNeeded();
    await screenshot(p, 'inspection-checklist-phone');
    await p.getByTestId('inspection-record').click();
    await expect.poll(() => p.getByTestId('inspection-status').textContent(), wait).toBe('Đã kiểm tra');
    await so.page.reload();
    await expect.poll(() => so.page.getByTestId('inspection-status').textContent(), wait).toBe('Đã kiểm tra');
    await expect.poll(() => so.page.getByText('Xã Tân An Hội').count(), wait).toBeGreaterThan(0);
    await expect.poll(() => so.page.getByRole('link', { name: 'Thời khóa biểu HK I.pdf' }).count(), wait).toBe(1);
    await screenshot(so.page, 'inspection-desktop');

    // 5. The specialist downloads Phụ lục I and II.
    await so.page.goto('/programme');
    const [p1] = await Promise.all([so.page.waitForEvent('download'), so.page.getByTestId('programme-docx').click()]);
    expect(p1.suggestedFilename()).toBe('phu-luc-1-phan-cong-shcm-cap-tinh-2026-2027.docx');
    expect(
      readFileSync((await p1.path()) as string)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await so.page.goto('/inspections');
    await expect.poll(() => so.page.getByTestId('inspection-list').textContent(), wait).toContain(SCHOOL);
    await screenshot(so.page, 'inspections-desktop');
    const [p2] = await Promise.all([so.page.waitForEvent('download'), so.page.getByTestId('inspections-docx').click()]);
    expect(p2.suggestedFilename()).toBe('phu-luc-2-thoi-diem-kiem-tra-2026-2027.docx');
    expect(
      readFileSync((await p2.path()) as string)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await phone.ctx.close();
    await so.ctx.close();
    await ht.ctx.close();
  });
});
