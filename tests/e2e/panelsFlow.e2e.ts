import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickUntilShown, DESKTOP, type E2E, login, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue 5, panels and materials end to end: the commune officer creates an event with the form (panel head and two
 * principals, rubric, deadline, N = 2); on a phone the team head submits the team's dossier (plan, a meeting of the team,
 * video report) and replaces it; a late submission is refused with the API's message; the panel scores (through the
 * API), the head selects two and downloads the results DOCX. A teacher who manages a meeting's files publishes an
 * attachment to the library and the principal of another school finds it by "toan 8 hinh chop"; an upload from the library form names a meeting; the
 * rubric editor saves an edited copy.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e.close());

interface Session {
  request: APIRequestContext;
  csrf: string;
  me: { personId: string; fullName: string; positions: Array<{ orgId: string; orgName: string; orgType: string }> };
}

/** A logged-in API session (own cookies) for calls that a test does not need to click through. */
async function session(email: string): Promise<Session> {
  const ctx = await e.context(DESKTOP);
  const res = await ctx.request.post('/api/auth/login', { data: { email, password: e.password } });
  expect(res.status(), await res.text()).toBe(200);
  const me = await (await ctx.request.get('/api/auth/me')).json();
  return { request: ctx.request, csrf: me.csrfToken, me };
}

/** The machine is shared: pages may take a few seconds to load. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const post = (s: Session, url: string, data: unknown) => s.request.post(url, { data, headers: { 'x-csrf-token': s.csrf } });
const put = (s: Session, url: string, data: unknown) => s.request.put(url, { data, headers: { 'x-csrf-token': s.csrf } });

async function pick(page: Page, testId: string, typed: string, option: string | RegExp) {
  await page.getByTestId(testId).fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Points of the seed-004 rubric: the dossier d (of 40) and the video report p (of 60), criterion by criterion. */
function pointsFor(d: number, p: number): Record<string, number> {
  const fill = (total: number, maxes: number[], keys: string[]) => {
    let left = total;
    const out: Record<string, number> = {};
    keys.forEach((k, i) => {
      out[k] = Math.min(maxes[i], left);
      left -= out[k];
    });
    return out;
  };
  return { ...fill(d, [15, 15, 10], ['g1c1', 'g1c2', 'g1c3']), ...fill(p, [20, 15, 15, 10], ['g2c1', 'g2c2', 'g2c3', 'g2c4']) };
}

describe('panels and materials end to end', () => {
  it('an event from the form, a team entry from a phone, scoring, selection of two and the DOCX', async () => {
    const admin = await session('admin@lientruong.vn');
    const officer = await session('canbo.xa@lientruong.vn');
    // The panel: the officer (head) and two principals of the commune, who get accounts to score.
    const principals = (await (await officer.request.get('/api/people', { params: { q: '', position: 'principal', pageSize: 50 } })).json())
      .items as Array<{ id: string; fullName: string }>;
    // Demo staff have accounts (with the demo password); principals without one get one from the admin.
    const accounts = (await (await admin.request.get('/api/accounts')).json()) as Array<{ personId: string; email: string }>;
    const members = principals.slice(0, 2);
    const emails: string[] = [];
    for (const [i, p] of members.entries()) {
      const existing = accounts.find((a) => a.personId === p.id);
      if (existing) emails.push(existing.email);
      else {
        const res = await post(admin, '/api/accounts', { personId: p.id, email: `thanhvien${i}@lientruong.vn`, password: e.password });
        expect(res.status(), await res.text()).toBe(201);
        emails.push(`thanhvien${i}@lientruong.vn`);
      }
    }

    const page = await (await e.context(DESKTOP)).newPage();
    await login(page, 'canbo.xa@lientruong.vn', e.password);
    await page.goto('/panels');
    await page.getByTestId('panel-create-open').click();
    await pick(page, 'panel-organiser', 'Phú Hòa Đông', /Phú Hòa Đông/);
    await page.getByTestId('panel-title').fill('Hội thi hồ sơ tổ chuyên môn cấp xã năm học 2026-2027');
    const deadline = new Date(Date.now() + 3 * 24 * 3600_000);
    const ymd = (d: Date) => d.toISOString().slice(0, 10);
    await page.getByTestId('panel-date').fill(ymd(new Date(deadline.getTime() + 2 * 24 * 3600_000)));
    await page.getByTestId('panel-deadline').fill(`${ymd(deadline)}T17:00`);
    await page.getByTestId('panel-select-count').fill('2');
    await page.getByTestId('panel-rubric').click();
    await page.getByRole('option', { name: 'Tổ điều hành: hồ sơ và báo cáo video clip (100 điểm)' }).click();
    await pick(page, 'panel-head', officer.me.fullName.split(' ').slice(-2).join(' '), new RegExp(officer.me.fullName));
    for (const m of members) await pick(page, 'panel-member', m.fullName.split(' ').slice(-2).join(' '), new RegExp(m.fullName));
    await screenshot(page, 'panel-create-desktop');
    await page.getByTestId('panel-create-submit').click();
    await page.waitForURL(/\/panels\/[0-9a-f-]{36}$/);
    const eventId = new URL(page.url()).pathname.split('/').pop() as string;
    const event = await (await officer.request.get(`/api/panels/${eventId}`)).json();
    expect(event).toMatchObject({ selectCount: 2, head: { fullName: officer.me.fullName }, rubric: { maxTotal: 100 } });
    expect(event.members.map((m: { id: string }) => m.id).sort()).toEqual([officer.me.personId, ...members.map((m) => m.id)].sort());

    // On a phone the team head submits the team's entry: plan and video as links, one of the team's meetings.
    const phone = await (await e.context(PHONE)).newPage();
    await login(phone, 'totruong@lientruong.vn', e.password);
    await phone.goto(`/panels/${eventId}`);
    await poll(() => phone.getByTestId('entry-deadline').textContent()).toContain('Hạn nộp hồ sơ');
    const teamHead = await session('totruong@lientruong.vn');
    await phone.getByTestId('entry-presenters').click();
    await phone.getByRole('option', { name: teamHead.me.fullName }).first().click();
    await phone.keyboard.press('Escape');
    await phone.getByTestId('dossier-url-0').fill('https://drive.example.vn/ke-hoach-to-toan-tin.pdf');
    await phone.getByTestId('dossier-url-1').fill('https://video.example.vn/bao-cao-to-toan-tin.mp4');
    await phone.getByTestId('entry-add-meeting').click();
    await phone.getByRole('listbox').getByRole('option').first().click(); // the dropdown's, not the header's native year picker
    await poll(() => phone.getByTestId('dossier-row').count()).toBe(3);
    await poll(() => phone.getByTestId('dossier-title-2').inputValue()).toMatch(/^Biên bản: /);
    await screenshot(phone, 'panel-entry-form-phone');
    const deskEntry = await (await e.context(DESKTOP)).newPage();
    await login(deskEntry, 'totruong@lientruong.vn', e.password);
    await deskEntry.goto(`/panels/${eventId}`);
    await poll(() => deskEntry.getByTestId('entry-form').count()).toBe(1);
    await screenshot(deskEntry, 'panel-entry-form-desktop');
    await phone.getByTestId('entry-submit').click();
    await poll(() => phone.getByTestId('panel-entry').count()).toBe(1);
    await poll(() => phone.getByTestId('entry-existing').count()).toBe(1);
    // Before the deadline and any score, the team replaces its entry: still one entry, now with four items.
    await phone.getByTestId('dossier-add-link').click();
    await phone.getByTestId('dossier-title-3').fill('Ảnh trưng bày hồ sơ');
    await phone.getByTestId('dossier-url-3').fill('https://drive.example.vn/anh-trung-bay.zip');
    await phone.getByTestId('entry-submit').click();
    await poll(async () => (await (await teamHead.request.get(`/api/panels/${eventId}`)).json()).entries[0].dossier.length).toBe(4);
    expect(await phone.getByTestId('panel-entry').count()).toBe(1);
    await phone.getByTestId('panel-entries').scrollIntoViewIfNeeded();
    await screenshot(phone, 'panel-entry-phone');
    const ownTeam = (await (await teamHead.request.get(`/api/panels/${eventId}`)).json()).entries[0];
    expect(ownTeam.team.name).toBe('Tổ Toán - Tin');
    expect(ownTeam.dossier.find((d: { part: string }) => d.part === 'meeting_book').url).toMatch(/\/meetings\/[0-9a-f-]{36}$/);

    // Two more teams of the commune enter (the officer submits for them through the API).
    const demo = (await (await officer.request.get('/api/panels')).json()).find((x: { id: string }) => x.id !== eventId);
    const demoEntries = (await (await officer.request.get(`/api/panels/${demo.id}`)).json()).entries as Array<{ team: { id: string } }>;
    const others = demoEntries.map((x) => x.team.id).filter((id) => id !== ownTeam.team.id);
    for (const teamOrgId of others.slice(0, 2)) {
      const res = await post(officer, `/api/panels/${eventId}/entries`, {
        teamOrgId,
        presenterIds: [officer.me.personId],
        dossier: [{ part: 'video', title: 'Video báo cáo', url: 'https://video.example.vn/bao-cao.mp4' }],
      });
      expect(res.status(), await res.text()).toBe(201);
    }

    // Each member scores alone (through the API): the totals 90, 80, 70 on average, in that order.
    const entries = (await (await officer.request.get(`/api/panels/${eventId}`)).json()).entries as Array<{
      id: string;
      team: { id: string };
    }>;
    const order = [ownTeam.team.id, others[0], others[1]].map((id) => entries.find((x) => x.team.id === id)?.id as string);
    const scorers = [officer, await session(emails[0]), await session(emails[1])];
    const plan = [
      [35, 55],
      [30, 50],
      [28, 42],
    ];
    for (const s of scorers)
      for (const [i, id] of order.entries()) {
        const res = await put(s, `/api/panels/${eventId}/entries/${id}/score`, { points: pointsFor(plan[i][0], plan[i][1]) });
        expect(res.status(), await res.text()).toBe(200);
      }

    // The head sees the ranking, selects the two best and downloads the results.
    await page.reload();
    await poll(() => page.getByTestId('ranking-row').count()).toBe(3);
    expect(await page.getByTestId('ranking-average').allTextContents()).toEqual(['90,00', '80,00', '70,00']);
    await page.getByTestId('select-entry').nth(0).check();
    await page.getByTestId('select-entry').nth(1).check();
    await page.getByTestId('select-submit').click();
    await poll(() => page.getByTestId('panel-entry').filter({ hasText: 'Được chọn' }).count()).toBe(2);
    const view = (await (await officer.request.get(`/api/panels/${eventId}`)).json()) as {
      ranking: Array<{ entryId: string; selected: boolean; rank: number }>;
    };
    expect(view.ranking.map((r) => [r.rank, r.selected])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    await page.getByTestId('panel-ranking').scrollIntoViewIfNeeded();
    await screenshot(page, 'panel-selected-desktop');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('panel-docx').click()]);
    const dir = mkdtempSync(path.join(tmpdir(), 'lt-panel-'));
    const file = path.join(dir, 'ket-qua.docx');
    await download.saveAs(file);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString();
    expect(xml).toContain('Tổ Toán - Tin');
    expect(xml).toContain('Hội thi hồ sơ tổ chuyên môn cấp xã');

    await phone.reload();
    await poll(() => phone.getByTestId('panel-entry').filter({ hasText: 'Được chọn' }).count()).toBe(1);
    expect(await phone.getByTestId('entry-form').count()).toBe(0);
    const headPhone = await (await e.context(PHONE)).newPage();
    await login(headPhone, 'canbo.xa@lientruong.vn', e.password);
    await headPhone.goto(`/panels/${eventId}`);
    await poll(() => headPhone.getByTestId('ranking-row').count()).toBe(3);
    await headPhone.getByTestId('panel-ranking').scrollIntoViewIfNeeded();
    await screenshot(headPhone, 'panel-selected-phone');
  });

  it('refuses an entry sent after the deadline with the API’s message', async () => {
    const officer = await session('canbo.xa@lientruong.vn');
    const rubric = ((await (await officer.request.get('/api/rubrics')).json()) as Array<{ id: string; noGrading: boolean }>).find(
      (r) => !r.noGrading,
    );
    const commune = officer.me.positions.find((p) => p.orgType === 'commune');
    const deadline = new Date(Date.now() + 24 * 3600_000);
    const created = await post(officer, '/api/panels', {
      organiserOrgId: commune?.orgId,
      title: 'Hội thi sắp hết hạn',
      eventDate: new Date(deadline.getTime() + 2 * 24 * 3600_000).toISOString().slice(0, 10),
      submissionDeadline: deadline.toISOString(),
      selectCount: 1,
      rubricId: rubric?.id,
      headPersonId: officer.me.personId,
      memberIds: [],
    });
    expect(created.status(), await created.text()).toBe(201);
    const eventId = (await created.json()).id as string;
    const phone = await (await e.context(PHONE)).newPage();
    await login(phone, 'totruong@lientruong.vn', e.password);
    await phone.goto(`/panels/${eventId}`);
    await phone.getByTestId('entry-presenters').click();
    await phone.getByRole('listbox').getByRole('option').first().click(); // the dropdown's, not the header's native year picker
    await phone.keyboard.press('Escape');
    await phone.getByTestId('dossier-url-0').fill('https://drive.example.vn/ke-hoach.pdf');
    await phone.getByTestId('dossier-url-1').fill('https://video.example.vn/bao-cao.mp4');
    // The deadline passes while the form is open.
    await e.database.db.execute(sql`update panel_events set submission_deadline = now() - interval '1 minute' where id = ${eventId}`);
    await phone.getByTestId('entry-submit').click();
    await poll(() => phone.getByTestId('entry-refused').textContent()).toMatch(
      /^Đã quá hạn nộp hồ sơ \(hạn: .+\), không nhận hồ sơ nộp muộn$/,
    );
    await screenshot(phone, 'panel-entry-late-phone');
    expect((await (await officer.request.get(`/api/panels/${eventId}`)).json()).entries).toHaveLength(0);
  });

  it('a meeting attachment goes to the library and is found without diacritics; an upload names its meeting', async () => {
    // The first demo login (a school's staff) with a meeting whose files they manage: they may publish its attachments.
    let meeting: { id: string } | undefined;
    let publisher = '';
    for (const email of ['totruong@lientruong.vn', 'giaovien@lientruong.vn', 'hieutruong@lientruong.vn']) {
      const s = await session(email);
      for (const m of (await (await s.request.get('/api/meetings/mine')).json()) as Array<{ id: string }>) {
        if ((await (await s.request.get(`/api/meetings/${m.id}`)).json()).can?.upload) meeting = m;
        if (meeting) break;
      }
      publisher = email;
      if (meeting) break;
    }
    const teamHead = await session(publisher);
    expect(meeting).toBeDefined();
    const phone = await (await e.context(PHONE)).newPage();
    await login(phone, publisher, e.password);
    await phone.goto(`/meetings/${meeting?.id}`);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await phone.getByTestId('meeting-attachments').locator('input[type=file]').setInputFiles({
      name: 'KHBD Toan 8 - Hinh chop tam giac deu.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await poll(() => phone.getByTestId('publish-open').count()).toBe(1);
    await phone.getByTestId('publish-open').click();
    await phone.getByTestId('publish-title').fill('Kế hoạch bài dạy: Hình chóp tam giác đều');
    await phone.getByTestId('publish-visibility').click();
    await phone.getByRole('option', { name: 'Mọi người' }).click();
    await phone.getByTestId('publish-subject').fill('Toán');
    await phone.getByRole('option', { name: 'Toán', exact: true }).click();
    await phone.getByTestId('publish-grade').click();
    await phone.getByRole('option', { name: 'Lớp 8', exact: true }).click();
    await phone.getByTestId('publish-lesson').fill('Bài 1. Hình chóp tam giác đều');
    await screenshot(phone, 'material-publish-phone');
    await phone.getByTestId('publish-submit').click();
    await poll(() => phone.getByTestId('meeting-material').count()).toBe(1);
    await phone.getByTestId('meeting-materials').scrollIntoViewIfNeeded();
    await screenshot(phone, 'meeting-materials-phone');

    // From the library's upload form, a second material names the same meeting; the meeting page lists both.
    await phone.goto('/materials');
    await phone.getByTestId('material-upload-open').click();
    await phone.locator('input[type=file]').setInputFiles({ name: 'Phieu hoc tap.pdf', mimeType: 'application/pdf', buffer: pdf });
    await phone.getByTestId('material-title').fill('Phiếu học tập: Hình chóp tam giác đều');
    await phone.getByTestId('material-meeting').click();
    await phone.getByRole('listbox').getByRole('option').first().click(); // the dropdown's, not the header's native year picker
    const chosenMeeting = await phone.getByTestId('material-meeting').inputValue();
    await phone.getByTestId('material-submit').click();
    await phone.waitForURL(/\/materials\/[0-9a-f-]{36}$/);
    const uploaded = await (await teamHead.request.get(`/api/materials/${new URL(phone.url()).pathname.split('/').pop()}`)).json();
    expect(uploaded.meetingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(chosenMeeting.length).toBeGreaterThan(0);
    await phone.goto(`/meetings/${uploaded.meetingId}`);
    await poll(() => phone.getByTestId('meeting-material').filter({ hasText: 'Phiếu học tập' }).count()).toBe(1);

    // Someone of another school finds the published plan by typing without diacritics.
    const finder = publisher === 'hieutruong@lientruong.vn' ? 'totruong@lientruong.vn' : 'hieutruong@lientruong.vn';
    const desk = await (await e.context(DESKTOP)).newPage();
    await login(desk, finder, e.password);
    await desk.goto('/materials');
    await desk.getByTestId('material-search').fill('toan 8 hinh chop');
    await poll(() => desk.getByTestId('material-card').count()).toBe(1);
    await poll(() => desk.getByTestId('material-link').first().textContent()).toBe('Kế hoạch bài dạy: Hình chóp tam giác đều');
    await screenshot(desk, 'materials-published-desktop');
    // On a desktop, the meeting page lists both materials linked to it.
    const own = await (await e.context(DESKTOP)).newPage();
    await login(own, publisher, e.password);
    await own.goto(`/meetings/${meeting?.id}`);
    await poll(() => own.getByTestId('meeting-material').count()).toBe(uploaded.meetingId === meeting?.id ? 2 : 1);
    await own.getByTestId('meeting-materials').scrollIntoViewIfNeeded();
    await screenshot(own, 'meeting-materials-desktop');
  });

  it('the rubric editor saves an edited copy', async () => {
    const page = await (await e.context(DESKTOP)).newPage();
    await login(page, 'canbo.xa@lientruong.vn', e.password);
    await page.goto('/rubrics');
    const item = page.getByTestId('rubric-item').filter({ hasText: 'Tổ điều hành: hồ sơ và báo cáo video clip (100 điểm)' });
    await item.click();
    await clickUntilShown(item.getByTestId('rubric-copy'), page.getByTestId('rubric-name'));
    await page.getByTestId('rubric-name').fill('Tiêu chí hội thi cấp xã Phú Hòa Đông');
    await pick(page, 'rubric-owner', 'Phú Hòa Đông', /Phú Hòa Đông/);
    await page.getByLabel('Điểm tối đa').first().fill('20');
    await screenshot(page, 'rubric-editor-desktop');
    await page.getByTestId('rubric-save').click();
    // The editor closes only after the list has been fetched again: wait for both before opening the saved copy.
    await poll(() => page.getByTestId('rubric-name').count()).toBe(0);
    await poll(() => page.getByTestId('rubric-item').filter({ hasText: 'Tiêu chí hội thi cấp xã Phú Hòa Đông' }).count()).toBe(1);
    const saved = page.getByTestId('rubric-item').filter({ hasText: 'Tiêu chí hội thi cấp xã Phú Hòa Đông' });
    await saved.click();
    await clickUntilShown(saved.getByTestId('rubric-edit'), page.getByTestId('rubric-name'));
    await poll(() => page.getByTestId('rubric-name').inputValue()).toBe('Tiêu chí hội thi cấp xã Phú Hòa Đông');
    await page.getByTestId('rubric-name').fill('Tiêu chí hội thi tổ chuyên môn cấp xã Phú Hòa Đông');
    await page.getByTestId('rubric-save').click();
    await poll(() =>
      page.getByTestId('rubric-item').filter({ hasText: 'Tiêu chí hội thi tổ chuyên môn cấp xã Phú Hòa Đông' }).count(),
    ).toBe(1);
    const officer = await session('canbo.xa@lientruong.vn');
    const rubrics = (await (await officer.request.get('/api/rubrics')).json()) as Array<{
      name: string;
      maxTotal: number;
      groups: Array<{ criteria: Array<{ maxPoints: number }> }>;
    }>;
    const mine = rubrics.find((r) => r.name === 'Tiêu chí hội thi tổ chuyên môn cấp xã Phú Hòa Đông');
    expect(mine?.groups[0].criteria[0].maxPoints).toBe(20);
    expect(mine?.maxTotal).toBe(105);
  });
});
