import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakOn } from '../../src/server/modules/planProposals/calendar';
import { effectiveRules, requiredMeetings } from '../../src/server/modules/rules/effective';
import type { PlanDetail } from '../../src/shared/types';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 4, item 2, on the Củ Chi demo data: the leader of Nhóm liên trường số 8 (principal of THCS Thị Trấn 2) opens
 * the plan proposed from the Củ Chi rules for the coming term, confirms it, and creates the plan. The test counts
 * every form input it fills or clicks: only the confirmations. Then the stored plan is checked against the rules.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

const LEADER = 'hieutruong@lientruong.vn';
const json = async <T>(page: Page, url: string) => (await (await page.request.get(url)).json()) as T;

describe('plan proposed from the rules', () => {
  it('a Củ Chi school group’s term plan meets the rules with no field typed but the confirmations', async () => {
    const ctx = await e.context(PHONE);
    const page = await ctx.newPage();
    await login(page, LEADER, e.password);
    const years = await json<
      Array<{ id: string; code: string; terms: Array<{ id: string; number: number; startDate: string; endDate: string }> }>
    >(page, '/api/school-years');
    const year = years.find((y) => y.code === '2026-2027');
    const [group] = await json<Array<{ id: string; supervisingOrg: { id: string } }>>(
      page,
      `/api/networks?schoolYearId=${year?.id}&kind=school_group&q=${encodeURIComponent('Nhóm liên trường số 8')}`,
    );

    // Navigation (links, not form inputs): the group's page → its plans → "Đề xuất theo quy định".
    await page.goto(`/networks/${group.id}`);
    await page.getByTestId('plans-link').click();
    await page.getByTestId('plan-propose').click();
    await page.waitForURL(/\/plans\/propose/);
    await page.getByTestId('proposal-item-1').waitFor();

    // Every form input the test touches goes through these two, and is counted.
    const filled: string[] = [];
    const clicked: string[] = [];
    const fill = async (testId: string, value: string) => {
      filled.push(testId);
      await page.getByTestId(testId).fill(value);
    };
    const click = async (testId: string) => {
      clicked.push(testId);
      await page.getByTestId(testId).click();
    };
    void fill;

    const items = await page.locator('[data-testid^="proposal-item-"]').count();
    expect(items).toBe(10);
    await screenshot(page, 'plan-proposal-phone');
    await click('proposal-confirm-all');
    await expect.poll(() => page.getByTestId('proposal-count').textContent()).toBe(`Đã xác nhận ${items}/${items} buổi`);
    await page.getByTestId('proposal-item-1').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-proposal-phone-confirmed');
    await click('proposal-create');
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    expect(filled).toEqual([]);
    expect(clicked).toEqual(['proposal-confirm-all', 'proposal-create']);
    await page.getByTestId('plan-submit').waitFor();
    await screenshot(page, 'plan-proposal-phone-created');

    // The stored plan meets the rules of the group's supervising org.
    const plan = await json<PlanDetail>(page, `/api${new URL(page.url()).pathname}`);
    const term = year?.terms.find((t) => t.number === plan.termNumber);
    expect(plan).toMatchObject({ status: 'draft', termNumber: 2, schoolYearCode: '2026-2027', itemCount: 10 });
    expect(plan.can.submit).toBe(true);
    const rules = await effectiveRules(e.database.db, group.supervisingOrg.id, year?.id as string);
    const quota = requiredMeetings(rules, 'school_group', 2);
    expect(quota).toBe(2);
    const perSubject = new Map<string, number>();
    for (const i of plan.items) perSubject.set(i.subjects[0]?.name, (perSubject.get(i.subjects[0]?.name) ?? 0) + 1);
    expect([...perSubject.keys()].sort()).toEqual(['Giáo dục công dân', 'Khoa học tự nhiên', 'Ngữ văn', 'Tin học', 'Toán']);
    expect([...perSubject.values()].every((n) => n >= quota)).toBe(true);
    for (const i of plan.items) {
      const d = i.proposedDate as string;
      expect(d >= (term?.startDate as string) && d <= (term?.endDate as string)).toBe(true);
      expect(breakOn(d, rules.breaks)).toBeUndefined();
    }
    const hosts = new Map<string, number>();
    for (const i of plan.items) hosts.set(i.hostOrg?.name as string, (hosts.get(i.hostOrg?.name as string) ?? 0) + 1);
    expect([...hosts.values()].sort()).toEqual([3, 3, 4]);
    await ctx.close();

    // On a desktop: term I's proposal (the term has begun, so from tomorrow), created, then copied forward to term II.
    const desk = await e.context(DESKTOP);
    const dp = await desk.newPage();
    await login(dp, LEADER, e.password);
    await dp.goto(`/plans/propose?networkId=${group.id}`);
    await dp.getByTestId('proposal-item-1').waitFor();
    await dp.getByText('Học kỳ I (05/09/2026 – 17/01/2027)').click();
    await expect
      .poll(() =>
        dp
          .getByTestId('proposal-date-1')
          .inputValue({ timeout: 1000 })
          .catch(() => ''),
      )
      .toMatch(/\/12\/2026$/);
    await dp.getByTestId('proposal-confirm-1').click();
    await dp.getByTestId('proposal-item-1').scrollIntoViewIfNeeded();
    await screenshot(dp, 'plan-proposal-desktop');
    await dp.getByTestId('proposal-confirm-all').click();
    await dp.getByTestId('proposal-create').click();
    await dp.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const term1 = await json<PlanDetail>(dp, `/api${new URL(dp.url()).pathname}`);
    expect(term1).toMatchObject({ termNumber: 1, itemCount: 10 });
    await dp.getByTestId('plan-copy-forward').click();
    await expect.poll(() => dp.getByTestId('plan-copy-target').inputValue()).toBe('Học kỳ II năm học 2026-2027');
    await dp.getByRole('dialog').waitFor({ state: 'visible' });
    await dp.waitForTimeout(400); // let the modal's fade-in finish before the screenshot (not an assertion)
    await screenshot(dp, 'plan-copy-forward-desktop');
    await dp.getByTestId('plan-copy-confirm').click();
    await dp.waitForURL((u) => /\/plans\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(term1.id));
    const copy = await json<PlanDetail>(dp, `/api${new URL(dp.url()).pathname}`);
    expect(copy).toMatchObject({ status: 'draft', termNumber: 2, itemCount: 10 });
    expect(copy.items.map((i) => i.content).sort()).toEqual(term1.items.map((i) => i.content).sort());
    for (const i of copy.items) {
      const d = i.proposedDate as string;
      expect(d >= (term?.startDate as string) && d <= (term?.endDate as string)).toBe(true);
      expect(breakOn(d, rules.breaks)).toBeUndefined();
    }
    await desk.close();
  });
});
