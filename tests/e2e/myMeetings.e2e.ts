import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { buildInvitations, buildMeeting } from '../factories';
import { type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * "Lịch của tôi" on a phone for a teacher with a busy year: 25 meetings to come and 23 behind her. Each list shows
 * twenty, soonest (upcoming) or latest (past) first, and a button brings the rest; the button goes when nothing is left.
 */
let e: E2E;
const UPCOMING = 25;
const PAST = 23;
const DAY_MS = 86_400_000;

/** A Vietnam-time instant `days` from now at 07:30 or 13:30 (Vietnam midnight + hours). */
function vnAt(days: number, hour: number): Date {
  const vnMidnight = Math.floor((Date.now() + 7 * 3_600_000) / DAY_MS) * DAY_MS - 7 * 3_600_000;
  return new Date(vnMidnight + days * DAY_MS + hour * 3_600_000);
}

beforeAll(async () => {
  e = await startE2E();
  const db = e.database.db;
  const [who] = await queryRows<{ personId: string; orgId: string; yearId: string }>(
    db,
    sql`select a.person_id as "personId", l.parent_id as "orgId", (select id from school_years order by start_date desc limit 1) as "yearId"
      from accounts a join memberships ms on ms.person_id = a.person_id join org_links l on l.org_id = ms.org_id
      where a.email = 'giaovien@lientruong.vn' limit 1`,
  );
  const make = async (title: string, startsAt: Date) => {
    const m = await buildMeeting(db, { hostOrgId: who.orgId, schoolYearId: who.yearId, title, startsAt });
    await buildInvitations(db, m.id, [who.personId]);
  };
  // Two a week, in the days to come and the days gone (past ones end the day before today at the latest).
  for (let i = 0; i < UPCOMING; i += 1) await make(`Sắp tới số ${i + 1}`, vnAt(1 + Math.floor(i / 2) * 7, i % 2 ? 13.5 : 7.5));
  for (let i = 0; i < PAST; i += 1) await make(`Đã qua số ${i + 1}`, vnAt(-1 - Math.floor(i / 2) * 7, i % 2 ? 7.5 : 13.5));
}, 300_000);
afterAll(() => e.close());

/** The titles of the lines shown in one section, in order. */
async function titles(page: Page, section: 'mine-upcoming' | 'mine-past', prefix: string): Promise<string[]> {
  const all = await page.getByTestId(section).getByTestId('meeting-card').locator('a').allTextContents();
  return all.filter((t) => t.startsWith(prefix));
}

describe('"Lịch của tôi" page by page', () => {
  it('shows twenty of each list and brings the rest on demand', async () => {
    const ctx = await e.context(PHONE);
    const page = await ctx.newPage();
    await login(page, 'giaovien@lientruong.vn', e.password);
    const pages: string[] = [];
    page.on('request', (r) => r.url().includes('/api/meetings/mine') && pages.push(new URL(r.url()).pathname + new URL(r.url()).search));
    await page.goto('/meetings/mine');
    await page.getByTestId('mine-upcoming-more').waitFor();
    await page.getByTestId('mine-past-more').waitFor();
    // The demo's meetings of this teacher are older than ours: the first twenty of each list are ours.
    const firstUp = await titles(page, 'mine-upcoming', 'Sắp tới số ');
    expect(firstUp.slice(0, 3)).toEqual(['Sắp tới số 1', 'Sắp tới số 2', 'Sắp tới số 3']);
    expect(await page.getByTestId('mine-upcoming').getByTestId('meeting-card').count()).toBe(20);
    expect(await page.getByTestId('mine-past').getByTestId('meeting-card').count()).toBe(20);
    const firstPast = await titles(page, 'mine-past', 'Đã qua số ');
    expect(firstPast.slice(0, 3)).toEqual(['Đã qua số 1', 'Đã qua số 2', 'Đã qua số 3']);
    await screenshot(page, 'e2e-my-meetings-paged-390');
    await page.getByTestId('mine-upcoming-more').scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-my-meetings-more-390');

    await page.getByTestId('mine-upcoming-more').click();
    await expect.poll(async () => (await titles(page, 'mine-upcoming', 'Sắp tới số ')).length).toBe(UPCOMING);
    expect(await titles(page, 'mine-upcoming', 'Sắp tới số ')).toEqual(Array.from({ length: UPCOMING }, (_, i) => `Sắp tới số ${i + 1}`));
    await page.getByTestId('mine-past-more').click();
    await expect.poll(async () => (await titles(page, 'mine-past', 'Đã qua số ')).length).toBe(PAST);
    expect(await titles(page, 'mine-past', 'Đã qua số ')).toEqual(Array.from({ length: PAST }, (_, i) => `Đã qua số ${i + 1}`));
    // Nothing more to bring: no button, and each list was read in two pages, not all at once.
    await expect.poll(() => page.getByTestId('mine-upcoming-more').count()).toBe(0);
    await expect.poll(() => page.getByTestId('mine-past-more').count()).toBe(0);
    expect(pages.filter((p) => p.startsWith('/api/meetings/mine/upcoming')).length).toBe(2);
    expect(pages.filter((p) => p.startsWith('/api/meetings/mine/past')).length).toBe(2);
    expect(pages.some((p) => p === '/api/meetings/mine' || p.startsWith('/api/meetings/mine?'))).toBe(false);
    await page.getByTestId('mine-past-more').waitFor({ state: 'detached' });
    await page.getByText('Đã qua số 23').scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-my-meetings-all-390');
    await ctx.close();
  });
});
