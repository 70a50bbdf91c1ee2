import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/** The journeys of the foundation: log in as each role, the reform in the tree, search, forming a cluster. */
let e: E2E;

beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

async function me(page: Page) {
  return (await (await page.request.get('/api/auth/me')).json()) as {
    fullName: string;
    isAdmin: boolean;
    positions: Array<{ orgName: string }>;
  };
}

/** Picks an option of a Mantine Select (searchable or not) identified by its input's test id or label. */
async function choose(page: Page, input: ReturnType<Page['getByTestId']>, option: string | RegExp, typed?: string) {
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

describe('log in as each demo role', () => {
  it('every role lands on its home with its name and positions; admin links only for the admin', async () => {
    expect(e.emails).toHaveLength(8);
    for (const [i, email] of e.emails.entries()) {
      const ctx = await e.context(i % 2 === 0 ? DESKTOP : PHONE);
      const page = await ctx.newPage();
      await login(page, email, e.password);
      const who = await me(page);
      await page.getByRole('heading', { name: `Xin chào, ${who.fullName}!` }).waitFor();
      if (who.isAdmin) {
        expect(who.positions).toEqual([]);
      } else {
        const orgs = await page.getByTestId('my-orgs').textContent();
        expect(orgs).toContain(who.positions[0].orgName);
      }
      if (i % 2 === 0) {
        const accountsLink = page.getByRole('link', { name: 'Tài khoản', exact: true });
        expect(await accountsLink.count(), email).toBe(who.isAdmin ? 1 : 0);
      }
      await ctx.close();
    }
  });

  it('a wrong password shows the Vietnamese message and stays on the log-in page', async () => {
    const ctx = await e.context(PHONE);
    const page = await ctx.newPage();
    await page.goto('/login');
    await page.getByTestId('login-email').fill('giaovien@lientruong.vn');
    await page.getByTestId('login-password').fill('sai-mat-khau');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Email hoặc mật khẩu không đúng');
    expect(new URL(page.url()).pathname).toBe('/login');
    await ctx.close();
  });
});

describe('org tree across the 2025 reform, and search without diacritics', () => {
  async function parentInTree(page: Page, name: string) {
    return page.evaluate((target) => {
      const rows = [...document.querySelectorAll<HTMLElement>('[data-testid^="tree-node-"]')].map((r) => ({
        name: r.querySelector('a')?.textContent?.trim() ?? '',
        depth: Number(r.dataset.depth),
      }));
      const i = rows.findIndex((r) => r.name === target);
      if (i < 0) return null;
      for (let j = i - 1; j >= 0; j--) if (rows[j].depth === rows[i].depth - 1) return rows[j].name;
      return null;
    }, name);
  }

  it('2024-2025 shows the school under the district office, 2025-2026 under its commune', async () => {
    const ctx = await e.context(DESKTOP);
    const page = await ctx.newPage();
    await login(page, 'chuyenvien.so@lientruong.vn', e.password);
    await page.goto('/orgs');
    for (const [year, parent, absent] of [
      ['2024-2025', 'Phòng Giáo dục và Đào tạo huyện Củ Chi', 'Xã Phú Hòa Đông'],
      ['2025-2026', 'Xã Phú Hòa Đông', 'Phòng Giáo dục và Đào tạo huyện Củ Chi'],
    ] as const) {
      // A native select (the phone's own picker).
      await page.getByTestId('school-year-select').selectOption({ label: year });
      await expect.poll(() => page.getByTestId('tree-date').textContent()).toContain(`đầu năm học ${year}`);
      await page.getByRole('button', { name: 'Mở tất cả' }).click();
      await expect.poll(() => parentInTree(page, 'Trường THCS Tân Thạnh Đông'), { timeout: 10_000 }).toBe(parent);
      expect(await page.getByRole('link', { name: absent, exact: true }).count()).toBe(0);
      await screenshot(page, `e2e-tree-${year}-1280`);
    }
    await ctx.close();
  });

  it('"tan thanh dong" finds Trường THCS Tân Thạnh Đông and opens its page', async () => {
    const ctx = await e.context(PHONE);
    const page = await ctx.newPage();
    await login(page, 'giaovien@lientruong.vn', e.password);
    await page.goto('/orgs');
    await page.getByTestId('org-search').fill('tan thanh dong');
    const results = page.getByTestId('org-search-results');
    await results.getByRole('link', { name: 'Trường THCS Tân Thạnh Đông' }).first().click();
    await page.getByRole('heading', { name: 'Trường THCS Tân Thạnh Đông' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'e2e-search-org-page-390');
    await ctx.close();
  });
});

describe('forming a cluster', () => {
  it('a commune officer creates a cluster with a leader and two deputies', async () => {
    const ctx = await e.context(DESKTOP);
    const page = await ctx.newPage();
    await login(page, 'canbo.xa@lientruong.vn', e.password);
    const search = async (q: string) =>
      ((await (await page.request.get(`/api/orgs/search?q=${encodeURIComponent(q)}`)).json()) as Array<{ id: string; name: string }>)[0];
    const principalOf = async (orgName: string) => {
      const org = await search(orgName);
      const list = (await (await page.request.get(`/api/people?orgId=${org.id}&position=principal`)).json()) as {
        items: Array<{ fullName: string }>;
      };
      return list.items[0].fullName;
    };
    const leader = await principalOf('Trường THCS Phú Hòa Đông');
    const deputy1 = await principalOf('Trường THCS Tân Thạnh Đông');
    const deputy2 = await principalOf('Trường THCS Tân Thạnh Tây');

    await page.goto('/networks/new');
    await choose(page, page.getByTestId('network-kind-input'), 'Cụm chuyên môn');
    await page.getByTestId('network-name').fill('Cụm chuyên môn xã Phú Hòa Đông');
    await choose(page, page.getByTestId('network-supervising'), 'Xã Phú Hòa Đông', 'phu hoa dong');
    const members = page.getByTestId('network-members-input');
    for (const school of ['Trường THCS Phú Hòa Đông', 'Trường THCS Tân Thạnh Đông', 'Trường THCS Tân Thạnh Tây']) {
      await choose(page, members, new RegExp(school), school.replace('Trường ', '').toLowerCase());
    }
    await choose(page, page.getByTestId('network-lead-org'), 'Trường THCS Phú Hòa Đông');
    for (const [id, person] of [
      ['network-leader', leader],
      ['network-deputy1', deputy1],
      ['network-deputy2', deputy2],
    ] as const) {
      await choose(page, page.getByTestId(id), new RegExp(person), person);
    }
    await page.getByTestId('network-save').click();
    await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Cụm chuyên môn xã Phú Hòa Đông' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1);
    const saved = (await (await page.request.get(`/api/networks/${id}`)).json()) as {
      kind: string;
      memberCount: number;
      leadOrg: { name: string };
      leaders: Array<{ fullName: string; role: string }>;
    };
    expect(saved).toMatchObject({ kind: 'cluster', memberCount: 3, leadOrg: { name: 'Trường THCS Phú Hòa Đông' } });
    expect(saved.leaders.find((l) => l.role === 'leader')?.fullName).toBe(leader);
    expect(
      saved.leaders
        .filter((l) => l.role === 'deputy')
        .map((l) => l.fullName)
        .sort(),
    ).toEqual([deputy1, deputy2].sort());
    for (const name of [leader, deputy1, deputy2]) await page.getByText(name).first().waitFor();
    await screenshot(page, 'e2e-cluster-created-1280');
    await ctx.close();
  });
});
