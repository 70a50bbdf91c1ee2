import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { loadActor } from '../../src/server/lib/actor';
import { startSigning } from '../../src/server/modules/minutes/signing';
import { buildAttendance, buildInvitations, buildMeeting, buildMinutes } from '../factories';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 15, point 8: the demo teacher opens the home page, finds "Việc cần làm" with minutes waiting for her signature
 * (a meeting of her school held this morning, its minutes sent for signing by the team head), and signs in one tap.
 */
let e: E2E;
let meetingId: string;
let teacherId: string;
const TITLE = 'Sinh hoạt tổ: rút kinh nghiệm tiết dạy Toán 8';

beforeAll(async () => {
  e = await startE2E();
  const db = e.database.db;
  const people = await queryRows<{ email: string; personId: string; accountId: string; fullName: string; orgId: string; schoolId: string }>(
    db,
    sql`select a.email, a.person_id as "personId", a.id as "accountId", p.full_name as "fullName", ms.org_id as "orgId", l.parent_id as "schoolId"
      from accounts a join people p on p.id = a.person_id join memberships ms on ms.person_id = a.person_id
      join org_links l on l.org_id = ms.org_id and l.valid_to is null
      where a.email in ('giaovien@lientruong.vn', 'totruong@lientruong.vn')`,
  );
  const teacher = people.find((p) => p.email === 'giaovien@lientruong.vn');
  const head = people.find((p) => p.email === 'totruong@lientruong.vn');
  if (!teacher || !head) throw new Error('demo teacher or team head missing');
  teacherId = teacher.personId;
  const [year] = await queryRows<{ id: string }>(db, sql`select id from school_years order by start_date desc limit 1`);
  const startsAt = new Date(Date.now() - 3 * 3_600_000);
  const meeting = await buildMeeting(db, {
    hostOrgId: teacher.schoolId,
    schoolYearId: year.id,
    title: TITLE,
    status: 'held',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    secretaryPersonId: head.personId,
  });
  meetingId = meeting.id;
  await buildInvitations(db, meetingId, [teacher.personId, head.personId]);
  for (const personId of [teacher.personId, head.personId]) await buildAttendance(db, { meetingId, personId, status: 'present' });
  await buildMinutes(db, { meetingId, discussion: '<p>Tiết dạy tổ chức hoạt động nhóm tốt.</p>' });
  const actor = await loadActor(db, { accountId: head.accountId, personId: head.personId, fullName: head.fullName, isAdmin: false });
  await startSigning(db, actor, meetingId);
}, 300_000);
afterAll(() => e.close());

describe('"Việc cần làm" on the home page', () => {
  it('shows the teacher the minutes to sign, on a desktop and on a phone, and signs them in one tap', async () => {
    const desk = await e.context(DESKTOP);
    const deskPage = await desk.newPage();
    await login(deskPage, 'giaovien@lientruong.vn', e.password);
    const item = deskPage.getByTestId(`todo-minutes-${meetingId}`);
    await item.getByText(TITLE).waitFor();
    expect(await deskPage.getByTestId('todo').getByRole('heading', { name: 'Việc cần làm' }).count()).toBe(1);
    expect(await deskPage.getByTestId('todo-minutes').textContent()).toContain('Biên bản chờ bạn ký');
    await screenshot(deskPage, 'todo-teacher-desktop');
    // The bell's notice about these minutes carries the same one-tap signature.
    await deskPage.getByRole('button', { name: /Thông báo/ }).click();
    await deskPage.getByTestId(`notice-sign-${meetingId}`).waitFor();
    await desk.close();

    const phone = await e.context(PHONE);
    const page = await phone.newPage();
    await login(page, 'giaovien@lientruong.vn', e.password);
    await page.getByTestId(`todo-minutes-${meetingId}`).getByText(TITLE).waitFor();
    await screenshot(page, 'todo-teacher-phone');
    await page.getByTestId(`todo-sign-${meetingId}`).click();
    await page.getByText('Đã ký biên bản').waitFor();
    await page.getByTestId(`todo-minutes-${meetingId}`).waitFor({ state: 'detached' });
    const signatures = await queryRows<{ n: number }>(
      e.database.db,
      sql`select count(*)::int as n from minutes_signatures s join minutes m on m.id = s.minutes_id
        where m.meeting_id = ${meetingId} and s.person_id = ${teacherId}`,
    );
    expect(signatures[0].n).toBe(1);
    await screenshot(page, 'todo-teacher-phone-signed');
    await phone.close();
  });
});
