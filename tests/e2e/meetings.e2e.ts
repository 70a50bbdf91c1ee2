import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 3, middle leg: the leader of Cụm 01 schedules a hybrid meeting, invites every Toán teacher of the cluster by
 * rule, lets the app place each invitee at the central venue or at their commune's bridge point, fills the links and
 * schedules it; a teacher of another commune sees it in "my meetings" (at their bridge point) and in their iCal feed.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

async function selectOption(page: Page, testId: string, option: string | RegExp, typed?: string) {
  const input = page.getByTestId(testId);
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}

describe('a hybrid meeting with bridge points and invitations by rule', () => {
  it('is scheduled by the cluster leader and reaches a teacher in "my meetings" and iCal', async () => {
    const ctx = await e.context(DESKTOP);
    const leader = await ctx.newPage();
    await login(leader, 'hieutruong@lientruong.vn', e.password);
    await leader.goto('/meetings/new');
    await leader.getByTestId('f-title').fill('Hội thảo cụm: Dạy học phát triển năng lực môn Toán');
    await selectOption(leader, 'f-mode', 'Kết hợp trực tiếp và trực tuyến');
    const host = leader.getByTestId('f-host');
    await host.click();
    await host.fill('thi tran 2');
    await leader
      .getByRole('option', { name: /Trường THCS Thị Trấn 2/ })
      .first()
      .click();
    await leader.keyboard.press('Escape');
    await selectOption(leader, 'f-network', /^Cụm 01/);
    const day = leader.getByTestId('f-day');
    await day.fill('15/12/2026');
    await day.press('Tab');
    await leader.getByTestId('meeting-save').click();
    await leader.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingPath = new URL(leader.url()).pathname;
    const api = `/api${meetingPath}`;

    await leader.getByTestId('invite-rule').click();
    await selectOption(leader, 'rule-subjects', 'Toán', 'Toán');
    await leader.getByRole('dialog').getByLabel('Mô tả').fill('Giáo viên Toán các trường trong Cụm 01');
    await leader.getByTestId('rule-submit').click();
    await expect
      .poll(async () => ((await (await leader.request.get(api)).json()) as { invitations: unknown[] }).invitations.length)
      .toBeGreaterThan(20);

    // The bridge rule shows its plan first and asks once for each new point's link (the network has none saved).
    await leader.getByTestId('meeting-bridge').click();
    const preview = leader.getByTestId('bridge-preview');
    await preview.waitFor();
    const urls = preview.getByTestId('bridge-link-input');
    const n = await urls.count();
    expect(n).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < n; i++) await urls.nth(i).fill(`https://meet.example.edu.vn/cum01-${i + 1}`);
    await leader.getByTestId('bridge-confirm').click();
    await preview.waitFor({ state: 'detached' });
    type Venue = { id: string; isCentral: boolean; name: string; onlineUrl: string | null };
    await expect
      .poll(async () => ((await (await leader.request.get(api)).json()) as { venues: Venue[] }).venues.filter((v) => !v.isCentral).length)
      .toBeGreaterThanOrEqual(2);
    const before = (await (await leader.request.get(api)).json()) as { venues: Venue[]; status: string };
    expect(before.status).toBe('draft');
    await leader.getByTestId('meeting-schedule').click();
    await expect.poll(async () => ((await (await leader.request.get(api)).json()) as { status: string }).status).toBe('scheduled');
    const after = (await (await leader.request.get(api)).json()) as { venues: Venue[] };
    expect(after.venues.filter((v) => !v.isCentral).every((v) => v.onlineUrl?.startsWith('https://'))).toBe(true);
    await screenshot(leader, 'e2e-meeting-hybrid-1280');
    await ctx.close();

    // A Toán teacher of Hòa Phú (another commune) finds it in "my meetings", at a bridge point, and in iCal.
    const tctx = await e.context(PHONE);
    const teacher = await tctx.newPage();
    await login(teacher, 'giaovien@lientruong.vn', e.password);
    // What only organisers use (pickers, dialogs, the chat-links editor) is not loaded on a participant's page.
    const scripts: string[] = [];
    teacher.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await teacher.goto('/meetings/mine');
    await teacher.getByText('Hội thảo cụm: Dạy học phát triển năng lực môn Toán').first().click();
    await teacher.waitForURL((u) => new URL(u).pathname === meetingPath);
    const myVenue = teacher.getByTestId('my-venue');
    await myVenue.waitFor();
    expect(await myVenue.textContent()).toContain('Điểm cầu');
    await screenshot(teacher, 'e2e-meeting-teacher-390');
    expect(scripts.some((s) => /\/MeetingPage-/.test(s))).toBe(true);
    // The editor's own chunks stay out of a teacher's page. (Mantine's Select chunk is shared by some thirty pages and
    // may be fetched when the router preloads a page on pointer intent: it is not the editor's code.)
    expect(
      scripts.filter((s) => /\/(InviteControls|MeetingModals|ChatLinksEditor)-/.test(s)),
      scripts.join(' '),
    ).toEqual([]);
    const token = await teacher.request.post('/api/calendar/tokens', {
      data: { kind: 'person' },
      headers: { 'x-csrf-token': await csrf(teacher) },
    });
    expect(token.status(), await token.text()).toBeLessThan(300);
    const { url } = (await token.json()) as { url: string };
    // Unfold RFC 5545 continuation lines (long lines are folded at 75 octets) before reading values.
    const ics = (await (await teacher.request.get(new URL(url, e.baseUrl).pathname)).text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Hội thảo cụm: Dạy học phát triển năng lực môn Toán');
    await tctx.close();

    // On a phone, the leader uses the tools that load on demand: moves one invitee to another venue, adds the
    // network's Zalo group, and postpones the meeting with a reason.
    const pctx = await e.context(PHONE);
    const organiser = await pctx.newPage();
    await login(organiser, 'hieutruong@lientruong.vn', e.password);
    await organiser.goto(meetingPath);
    type Invitation = { id: string; venueId: string | null; person: { fullName: string } };
    const now = (await (await organiser.request.get(api)).json()) as {
      venues: Venue[];
      invitations: Invitation[];
      network: { id: string };
    };
    const unique = now.invitations.filter((i) => now.invitations.filter((j) => j.person.fullName === i.person.fullName).length === 1);
    const invitee = unique[0];
    const target = now.venues.find((v) => v.id !== invitee.venueId);
    if (!target) throw new Error('the meeting has a single venue');
    const showLists = organiser.getByRole('button', { name: 'Xem danh sách' });
    // The page loads its lists after the shell: wait for them before unfolding.
    await showLists.or(organiser.getByTestId('invitee')).first().waitFor();
    while ((await showLists.count()) > 0) await showLists.first().click();
    const row = organiser.getByTestId('invitee').filter({ hasText: invitee.person.fullName });
    await row.getByLabel('Điểm cầu').click();
    await organiser.getByRole('option', { name: target.name, exact: true }).click();
    await expect
      .poll(
        async () =>
          ((await (await organiser.request.get(api)).json()) as { invitations: Invitation[] }).invitations.find((i) => i.id === invitee.id)
            ?.venueId,
      )
      .toBe(target.id);

    await organiser.getByTestId('chat-links-edit').click();
    const editor = organiser.getByRole('dialog');
    await editor.getByRole('button', { name: 'Thêm nhóm' }).click();
    await editor.getByLabel('Đường liên kết nhóm (Zalo…)').last().fill('https://zalo.me/g/cum01-toan');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await organiser.getByTestId('chat-links').locator('a[href="https://zalo.me/g/cum01-toan"]').waitFor();
    const chat = (await (await organiser.request.get(`/api/networks/${now.network.id}/chat-links`)).json()) as {
      links: Array<{ url: string }>;
    };
    expect(chat.links.map((l) => l.url)).toContain('https://zalo.me/g/cum01-toan');

    await organiser.getByTestId('meeting-postpone').click();
    await organiser.getByTestId('reason').fill('Trùng lịch kiểm tra học kì I của Sở');
    await organiser.getByTestId('reason-submit').click();
    await expect.poll(async () => ((await (await organiser.request.get(api)).json()) as { status: string }).status).toBe('postponed');
    await organiser.getByText('Trùng lịch kiểm tra học kì I của Sở').waitFor();
    await organiser.getByRole('dialog').waitFor({ state: 'hidden' });
    await screenshot(organiser, 'e2e-meeting-organiser-390');
    await pctx.close();
  });
});
