import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSchedulePreview } from '../../src/shared/planSchedule';
import type { PlanDetail } from '../../src/shared/types';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 15, point 1, on the Củ Chi demo data: Nhóm liên trường số 8's term-II plan (proposed from the rules) is
 * approved by the Sở; its leader presses "Lên lịch theo kế hoạch", sees every meeting to be created, confirms, and the
 * meetings appear in the group's schedule. Nothing is typed: the plan holds every fact.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

const LEADER = 'hieutruong@lientruong.vn';
const REVIEWER = 'chuyenvien.so@lientruong.vn';
const json = async <T>(page: Page, url: string) => (await (await page.request.get(url)).json()) as T;
async function post<T>(page: Page, url: string, data: unknown = {}): Promise<T> {
  const { csrfToken } = await json<{ csrfToken: string }>(page, '/api/auth/me');
  const res = await page.request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The group's term-II plan from the rules, created and submitted by its leader, approved by the Sở. */
async function approvedPlan(leader: Page, reviewer: Page): Promise<{ plan: PlanDetail; networkId: string }> {
  const years = await json<Array<{ id: string; code: string; terms: Array<{ id: string; number: number }> }>>(leader, '/api/school-years');
  const year = years.find((y) => y.code === '2026-2027');
  const term = year?.terms.find((x) => x.number === 2);
  const [group] = await json<Array<{ id: string }>>(
    leader,
    `/api/networks?schoolYearId=${year?.id}&kind=school_group&q=${encodeURIComponent('Nhóm liên trường số 8')}`,
  );
  const proposal = await json<{ items: unknown[] }>(leader, `/api/plan-proposals?networkId=${group.id}&termId=${term?.id}`);
  const created = await post<PlanDetail>(leader, '/api/plan-proposals', {
    networkId: group.id,
    termId: term?.id,
    title: 'Kế hoạch sinh hoạt chuyên môn học kỳ II',
    items: proposal.items,
  });
  await post(leader, `/api/plans/${created.id}/submit`);
  const plan = await post<PlanDetail>(reviewer, `/api/plans/${created.id}/approve`);
  return { plan, networkId: group.id };
}

describe('scheduling from the approved plan', () => {
  it('creates every planned meeting in one action, after showing them, and they appear in the schedule', async () => {
    const phone = await e.context(PHONE);
    const page = await phone.newPage();
    await login(page, LEADER, e.password);
    const review = await e.context(DESKTOP);
    const rp = await review.newPage();
    await login(rp, REVIEWER, e.password);
    const { plan, networkId } = await approvedPlan(page, rp);
    await review.close();
    const desk = await e.context(DESKTOP);
    const sp = await desk.newPage();
    await login(sp, LEADER, e.password);
    expect(plan.status).toBe('approved');
    const preview = await json<PlanSchedulePreview>(page, `/api/plans/${plan.id}/schedule`);
    const schedulable = preview.lines.filter((l) => !l.problem);
    expect(schedulable.length).toBe(plan.items.length);

    // On a desktop, the leader opens the preview and closes it: nothing is created.
    await sp.goto(`/plans/${plan.id}`);
    await sp.getByTestId('plan-schedule').click();
    await sp.getByTestId('plan-schedule-line').first().waitFor();
    await sp.waitForTimeout(400); // let the modal's fade-in finish before the screenshot (not an assertion)
    await screenshot(sp, 'plan-schedule-preview-desktop');
    await sp.getByTestId('confirm-cancel').click();
    expect((await json<PlanDetail>(sp, `/api/plans/${plan.id}`)).items.every((i) => i.meetings.length === 0)).toBe(true);

    await page.goto(`/plans/${plan.id}`);
    await page.getByTestId('plan-schedule').click();
    await page.getByTestId('plan-schedule-line').first().waitFor();
    expect(await page.getByTestId('plan-schedule-line').count()).toBe(schedulable.length);
    await expect.poll(() => page.getByTestId('confirm-ok').textContent()).toBe(`Tạo ${schedulable.length} buổi sinh hoạt`);
    await page.waitForTimeout(400); // let the modal's fade-in finish before the screenshot (not an assertion)
    await screenshot(page, 'plan-schedule-preview-phone');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('plan-schedule').waitFor({ state: 'detached' });
    await screenshot(page, 'plan-schedule-done-phone');

    const after = await json<PlanDetail>(page, `/api/plans/${plan.id}`);
    expect(after.items.every((i) => i.meetings.length === 1)).toBe(true);
    const first = [...after.items].sort((a, b) => (a.proposedDate ?? '').localeCompare(b.proposedDate ?? ''))[0];

    // The group's schedule for the month of the first meeting lists it; on a desktop too.
    const url = `/meetings?view=list&date=${first.proposedDate}&networkId=${networkId}`;
    await page.goto(url);
    await page.getByTestId('meeting-card').first().waitFor();
    await expect.poll(() => page.getByText(first.content).count()).toBeGreaterThan(0);
    await screenshot(page, 'plan-schedule-meetings-phone');
    await sp.goto(`/plans/${plan.id}`);
    await sp.getByTestId('plan-item-linked-1').waitFor();
    await screenshot(sp, 'plan-schedule-done-desktop');
    await sp.goto(url);
    await sp.getByTestId('meeting-card').first().waitFor();
    await screenshot(sp, 'plan-schedule-meetings-desktop');

    // A second press is not offered; the route itself creates nothing more.
    const again = await post<{ created: unknown[] }>(sp, `/api/plans/${plan.id}/schedule`);
    expect(again.created).toEqual([]);
    await phone.close();
    await desk.close();
  });
});
