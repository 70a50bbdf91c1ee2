import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, type E2E, login, PHONE, screenshot } from './harness';

/** What the journey needs from the harness: the in-process app (startE2E()) or the nginx deployment both provide it. */
export type JourneyEnv = Pick<E2E, 'baseUrl' | 'password' | 'context'>;

type Session = { ctx: BrowserContext; page: Page };
const TITLE = 'Nghiên cứu bài học: Hàm số bậc nhất (Toán 9)';

async function json<T>(page: Page, url: string): Promise<T> {
  return (await (await page.request.get(url)).json()) as T;
}
async function csrf(page: Page): Promise<string> {
  return (await json<{ csrfToken: string }>(page, '/api/auth/me')).csrfToken;
}
async function choose(page: Page, testId: string, option: string | RegExp, typed?: string) {
  const input = page.getByTestId(testId);
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}
/** Vietnam-time "now" as dd/mm/yyyy and HH:MM, n minutes from now. */
function vnNow(minutes: number) {
  const d = new Date(Date.now() + minutes * 60_000 + 7 * 3_600_000);
  const iso = d.toISOString();
  return { date: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`, time: iso.slice(11, 16), day: iso.slice(0, 10) };
}

/**
 * The whole path of issue 3 in one journey, on the Củ Chi demo data: the leader of Nhóm liên trường số 1 drafts the
 * HK I plan; the Sở returns it with a comment; it is fixed and approved; the meeting is created from the approved
 * item as a hybrid meeting with two bridge points and invitations by rule; a teacher sees it in "my meetings" and in
 * the iCal feed; on the day, teachers check in by QR; the secretary marks two absent with reasons; the minutes are
 * written, signed by all and locked; Mẫu 1 and Mẫu 2 are downloaded. Shared by journey.e2e.ts (one in-process app)
 * and journeyNginx.e2e.ts (two app processes behind nginx), so both check the same things.
 */
export async function walkIssue3Journey(e: JourneyEnv, opts: { screenshots?: boolean } = {}): Promise<void> {
  const shoot = opts.screenshots ?? true;
  async function as(email: string, viewport = DESKTOP): Promise<Session> {
    const ctx = await e.context(viewport);
    const page = await ctx.newPage();
    await login(page, email, e.password);
    return { ctx, page };
  }

  // Who is who in the demo data.
  const admin = await as('admin@lientruong.vn');
  const years = await json<Array<{ id: string; code: string }>>(admin.page, '/api/school-years');
  const year = years.find((y) => y.code === '2026-2027');
  const [group] = await json<Array<{ id: string }>>(
    admin.page,
    `/api/networks?schoolYearId=${year?.id}&kind=school_group&q=${encodeURIComponent('Nhóm liên trường số 1')}`,
  );
  const detail = await json<{ leaders: Array<{ personId: string; role: string }>; leadOrg: { id: string } }>(
    admin.page,
    `/api/networks/${group.id}`,
  );
  const leader = await json<{ email: string; fullName: string }>(
    admin.page,
    `/api/people/${detail.leaders.find((l) => l.role === 'leader')?.personId}`,
  );
  const staff = await json<Array<{ id: string; fullName: string; email: string; positions: Array<{ orgName: string; position: string }> }>>(
    admin.page,
    `/api/orgs/${detail.leadOrg.id}/people`,
  );
  const secretary = staff.find((p) => p.positions.some((x) => x.orgName.startsWith('Tổ Toán') && x.position === 'teacher'));

  // 1. The group leader drafts the plan and submits it.
  const lead = await as(leader.email, PHONE);
  await lead.page.goto(`/networks/${group.id}`);
  await lead.page.getByTestId('plans-link').click();
  await lead.page.getByTestId('plan-create').click();
  await lead.page.getByTestId('plan-title').fill('Kế hoạch SHCM liên trường môn Toán, học kỳ I');
  if ((await lead.page.getByTestId('plan-item-1').count()) === 0) await lead.page.getByTestId('plan-item-add').click();
  await lead.page.getByTestId('plan-item-kind-1').click();
  await lead.page.getByRole('option', { name: 'Nghiên cứu bài học', exact: true }).click();
  await lead.page.getByTestId('plan-item-content-1').fill(TITLE);
  await lead.page.getByTestId('plan-item-date-1').fill('08/12/2026');
  await lead.page.getByTestId('plan-item-date-1').press('Tab');
  await lead.page.getByTestId('plan-save').click();
  await lead.page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  const planPath = new URL(lead.page.url()).pathname;
  await lead.page.getByTestId('plan-submit').click();
  await lead.page.getByTestId('plan-submit-confirm').click();
  await expect.poll(async () => (await json<{ status: string }>(lead.page, `/api${planPath}`)).status).toBe('submitted');

  // 2. The Sở returns it with a comment; 3. it is fixed, resubmitted and approved.
  const office = await as('chuyenvien.so@lientruong.vn');
  await office.page.goto(planPath);
  await office.page.getByTestId('plan-return').click();
  await office.page.getByTestId('plan-review-comment').fill('Đề nghị ghi rõ trường dạy minh họa.');
  await office.page.getByTestId('plan-review-confirm').click();
  await expect.poll(async () => (await json<{ status: string }>(office.page, `/api${planPath}`)).status).toBe('returned');
  await lead.page.goto(planPath);
  await lead.page.getByTestId('plan-edit').click();
  await lead.page.getByTestId('plan-item-content-1').fill(`${TITLE}, dạy minh họa tại THCS Tân Thạnh Đông`);
  await lead.page.getByTestId('plan-save').click();
  await lead.page.waitForURL((u) => new URL(u).pathname === planPath);
  await lead.page.getByTestId('plan-submit').click();
  await lead.page.getByTestId('plan-submit-confirm').click();
  await office.page.goto(planPath);
  await office.page.getByTestId('plan-approve').click();
  await office.page.getByTestId('plan-review-confirm').click();
  await expect.poll(async () => (await json<{ status: string }>(office.page, `/api${planPath}`)).status).toBe('approved');
  await lead.ctx.close();

  // 4. The leader creates the meeting from the approved item: hybrid, invitations by rule, two bridge points.
  const desk = await as(leader.email);
  await desk.page.goto(planPath);
  await desk.page.getByTestId('plan-item-meeting-1').click();
  await desk.page.getByTestId('from-plan').click();
  await desk.page.waitForURL(/\/meetings\/[0-9a-f-]{36}(\/edit)?$/);
  const meetingId = (new URL(desk.page.url()).pathname.match(/[0-9a-f-]{36}/) ?? [''])[0];
  const api = `/api/meetings/${meetingId}`;
  type Meeting = {
    status: string;
    title: string;
    venues: Array<{ isCentral: boolean; onlineUrl: string | null }>;
    invitations: unknown[];
  };
  expect((await json<Meeting>(desk.page, api)).title).toContain('Hàm số bậc nhất');
  await desk.page.goto(`/meetings/${meetingId}`);
  await desk.page.getByTestId('invite-rule').click();
  await choose(desk.page, 'rule-subjects', 'Toán', 'Toán');
  await desk.page.getByRole('dialog').getByLabel('Mô tả').fill('Giáo viên Toán ba trường của nhóm');
  await desk.page.getByTestId('rule-submit').click();
  await expect.poll(async () => (await json<Meeting>(desk.page, api)).invitations.length).toBeGreaterThanOrEqual(3);
  await desk.page.getByTestId('meeting-edit').click();
  await choose(desk.page, 'f-mode', 'Kết hợp trực tiếp và trực tuyến');
  await desk.page.getByTestId('meeting-save').click();
  await desk.page.waitForURL((u) => new URL(u).pathname === `/meetings/${meetingId}`);
  await desk.page.getByTestId('meeting-bridge').click();
  // The rule's preview asks once for the link of each new point (the network has none saved yet).
  const preview = desk.page.getByTestId('bridge-preview');
  await preview.waitFor();
  const asked = preview.getByTestId('bridge-link-input');
  for (let i = 0; i < (await asked.count()); i++) await asked.nth(i).fill(`https://meet.example.edu.vn/nhom1-diem-cau-${i + 1}`);
  await desk.page.getByTestId('bridge-confirm').click();
  await preview.waitFor({ state: 'detached' });
  await expect.poll(async () => (await json<Meeting>(desk.page, api)).venues.filter((v) => !v.isCentral).length).toBeGreaterThanOrEqual(1);
  await desk.page.getByTestId('meeting-edit').click();
  await desk.page.getByRole('button', { name: 'Thêm điểm cầu' }).click();
  await desk.page
    .getByLabel(/^Tên điểm cầu/)
    .last()
    .fill('Điểm cầu Sở GD&ĐT (chuyên viên dự trực tuyến)');
  const links = desk.page.getByLabel('Đường liên kết họp trực tuyến');
  for (let i = 0; i < (await links.count()); i++) await links.nth(i).fill(`https://meet.example.edu.vn/nhom1-${i + 1}`);
  await desk.page.getByTestId('meeting-save').click();
  await desk.page.waitForURL((u) => new URL(u).pathname === `/meetings/${meetingId}`);
  await desk.page.getByTestId('meeting-schedule').click();
  await expect.poll(async () => (await json<Meeting>(desk.page, api)).status).toBe('scheduled');
  const scheduled = await json<Meeting>(desk.page, api);
  expect(scheduled.venues.filter((v) => !v.isCentral)).toHaveLength(2);

  // 5. A teacher sees it in "my meetings" and in the iCal feed.
  const teacher = await as('giaovien@lientruong.vn', PHONE);
  await teacher.page.goto('/meetings/mine');
  await teacher.page.getByText(TITLE).first().waitFor();
  const token = await teacher.page.request.post('/api/calendar/tokens', {
    data: { kind: 'person' },
    headers: { 'x-csrf-token': await csrf(teacher.page) },
  });
  const ics = (
    await (await teacher.page.request.get(new URL(((await token.json()) as { url: string }).url, e.baseUrl).pathname)).text()
  ).replace(/\r\n[ \t]/g, '');
  expect(ics).toContain(`SUMMARY:${TITLE}`);

  // On the day: the meeting runs now (moved in the form so the QR window is open).
  await desk.page.getByTestId('meeting-edit').click();
  const start = vnNow(-5);
  const end = vnNow(120).day === start.day ? vnNow(120) : { ...start, time: '23:59' };
  await desk.page.getByTestId('f-day').fill(start.date);
  await desk.page.getByTestId('f-day').press('Tab');
  await desk.page.locator('input[type=time]').nth(0).fill(start.time);
  await desk.page.locator('input[type=time]').nth(1).fill(end.time);
  await choose(desk.page, 'f-chair', new RegExp(leader.fullName), leader.fullName);
  await desk.page
    .getByLabel(/^Thư ký/)
    .first()
    .click();
  await desk.page
    .getByLabel(/^Thư ký/)
    .first()
    .fill(secretary?.fullName ?? '');
  await desk.page
    .getByRole('option', { name: new RegExp(secretary?.fullName ?? '') })
    .first()
    .click();
  await desk.page.getByTestId('meeting-save').click();
  await desk.page.waitForURL((u) => new URL(u).pathname === `/meetings/${meetingId}`);

  // 6. Teachers check in by QR.
  // The code in the link rotates every 30 s, so each phone follows the link on screen at that moment.
  const qr = await as(secretary?.email ?? '');
  await qr.page.goto(`/meetings/${meetingId}/qr`);
  const shownLink = async () => new URL((await qr.page.getByTestId('checkin-link').getAttribute('href')) as string, e.baseUrl).pathname;
  await qr.page.getByTestId('qr-countdown').waitFor();
  const checkin = await shownLink();
  await teacher.page.goto(checkin);
  await teacher.page.getByTestId('checkin-meeting').getByText('Hàm số bậc nhất', { exact: false }).waitFor();
  await teacher.page.getByRole('button', { name: 'Điểm danh' }).click();
  await teacher.page.getByTestId('checkin-result').waitFor();
  // A code that is not the one on screen (forwarded long ago, or made up) is refused with the expired message.
  await teacher.page.goto(`${checkin.slice(0, checkin.lastIndexOf('/'))}/AAAAAAAAAAAAAAAA`);
  await teacher.page.getByTestId('checkin-error').getByText('Mã QR đã hết hạn').waitFor();
  const ownLink = await shownLink();
  await qr.page.goto(ownLink);
  await qr.page.getByRole('button', { name: 'Điểm danh' }).click();
  await qr.page.getByTestId('checkin-result').waitFor();

  // 7. The secretary marks two absent with reasons and everyone else present.
  await qr.page.goto(`/meetings/${meetingId}/attendance`);
  const rows = qr.page.getByTestId('attendance-row');
  await rows.first().waitFor();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(4);
  // Two of those who did not check in by QR are absent (one excused); everyone else is present.
  const notQr: number[] = [];
  for (let i = 0; i < count; i++) if (!((await rows.nth(i).textContent()) ?? '').includes('QR')) notQr.push(i);
  const [absentAt, excusedAt] = [notQr.at(-1), notQr.at(-2)];
  for (const i of notQr) {
    const row = rows.nth(i);
    if (i === absentAt) {
      await row.getByText('Vắng', { exact: true }).click();
      await row.getByLabel('Lý do vắng').fill('Trùng lịch coi kiểm tra học kỳ');
    } else if (i === excusedAt) {
      await row.getByText('Có phép', { exact: true }).click();
      await row.getByLabel('Lý do vắng').fill('Ốm, có giấy xin phép');
    } else {
      await row.getByText('Có mặt', { exact: true }).click();
    }
  }
  await qr.page.getByRole('button', { name: 'Lưu điểm danh' }).click();
  await qr.page.getByText('Đã lưu điểm danh.').waitFor();
  const sheet = await json<{ rows: Array<{ fullName: string; status: string | null; reason: string | null; method: string | null }> }>(
    qr.page,
    `${api}/attendance`,
  );
  expect(sheet.rows.filter((r) => r.status === 'excused' || r.status === 'absent').map((r) => [r.status, r.reason])).toEqual(
    expect.arrayContaining([
      ['excused', 'Ốm, có giấy xin phép'],
      ['absent', 'Trùng lịch coi kiểm tra học kỳ'],
    ]),
  );
  expect(sheet.rows.filter((r) => r.status === 'excused' || r.status === 'absent')).toHaveLength(2);
  expect(sheet.rows.filter((r) => r.method === 'qr')).toHaveLength(2);

  // 8. Minutes: written, signed by every participant, the chair last; then locked.
  await qr.page.goto(`/meetings/${meetingId}/minutes`);
  await qr.page
    .getByRole('textbox', { name: 'Những nội dung góp ý trao đổi' })
    .fill('Học sinh hợp tác tốt; cần thêm thời gian cho hoạt động vận dụng.');
  await qr.page.getByRole('textbox', { name: 'Kiến nghị' }).fill('Nhân rộng cách tổ chức nhóm trong các trường của nhóm.');
  await qr.page.getByRole('button', { name: 'Lưu biên bản' }).click();
  await qr.page.getByRole('button', { name: 'Bắt đầu ký' }).first().click();
  await qr.page.getByRole('dialog').getByRole('button', { name: 'Bắt đầu ký' }).click();
  const minutes = await json<{ participants: Array<{ personId: string; role: string }> }>(qr.page, `${api}/minutes`);
  const chairId = minutes.participants.find((p) => p.role === 'chair')?.personId;
  for (const p of minutes.participants.filter((x) => x.personId !== chairId)) {
    const person = await json<{ email: string }>(admin.page, `/api/people/${p.personId}`);
    const s = await as(person.email, PHONE);
    await s.page.goto(`/meetings/${meetingId}/minutes`);
    await s.page.getByRole('button', { name: 'Ký xác nhận' }).click();
    await expect
      .poll(async () =>
        ((await json<{ signatures: Array<{ personId: string }> }>(s.page, `${api}/minutes`)).signatures ?? []).some(
          (x) => x.personId === p.personId,
        ),
      )
      .toBe(true);
    await s.ctx.close();
  }
  expect(chairId).toBeTruthy();
  if (chairId) {
    const chair = await as((await json<{ email: string }>(admin.page, `/api/people/${chairId}`)).email);
    await chair.page.goto(`/meetings/${meetingId}/minutes`);
    await chair.page.getByRole('button', { name: 'Ký xác nhận' }).click();
    await chair.page.getByTestId('lock-banner').waitFor();
    if (shoot) await screenshot(chair.page, 'e2e-journey-minutes-locked-1280');
    await chair.ctx.close();
  }
  await desk.page.goto(`/meetings/${meetingId}/minutes`);
  await desk.page.getByTestId('lock-banner').waitFor();
  expect((await json<{ status: string }>(desk.page, `${api}/minutes`)).status).toBe('locked');
  expect(JSON.stringify(await json<unknown>(desk.page, `${api}/minutes/verify`))).toMatch(/true/);
  const locked = await qr.page.request.put(`${api}/minutes`, {
    data: { discussion: 'sửa', recommendations: '' },
    headers: { 'x-csrf-token': await csrf(qr.page) },
  });
  expect(locked.status()).toBe(409);

  // 9. Mẫu 1 and Mẫu 2 are downloaded from the network and meeting pages.
  await desk.page.goto(`/meetings/${meetingId}`);
  const mau2 = await desk.page.request.get((await desk.page.getByTestId('download-mau2').getAttribute('href')) as string);
  expect(mau2.status()).toBe(200);
  expect((await mau2.body()).subarray(0, 2).toString()).toBe('PK');
  await desk.page.goto(`/networks/${group.id}`);
  const mau1Href = (await desk.page.getByTestId('schedule-downloads').getByRole('link').first().getAttribute('href')) as string;
  const mau1 = await desk.page.request.get(mau1Href);
  expect(mau1.status()).toBe(200);
  expect((await mau1.body()).subarray(0, 2).toString()).toBe('PK');
  if (shoot) await screenshot(desk.page, 'e2e-journey-network-1280');
  for (const s of [admin, desk, office, teacher, qr]) await s.ctx.close();
}
