import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/** Admin journeys: a new teacher, an account for them, password change, disabling, school years, the audit log. */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

async function typeDate(page: Page, label: string, index: number, value: string) {
  const input = page.getByRole('textbox', { name: label, exact: true }).nth(index);
  await input.fill(value);
  await input.press('Tab');
}

describe('administration in the browser', () => {
  it('admin adds a teacher and an account; the teacher changes the password; admin disables the account', async () => {
    const ctx = await e.context(DESKTOP);
    const admin = await ctx.newPage();
    await login(admin, 'admin@lientruong.vn', e.password);

    await admin.goto('/people/new');
    await admin.getByTestId('person-name').fill('Lê Thị Thu Trang');
    await admin.getByRole('textbox', { name: 'Email', exact: true }).fill('trang.le@hoaphu.edu.vn');
    const org = admin.getByTestId('position-org-0');
    await org.click();
    await org.fill('hoa phu');
    await admin.getByRole('option', { name: 'Trường THCS Hòa Phú' }).first().click();
    await admin.getByTestId('position-role-0').click();
    await admin.getByRole('option', { name: 'Giáo viên', exact: true }).click();
    await admin.getByTestId('person-save').click();
    await admin.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await admin.getByRole('heading', { name: 'Lê Thị Thu Trang' }).waitFor();

    await admin.goto('/admin/accounts');
    await admin.getByTestId('account-create').click();
    const dialog = admin.getByRole('dialog');
    const person = admin.getByTestId('account-person');
    await person.click();
    await person.fill('thu trang');
    await admin
      .getByRole('option', { name: /Lê Thị Thu Trang/ })
      .first()
      .click();
    await admin.getByTestId('account-email').fill('trang.le@hoaphu.edu.vn');
    await admin.getByTestId('account-password').fill('mat-khau-dau-tien');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await admin.getByRole('cell', { name: 'trang.le@hoaphu.edu.vn' }).waitFor();
    await screenshot(admin, 'e2e-accounts-1280');

    const tctx = await e.context(PHONE);
    const teacher = await tctx.newPage();
    await login(teacher, 'trang.le@hoaphu.edu.vn', 'mat-khau-dau-tien');
    await teacher.goto('/account/password');
    await teacher.getByLabel('Mật khẩu hiện tại').fill('mat-khau-dau-tien');
    await teacher.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-cua-trang');
    await teacher.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-cua-trang');
    await teacher.getByRole('button', { name: 'Lưu' }).click();
    await teacher.getByText('Đã đổi mật khẩu.').waitFor();
    await tctx.close();

    const row = admin.getByRole('row').filter({ hasText: 'trang.le@hoaphu.edu.vn' });
    await row.getByRole('button', { name: 'Khóa' }).click();
    await row.getByText('Đã khóa').waitFor();

    const lctx = await e.context(PHONE);
    const locked = await lctx.newPage();
    await locked.goto('/login');
    await locked.getByTestId('login-email').fill('trang.le@hoaphu.edu.vn');
    await locked.getByTestId('login-password').fill('mat-khau-cua-trang');
    await locked.getByTestId('login-submit').click();
    await expect.poll(() => locked.getByTestId('login-error').textContent()).toContain('Tài khoản đã bị khóa');
    await lctx.close();

    await admin.goto('/admin/audit');
    const audit = admin.getByTestId('audit-list');
    await audit.waitFor();
    await expect.poll(() => audit.textContent()).toContain('Khóa');
    expect(await audit.textContent()).toContain('Tài khoản');
    await screenshot(admin, 'e2e-audit-1280');
    await ctx.close();
  });

  it('admin creates a school year with its two terms; a bad date order is shown next to the field', async () => {
    const ctx = await e.context(DESKTOP);
    const page = await ctx.newPage();
    await login(page, 'admin@lientruong.vn', e.password);
    await page.goto('/admin/school-years');
    await page.getByTestId('school-year-create').click();
    await page.getByRole('textbox', { name: 'Mã năm học' }).fill('2027-2028');
    await typeDate(page, 'Ngày bắt đầu', 0, '05/09/2027');
    await typeDate(page, 'Ngày kết thúc', 0, '31/05/2028');
    await typeDate(page, 'Ngày bắt đầu', 1, '05/09/2027');
    await typeDate(page, 'Ngày kết thúc', 1, '01/09/2027');
    await typeDate(page, 'Ngày bắt đầu', 2, '20/01/2028');
    await typeDate(page, 'Ngày kết thúc', 2, '31/05/2028');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Học kỳ 1: ngày kết thúc phải sau ngày bắt đầu').waitFor();
    await screenshot(page, 'e2e-school-year-error-1280');
    await typeDate(page, 'Ngày kết thúc', 1, '17/01/2028');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const years = (await (await page.request.get('/api/school-years')).json()) as Array<{
      code: string;
      terms: Array<{ endDate: string }>;
    }>;
    const created = years.find((y) => y.code === '2027-2028');
    expect(created?.terms.map((t) => t.endDate)).toEqual(['2028-01-17', '2028-05-31']);
    await ctx.close();
  });
});
