import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_HEADER, xlsxOf } from '../fixtures/imports/files';
import { buildImportWorld } from '../fixtures/imports/world';
import { type E2E, login, PHONE, screenshot, startE2E } from './harness';

let e: E2E;
let w: Awaited<ReturnType<typeof buildImportWorld>>;

beforeAll(async () => {
  e = await startE2E();
  w = await buildImportWorld(e.database.db);
});
afterAll(() => e.close());

const rows = [
  ['GV-E1', 'Nguyễn Thị Hồng Nhung', 'nhung.e2e@ttd.edu.vn', '0912345678', 'Nữ', 'TTD-TOAN', 'Giáo viên', 'Toán'],
  ['GV-E2', 'Trần Văn Đức', 'duc.e2e@ttd.edu.vn', '0987654321', 'Nam', 'TTD-TOAN', 'Tổ trưởng', 'Tin học'],
];

describe('import journey on a phone (390 px)', () => {
  it('a principal downloads the template, sees row errors, fixes the file and gets a summary', async () => {
    const ctx = await e.context(PHONE);
    const page = await ctx.newPage();
    await login(page, w.users.principal.email, w.users.principal.password);
    await page.goto('/imports');
    await page.getByRole('heading', { name: 'Nhập dữ liệu từ tệp' }).waitFor();
    const xlsxLink = page.getByRole('link', { name: 'Tải mẫu Excel (.xlsx)' });
    expect(await xlsxLink.getAttribute('href')).toBe('/api/imports/templates/staff?format=xlsx');
    const template = await page.request.get('/api/imports/templates/staff?format=xlsx');
    expect(template.status()).toBe(200);

    const bad = rows.map((r) => [...r]);
    bad[1][2] = 'abc';
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'can-bo.xlsx', mimeType: 'application/octet-stream', buffer: await xlsxOf(STAFF_HEADER, bad) });
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    await expect.poll(() => errors.textContent()).toContain('"abc" không phải là địa chỉ email hợp lệ');
    expect(await errors.textContent()).toContain('Tệp có lỗi, chưa có dữ liệu nào được ghi');
    const found = async (q: string) =>
      ((await (await page.request.get(`/api/people?q=${encodeURIComponent(q)}`)).json()) as { total: number }).total;
    expect(await found('nhung.e2e@ttd.edu.vn')).toBe(0);
    expect(await found('GV-E2')).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'imports-errors-phone');

    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'can-bo.xlsx', mimeType: 'application/octet-stream', buffer: await xlsxOf(STAFF_HEADER, rows) });
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    const counts = async () =>
      Promise.all(
        ['created', 'updated', 'unchanged'].map(async (k) => (await page.getByTestId(`import-count-${k}`).textContent())?.trim()),
      );
    expect(await counts()).toEqual(['2', '0', '0']);
    expect(await found('nhung.e2e@ttd.edu.vn')).toBe(1);
    expect(await found('tran van duc')).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'imports-done-phone');

    // The same file again: nothing changes.
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'can-bo.xlsx', mimeType: 'application/octet-stream', buffer: await xlsxOf(STAFF_HEADER, rows) });
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await expect.poll(counts).toEqual(['0', '0', '2']);
    expect(await found('nhung.e2e@ttd.edu.vn')).toBe(1);

    await page.locator('input[type=file]').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('xin chào') });
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    const uploadError = page.getByTestId('import-upload-error');
    await uploadError.waitFor();
    expect(await uploadError.textContent()).toContain('Tệp «ghi-chu.txt» không được hỗ trợ');
    await ctx.close();
  });
});
