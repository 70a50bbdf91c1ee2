import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 15, point 4: bridge points are organisations with links typed once. The leader of Cụm 01 saves the network's
 * general meeting link on the network page; "Xếp điểm cầu tự động" previews a point of another commune taking that
 * link, then applies it. Without saved links, the dialog asks once for each point's link and applies it.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

const GENERAL = 'https://meet.example.edu.vn/cum01-chung';
type Venue = { id: string; isCentral: boolean; name: string; onlineUrl: string | null; org: { id: string } | null };
type Meeting = { venues: Venue[]; invitations: unknown[]; network: { id: string } | null };

async function selectOption(page: Page, testId: string, option: string | RegExp, typed?: string) {
  const input = page.getByTestId(testId);
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  return (await (await page.request.get(url)).json()) as T;
}

/** A hybrid meeting of Cụm 01 at THCS Thị Trấn 2 with every Toán teacher of the cluster invited; its API path. */
async function hybridMeeting(page: Page, title: string, day: string): Promise<string> {
  await page.goto('/meetings/new');
  await page.getByTestId('f-title').fill(title);
  await selectOption(page, 'f-mode', 'Kết hợp trực tiếp và trực tuyến');
  await selectOption(page, 'f-host', /Trường THCS Thị Trấn 2/, 'thi tran 2');
  await selectOption(page, 'f-network', /^Cụm 01/);
  const date = page.getByTestId('f-day');
  await date.fill(day);
  await date.press('Tab');
  await page.getByTestId('meeting-save').click();
  await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
  const api = `/api${new URL(page.url()).pathname}`;
  await page.getByTestId('invite-rule').click();
  await selectOption(page, 'rule-subjects', 'Toán', 'Toán');
  await page.getByRole('dialog').getByLabel('Mô tả').fill('Giáo viên Toán các trường trong Cụm 01');
  await page.getByTestId('rule-submit').click();
  await expect.poll(async () => (await getJson<Meeting>(page, api)).invitations.length).toBeGreaterThan(20);
  return api;
}

describe('bridge points are organisations with their links typed once', () => {
  it('takes the network link saved on the network page, shown in the preview before it is applied', async () => {
    const ctx = await e.context(DESKTOP);
    const page = await ctx.newPage();
    await login(page, 'hieutruong@lientruong.vn', e.password);
    const api = await hybridMeeting(page, 'Chuyên đề cụm: đổi mới kiểm tra đánh giá môn Toán', '16/12/2026');
    const networkId = (await getJson<Meeting>(page, api)).network?.id;
    expect(networkId).toBeTruthy();

    await page.goto(`/networks/${networkId}`);
    await page.getByTestId('meeting-links-edit').click();
    await page.getByTestId('meeting-link-url').first().fill(GENERAL);
    await page.getByTestId('meeting-links-save').click();
    const section = page.getByTestId('network-meeting-links');
    await section.getByText(GENERAL).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-network-meeting-links-1280');
    await page.setViewportSize(PHONE);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-network-meeting-links-390');
    await page.setViewportSize(DESKTOP);

    await page.goto(api.replace('/api', ''));
    await page.getByTestId('meeting-bridge').click();
    const preview = page.getByTestId('bridge-preview');
    await preview.waitFor();
    const points = preview.getByTestId('bridge-point');
    expect(await points.count()).toBeGreaterThanOrEqual(1);
    for (const text of await points.allTextContents()) expect(text).toContain('Đường liên kết của mạng lưới');
    expect(await preview.getByText('mới', { exact: true }).count()).toBeGreaterThanOrEqual(1);
    expect(await preview.getByTestId('bridge-link-input').count()).toBe(0);
    expect(await preview.getByTestId('bridge-moves').textContent()).toMatch(/\d+ người được chuyển điểm cầu/);
    // The preview writes nothing.
    expect((await getJson<Meeting>(page, api)).venues.filter((v) => !v.isCentral)).toHaveLength(0);
    await screenshot(page, 'e2e-bridge-preview-1280');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'e2e-bridge-preview-390');
    await page.setViewportSize(DESKTOP);
    await page.getByTestId('bridge-confirm').click();
    await preview.waitFor({ state: 'detached' });
    const venues = page.getByTestId('meeting-venues');
    await venues.getByText(GENERAL).first().waitFor();
    const bridges = (await getJson<Meeting>(page, api)).venues.filter((v) => !v.isCentral);
    expect(bridges.length).toBeGreaterThanOrEqual(1);
    expect(bridges.every((v) => v.onlineUrl === GENERAL && v.org !== null)).toBe(true);

    // A bridge point added by hand is chosen from the orgs: its name and the network's link are filled in.
    await page.getByTestId('meeting-edit').click();
    await page.getByTestId('venue-add').click();
    const org = page.getByTestId('venue-org').last();
    await org.click();
    const option = page.getByRole('option', { name: /^Xã / }).first();
    const commune = (await option.textContent()) ?? '';
    await screenshot(page, 'e2e-venue-select-1280');
    await option.click();
    await expect.poll(() => page.getByTestId('venue-name').last().inputValue()).toBe(`Điểm cầu ${commune}`);
    expect(await page.getByTestId('venue-url').last().inputValue()).toBe(GENERAL);
    await page.setViewportSize(PHONE);
    await page.getByTestId('venue-org').last().scrollIntoViewIfNeeded();
    await page.keyboard.press('Escape');
    const school = page.getByRole('option', { name: /^Trường THCS/ }).first();
    for (let i = 0; i < 3 && !(await school.isVisible()); i++) {
      await page.getByTestId('venue-org').last().click();
      await school.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await screenshot(page, 'e2e-venue-select-390');
    await ctx.close();
  });

  it('asks once for the link of a point the network has none for, and applies it', async () => {
    const ctx = await e.context(DESKTOP);
    const page = await ctx.newPage();
    await login(page, 'hieutruong@lientruong.vn', e.password);
    const api = await hybridMeeting(page, 'Chuyên đề cụm: dạy học hình học trực quan', '17/12/2026');
    const networkId = (await getJson<Meeting>(page, api)).network?.id;
    const csrf = ((await getJson<{ csrfToken: string }>(page, '/api/auth/me')) as { csrfToken: string }).csrfToken;
    const cleared = await page.request.put(`/api/networks/${networkId}/meeting-links`, {
      data: { links: [] },
      headers: { 'x-csrf-token': csrf },
    });
    expect(cleared.status()).toBe(200);

    await page.goto(api.replace('/api', ''));
    await page.getByTestId('meeting-bridge').click();
    const preview = page.getByTestId('bridge-preview');
    await preview.waitFor();
    const inputs = preview.getByTestId('bridge-link-input');
    const n = await inputs.count();
    expect(n).toBeGreaterThanOrEqual(1);
    expect(await preview.getByText('Chưa có đường liên kết', { exact: true }).count()).toBe(n);
    await preview.getByText('lưu vào mạng lưới', { exact: false }).waitFor();
    await inputs.first().fill('meet.example.edu.vn/thieu-https');
    await page.getByTestId('bridge-confirm').click();
    await preview.getByText('Đường liên kết phải bắt đầu bằng http:// hoặc https://').first().waitFor();
    for (let i = 0; i < n; i++) await inputs.nth(i).fill(`https://meet.example.edu.vn/diem-cau-${i + 1}`);
    await page.getByTestId('bridge-confirm').click();
    await preview.waitFor({ state: 'detached' });
    await page.getByTestId('meeting-venues').getByText('https://meet.example.edu.vn/diem-cau-1').waitFor();
    const bridges = (await getJson<Meeting>(page, api)).venues.filter((v) => !v.isCentral);
    expect(bridges.map((v) => v.onlineUrl).sort()).toEqual(
      Array.from({ length: n }, (_, i) => `https://meet.example.edu.vn/diem-cau-${i + 1}`).sort(),
    );

    // Typed once: the links are the network's now, and the next preview asks for none.
    const saved = await getJson<{ links: Array<{ org: { id: string } | null; url: string }> }>(
      page,
      `/api/networks/${networkId}/meeting-links`,
    );
    expect(saved.links.filter((l) => l.org).length).toBe(n);
    await page.getByTestId('meeting-bridge').click();
    await preview.waitFor();
    expect(await preview.getByTestId('bridge-link-input').count()).toBe(0);
    await ctx.close();
  });
});
