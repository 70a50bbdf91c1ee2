import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceView } from '../../src/shared/dashboard';
import { buildKnownTerm } from '../helpers/reportWorld';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * The compliance dashboard in the browser, on the Củ Chi demo data with the known term of HK I 2026-2027
 * (tests/helpers/reportWorld.ts; the Sở supervises the groups this year, with the demo's Củ Chi rules): the Sở
 * specialist opens "Tổng quan tuân thủ" from the menu, sees Nhóm liên trường số 3 (met once) flagged, drills to its
 * approved plan, comes back, opens its schedule, and downloads the roll-up and a table's XLSX. Then a phone.
 */
let e: E2E;
let world: Awaited<ReturnType<typeof buildKnownTerm>>;
const DAY = '2026-11-30';
beforeAll(async () => {
  e = await startE2E({ plainDemo: true });
  world = await buildKnownTerm(e.database.db, '2026-2027');
}, 300_000);
afterAll(() => e.close());

async function as(email: string, viewport = DESKTOP): Promise<Page> {
  const ctx = await e.context(viewport);
  const page = await ctx.newPage();
  await login(page, email, e.password);
  return page;
}

describe('dashboard: an office specialist finds a late group and drills down', () => {
  it('opens the dashboard, drills from the late group to its plan, downloads the roll-up', async () => {
    const page = await as('chuyenvien.so@lientruong.vn');
    await page.getByRole('link', { name: 'Tổng quan tuân thủ' }).first().click();
    await page.waitForURL((u) => new URL(u).pathname === '/dashboard');
    await page.goto(`/dashboard?date=${DAY}`);
    await page.getByTestId('network-table').waitFor();

    const view = (await (await page.request.get(`/api/dashboard/compliance?date=${DAY}`)).json()) as ComplianceView;
    expect(view.scope.name).toBe('Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh');
    const g3 = view.networks.find((n) => n.id === world.networks.g3.id);
    // per subject of its plan (Toán, Ngữ văn): 1 of 2 × 2, both subjects behind; Nhóm 1 met twice in each of its two
    expect(g3).toMatchObject({ held: 1, required: 4, behind: true, planStatus: 'approved', subjectsBehind: ['Toán', 'Ngữ văn'] });
    expect(view.networks.find((n) => n.id === world.networks.g1.id)).toMatchObject({ held: 4, required: 4, behind: false });

    // the late group is listed (only late ones by default), Nhóm 1 (on track) is not
    const row = page.getByTestId(`network-plan-${world.networks.g3.id}`);
    await row.waitFor();
    expect(await page.getByTestId(`network-plan-${world.networks.g1.id}`).count()).toBe(0);
    expect(await page.getByTestId('card-networks').textContent()).toContain(String(view.summary.networksBehind));
    expect(await page.getByTestId(`network-subjects-behind-${world.networks.g3.id}`).textContent()).toBe('Môn chưa đủ: Toán, Ngữ văn');
    await screenshot(page, 'dashboard-desktop');
    await page.getByTestId('dashboard-participation').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-participation-desktop');

    // drill down: the group → its approved plan
    await row.click();
    await page.waitForURL((u) => new URL(u).pathname === `/plans/${g3?.planId}`);
    await page.getByText('Thao giảng Toán 9').first().waitFor();
    await screenshot(page, 'dashboard-drill-plan-desktop');

    // back: the group's schedule
    await page.goBack();
    await page.getByTestId(`network-meetings-${world.networks.g3.id}`).click();
    await page.waitForURL((u) => new URL(u).pathname === '/meetings' && new URL(u).searchParams.get('networkId') === world.networks.g3.id);

    // the XLSX of the table and the roll-up
    await page.goto(`/dashboard?date=${DAY}`);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-xlsx-networks').click()]);
    expect(xlsx.suggestedFilename()).toBe('tong-quan-tuan-thu-so-buoi-theo-quy-dinh-2026-2027-hk1.xlsx');
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await page.getByTestId('dashboard-rollup').click();
    await page.getByTestId('rollup-table').waitFor();
    expect(await page.getByTestId(`subjects-behind-${world.networks.g3.id}`).first().textContent()).toBe('Môn chưa đủ: Toán, Ngữ văn');
    await screenshot(page, 'dashboard-rollup-desktop');
    const [rollup] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rollup-docx').click()]);
    expect(rollup.suggestedFilename()).toMatch(/^tong-hop-bao-cao-2026-2027-hk1\.docx$/);
    expect(
      readFileSync(await rollup.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('on a phone the dashboard reads as cards', async () => {
    const page = await as('chuyenvien.so@lientruong.vn', PHONE);
    await page.goto(`/dashboard?date=${DAY}`);
    await page.getByTestId(`network-plan-${world.networks.g3.id}`).waitFor();
    await screenshot(page, 'dashboard-phone');
    await page.getByTestId('dashboard-plans').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-plans-phone');
  });

  it('the rules page of the Sở shows the Củ Chi preset, reached from the Sở page', async () => {
    const page = await as('chuyenvien.so@lientruong.vn');
    await page.goto(`/orgs/${world.so.id}`);
    await page.getByTestId('rules-link').click();
    await page.getByTestId('rules-quotas').waitFor();
    expect(await page.getByTestId('rules-source').textContent()).toContain('quy định riêng');
    expect(await page.getByTestId('rules-preset-name').textContent()).toBe('Theo mẫu: Củ Chi');
    // the school group's quota counts per subject (seed 001), the cluster's does not
    const quotas = (await (await page.request.get(`/api/orgs/${world.so.id}/rules/${world.year.id}`)).json()).rules.quotas as Array<{
      target: string;
    }>;
    const groupRow = quotas.findIndex((q) => q.target === 'school_group');
    const clusterRow = quotas.findIndex((q) => q.target === 'cluster');
    expect(await page.getByTestId(`rules-quota-perSubject-${groupRow}`).isChecked()).toBe(true);
    expect(await page.getByTestId(`rules-quota-perSubject-${clusterRow}`).isChecked()).toBe(false);
    await screenshot(page, 'rules-desktop');
    // edit one number and save: the form replaces the rule set (no longer "the preset as published")
    await page.getByTestId('rules-teamIntervalDays').fill('10');
    await page.getByTestId('rules-save').click();
    await page.getByText('Đã lưu quy định sinh hoạt chuyên môn.').waitFor();
    const year = (await (await page.request.get('/api/school-years')).json()) as Array<{ id: string; code: string }>;
    const id = year.find((y) => y.code === '2026-2027')?.id;
    const saved = (await (await page.request.get(`/api/orgs/${world.so.id}/rules/${id}`)).json()) as {
      rules: { teamIntervalDays: number; quotas: unknown[] };
    };
    expect(saved.rules.teamIntervalDays).toBe(10);
    expect(saved.rules.quotas).toHaveLength(2);
    await page.getByTestId('rules-breaks').scrollIntoViewIfNeeded();
    await screenshot(page, 'rules-breaks-desktop');
    const phone = await as('chuyenvien.so@lientruong.vn', PHONE);
    await phone.goto(`/rules?orgId=${world.so.id}`);
    await phone.getByTestId('rules-quotas').waitFor();
    await screenshot(phone, 'rules-phone');
  });

  it('a teacher is refused', async () => {
    const page = await as('giaovien@lientruong.vn');
    await page.goto('/dashboard');
    await page.getByTestId('forbidden').waitFor();
  });
});
