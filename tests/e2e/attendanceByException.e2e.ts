import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { attendance } from '../../src/server/db/schema';
import { buildInvitations, buildMeeting } from '../factories';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 15, point 5, on a phone: the secretary sees who checked in by QR as present, marks only the exceptions (one
 * absent with a reason, one late) and records everyone else with "Tất cả có mặt"; at the bottom of the page the
 * sticky save bar sits below the last row's chips, never over them.
 */
let e: E2E;
let meetingId: string;
let people: Array<{ id: string; fullName: string }>;

beforeAll(async () => {
  e = await startE2E();
  const db = e.database.db;
  const [who] = await queryRows<{ personId: string; orgId: string; yearId: string }>(
    db,
    sql`select a.person_id as "personId", l.parent_id as "orgId", (select id from school_years order by start_date desc limit 1) as "yearId"
      from accounts a join memberships ms on ms.person_id = a.person_id join org_links l on l.org_id = ms.org_id
      where a.email = 'giaovien@lientruong.vn' limit 1`,
  );
  // Ten colleagues of the teacher's school and the teacher, who takes the minutes; started ten minutes ago.
  people = await queryRows<{ id: string; fullName: string }>(
    db,
    sql`select distinct p.id, p.full_name as "fullName" from people p join memberships m on m.person_id = p.id
      join org_links l on l.org_id = m.org_id where l.parent_id = ${who.orgId} and p.id <> ${who.personId}
      order by p.full_name limit 10`,
  );
  expect(people.length).toBeGreaterThanOrEqual(6);
  const startsAt = new Date(Date.now() - 10 * 60_000);
  const m = await buildMeeting(db, {
    hostOrgId: who.orgId,
    schoolYearId: who.yearId,
    title: 'Sinh hoạt tổ: điểm danh theo ngoại lệ',
    status: 'scheduled',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
    secretaryPersonId: who.personId,
  });
  meetingId = m.id;
  await buildInvitations(db, m.id, [who.personId, ...people.map((p) => p.id)]);
  // The first colleague checked in by QR.
  await db.insert(attendance).values({
    meetingId: m.id,
    personId: people[0].id,
    status: 'present',
    method: 'qr',
    checkedInAt: new Date(),
    recordedBy: people[0].id,
  });
}, 300_000);
afterAll(() => e.close());

describe('attendance by exception on a phone', () => {
  it('marks two exceptions, everyone else present in one tap, and the save bar never covers the chips', async () => {
    const ctx = await e.context(PHONE);
    const page = await ctx.newPage();
    await login(page, 'giaovien@lientruong.vn', e.password);
    await page.goto(`/meetings/${meetingId}/attendance`);
    const rows = page.getByTestId('attendance-row');
    await rows.first().waitFor();
    const rowOf = (name: string) => rows.filter({ hasText: name });
    await rowOf(people[0].fullName).getByText('Tự điểm danh bằng mã QR', { exact: false }).waitFor();
    await page.getByTestId('attendance-hint').waitFor();
    await screenshot(page, 'attendance-exceptions-390-top');

    await rowOf(people[1].fullName).getByText('Vắng', { exact: true }).click();
    await rowOf(people[1].fullName).getByLabel('Lý do vắng').fill('Ốm, có giấy xin phép');
    await rowOf(people[2].fullName).getByText('Muộn', { exact: true }).click();

    // Scrolled to the bottom: the bar is below the last row's chips.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const bar = page.getByTestId('attendance-savebar');
    await bar.waitFor();
    await page.waitForFunction(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);
    const chips = await rows.last().getByTestId('attendance-chips').boundingBox();
    const barBox = await bar.boundingBox();
    expect(chips && barBox).toBeTruthy();
    if (!chips || !barBox) return;
    expect(chips.y + chips.height).toBeLessThanOrEqual(barBox.y);
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(PHONE.height);
    await screenshot(page, 'attendance-exceptions-390-bottom');

    await page.getByTestId('attendance-all-present').click();
    await page.getByText('Đã lưu: những người còn lại có mặt.').waitFor();
    await expect.poll(() => page.getByTestId('attendance-all-present').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await screenshot(page, 'attendance-exceptions-390-saved');

    const saved = await queryRows<{ personId: string; status: string; method: string; reason: string | null }>(
      e.database.db,
      sql`select person_id as "personId", status, method, reason from attendance where meeting_id = ${meetingId}`,
    );
    const byPerson = new Map(saved.map((r) => [r.personId, r]));
    expect(saved).toHaveLength(people.length + 1);
    expect(byPerson.get(people[0].id)).toMatchObject({ status: 'present', method: 'qr' });
    expect(byPerson.get(people[1].id)).toMatchObject({ status: 'absent', reason: 'Ốm, có giấy xin phép' });
    expect(byPerson.get(people[2].id)).toMatchObject({ status: 'late' });
    expect(saved.filter((r) => r.status === 'present')).toHaveLength(people.length - 1);
    await ctx.close();

    const desk = await e.context(DESKTOP);
    const dp = await desk.newPage();
    await login(dp, 'giaovien@lientruong.vn', e.password);
    await dp.goto(`/meetings/${meetingId}/attendance`);
    await dp.getByTestId('attendance-row').first().waitFor();
    await screenshot(dp, 'attendance-exceptions-desktop');
    await desk.close();
  });
});
