import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { buildMeeting } from '../factories';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 15, point 3, in the browser: "Mời theo tên" on a meeting of a network finds teachers of the network's other
 * schools, each option naming the team and the school.
 */
let e: E2E;
let meetingId: string;
let hostName: string;

beforeAll(async () => {
  e = await startE2E();
  const db = e.database.db;
  // A network of the principal's school with another member school, in the newest school year.
  const [n] = await queryRows<{ hostId: string; hostName: string; networkId: string; yearId: string }>(
    db,
    sql`select s.id as "hostId", s.name as "hostName", nm.network_id as "networkId", n.school_year_id as "yearId"
      from accounts a join memberships ms on ms.person_id = a.person_id and ms.position = 'principal'
      join orgs s on s.id = ms.org_id join network_members nm on nm.org_id = s.id join networks n on n.id = nm.network_id
      join school_years y on y.id = n.school_year_id
      where a.email = 'hieutruong@lientruong.vn'
        and exists (select 1 from network_members o where o.network_id = nm.network_id and o.org_id <> s.id)
      order by y.start_date desc limit 1`,
  );
  expect(n).toBeTruthy();
  hostName = n.hostName;
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const m = await buildMeeting(db, {
    hostOrgId: n.hostId,
    networkId: n.networkId,
    schoolYearId: n.yearId,
    title: 'Chuyên đề liên trường: mời theo tên',
    status: 'draft',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
  });
  meetingId = m.id;
}, 300_000);
afterAll(() => e.close());

describe('people pickers across the network', () => {
  for (const [label, viewport] of [
    ['390', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`"Mời theo tên" lists teachers of the network's other schools with team and school (${label})`, async () => {
      const ctx = await e.context(viewport);
      const page = await ctx.newPage();
      await login(page, 'hieutruong@lientruong.vn', e.password);
      await page.goto(`/meetings/${meetingId}`);
      const picker = page.getByLabel('Mời theo tên', { exact: true }).first();
      await picker.click();
      await picker.fill('ng');
      const options = page.getByRole('listbox').getByRole('option');
      await options.first().waitFor();
      const labels = await options.allTextContents();
      expect(labels.some((l) => l.includes('Trường') && !l.includes(hostName))).toBe(true);
      expect(labels.every((l) => l.includes(' — '))).toBe(true);
      await screenshot(page, `people-picker-${label}`);
      await ctx.close();
    });
  }
});
