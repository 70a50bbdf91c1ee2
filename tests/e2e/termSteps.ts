import type { BrowserContext, Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import type { PlanDetail } from '../../src/shared/types';
import { DESKTOP, type E2E, login, PHONE, screenshot } from './harness';
import { Typing } from './typing';

/** The steps of the term walk (termWalk.e2e.ts), each through the browser; counted input goes through `typing`. */
export type Term = { id: string; yearId: string; startDate: string; endDate: string; groupId: string };
type Session = { ctx: BrowserContext; page: Page };
export type Scheduled = { id: string; startsAt: string; mode: string; status: string; bridges: number };

const LEADER = 'hieutruong@lientruong.vn';
const OFFICE = 'chuyenvien.so@lientruong.vn';
const ADMIN = 'admin@lientruong.vn';
const GROUP = 'Nhóm liên trường số 8';
const HYBRID = 'Kết hợp trực tiếp và trực tuyến';
const LINK = 'https://meet.example.edu.vn/nhom8-chung';

export class TermWalk {
  readonly typing = new Typing();
  signatures = 0;
  private term?: Term;
  private planPath = '';
  private readers = new Map<string, { cookie: string; at: number }>();

  constructor(private e: E2E) {}

  /** Moves the app's clock (the test process's Date; browser contexts opened from now on follow it). */
  at(iso: string): void {
    vi.setSystemTime(new Date(iso));
  }

  /** A person's browser, its clock at the app's now, logged in (a log-in counts nothing). */
  async as(email: string, viewport = DESKTOP): Promise<Session> {
    const ctx = await this.e.context(viewport);
    await ctx.clock.install({ time: Date.now() });
    const page = await ctx.newPage();
    await login(page, email, this.e.password);
    return { ctx, page };
  }

  /** Reads state through the API as `email` (assertions and finding ids only; never a user's action). */
  async json<T>(email: string, url: string): Promise<T> {
    let r = this.readers.get(email);
    if (!r || Date.now() - r.at > 6 * 3_600_000) {
      const res = await this.e.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: this.e.password } });
      const cookie = res.cookies.find((c) => c.name === 'lt_session');
      if (!cookie) throw new Error(`log-in of ${email} failed: ${res.statusCode} ${res.body}`);
      r = { cookie: `lt_session=${cookie.value}`, at: Date.now() };
      this.readers.set(email, r);
    }
    const res = await this.e.app.inject({ method: 'GET', url, headers: { cookie: r.cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  }
  leaderJson<T>(url: string): Promise<T> {
    return this.json<T>(LEADER, url);
  }

  async findTerm(yearCode: string, number: number): Promise<Term> {
    const years = await this.json<Array<{ id: string; code: string; terms: Array<Omit<Term, 'yearId' | 'groupId'> & { number: number }> }>>(
      ADMIN,
      '/api/school-years',
    );
    const year = years.find((y) => y.code === yearCode);
    const term = year?.terms.find((t) => t.number === number);
    if (!year || !term) throw new Error(`no term ${number} of ${yearCode}`);
    const [group] = await this.json<Array<{ id: string }>>(
      ADMIN,
      `/api/networks?schoolYearId=${year.id}&kind=school_group&q=${encodeURIComponent(GROUP)}`,
    );
    this.term = { id: term.id, yearId: year.id, startDate: term.startDate, endDate: term.endDate, groupId: group.id };
    return this.term;
  }

  private plan(): Promise<PlanDetail> {
    return this.leaderJson<PlanDetail>(`/api${this.planPath}`);
  }

  /** The plan from the rules (nothing typed), returned once by the Sở, two sessions made hybrid, approved. */
  async planProposedReturnedApproved(term: Term): Promise<PlanDetail> {
    const t = this.typing.at('Kế hoạch');
    const lead = await this.as(LEADER, PHONE);
    await lead.page.goto(`/networks/${term.groupId}`);
    await lead.page.getByTestId('plans-link').click();
    await lead.page.getByTestId('plan-propose').click();
    await lead.page.getByTestId('proposal-item-10').waitFor();
    await screenshot(lead.page, 'term-walk-proposal-phone');
    await t.confirm(lead.page.getByTestId('proposal-confirm-all'));
    await t.confirm(lead.page.getByTestId('proposal-create'));
    await lead.page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    this.planPath = new URL(lead.page.url()).pathname;
    expect(await this.plan()).toMatchObject({ termNumber: 2, itemCount: 10 });
    await this.submit(lead.page);

    this.typing.at('Duyệt kế hoạch');
    const office = await this.as(OFFICE);
    await office.page.goto(this.planPath);
    await t.confirm(office.page.getByTestId('plan-return'));
    await t.typed(
      office.page.getByTestId('plan-review-comment'),
      'Đề nghị tổ chức hai buổi theo hình thức kết hợp để giáo viên các điểm trường dự trực tuyến.',
    );
    await t.confirm(office.page.getByTestId('plan-review-confirm'));
    await expect.poll(async () => (await this.plan()).status).toBe('returned');

    await lead.page.goto(this.planPath);
    await t.confirm(lead.page.getByTestId('plan-edit'));
    for (const n of [2, 7]) {
      const mode = lead.page.getByTestId(`plan-item-${n}`).getByLabel('Hình thức tổ chức');
      await mode.scrollIntoViewIfNeeded();
      await t.chosen(lead.page.getByRole('option', { name: HYBRID }), mode);
    }
    await t.confirm(lead.page.getByTestId('plan-save'));
    await lead.page.waitForURL((u) => u.pathname === this.planPath);
    await this.submit(lead.page);
    await office.page.goto(this.planPath);
    await t.confirm(office.page.getByTestId('plan-approve'));
    await t.confirm(office.page.getByTestId('plan-review-confirm'));
    await expect.poll(async () => (await this.plan()).status).toBe('approved');
    await lead.ctx.close();
    await office.ctx.close();
    return this.plan();
  }

  private async submit(page: Page): Promise<void> {
    await this.typing.confirm(page.getByTestId('plan-submit'));
    await this.typing.confirm(page.getByTestId('plan-submit-confirm'));
    await expect.poll(async () => (await this.plan()).status).toMatch(/submitted|resubmitted/);
  }

  /** "Lên lịch theo kế hoạch", the network's link typed once, bridge points placed automatically on the hybrid ones. */
  async scheduleAll(): Promise<Scheduled[]> {
    const t = this.typing.at('Lên lịch');
    const lead = await this.as(LEADER);
    await lead.page.goto(this.planPath);
    await t.confirm(lead.page.getByTestId('plan-schedule'));
    await lead.page.getByTestId('plan-schedule-line').first().waitFor();
    await t.confirm(lead.page.getByTestId('confirm-ok'));
    await lead.page.getByTestId('plan-schedule').waitFor({ state: 'detached' });
    const ids = (await this.plan()).items.flatMap((i) => i.meetings.map((m) => m.id));
    type M = {
      id: string;
      startsAt: string;
      mode: string;
      status: string;
      venues: Array<{ isCentral: boolean; onlineUrl: string | null }>;
    };
    const read = () => Promise.all(ids.map((id) => this.leaderJson<M>(`/api/meetings/${id}`)));
    const hybrid = (await read()).filter((m) => m.mode === 'hybrid');
    if (hybrid.length > 0) {
      await lead.page.goto(`/networks/${this.term?.groupId}`);
      await t.confirm(lead.page.getByTestId('meeting-links-edit'));
      await t.typed(lead.page.getByTestId('meeting-link-url').first(), LINK);
      await t.confirm(lead.page.getByTestId('meeting-links-save'));
      await lead.page.getByTestId('network-meeting-links').getByText(LINK).waitFor();
    }
    for (const m of hybrid) {
      await lead.page.goto(`/meetings/${m.id}`);
      await t.confirm(lead.page.getByTestId('meeting-bridge'));
      const preview = lead.page.getByTestId('bridge-preview');
      await preview.waitFor();
      const asked = preview.getByTestId('bridge-link-input');
      for (let i = 0; i < (await asked.count()); i++) await t.typed(asked.nth(i), `https://meet.example.edu.vn/nhom8-${i + 1}`);
      await t.confirm(lead.page.getByTestId('bridge-confirm'));
      await preview.waitFor({ state: 'detached' });
      await t.confirm(lead.page.getByTestId('meeting-schedule'));
      await expect.poll(async () => (await this.leaderJson<M>(`/api/meetings/${m.id}`)).status).toBe('scheduled');
    }
    await lead.ctx.close();
    return (await read())
      .map((m) => ({ ...m, bridges: m.venues.filter((v) => !v.isCentral && v.onlineUrl).length }))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  /** On the session's day: two absences with a reason each, everyone else present; the minutes' two texts; signing. */
  async holdSession(meetingId: string, n: number, shoot: boolean): Promise<void> {
    const t = this.typing.at(`Buổi ${n}`);
    const meeting = await this.leaderJson<{ chair: { fullName: string } | null; secretary: { fullName: string } | null }>(
      `/api/meetings/${meetingId}`,
    );
    const s = await this.as(LEADER, n % 2 === 0 ? DESKTOP : PHONE);
    await s.page.goto(`/meetings/${meetingId}/attendance`);
    const rows = s.page.getByTestId('attendance-row');
    await rows.first().waitFor();
    const keep = [meeting.chair?.fullName, meeting.secretary?.fullName].filter(Boolean) as string[];
    const away: number[] = [];
    for (let i = (await rows.count()) - 1; i >= 0 && away.length < 2; i--) {
      const text = (await rows.nth(i).textContent()) ?? '';
      if (!keep.some((k) => text.includes(k))) away.push(i);
    }
    const reasons: Array<[string, string]> = [
      ['Có phép', 'Ốm, có giấy xin phép'],
      ['Vắng', 'Trùng lịch coi kiểm tra'],
    ];
    for (const [k, i] of away.entries()) {
      const row = rows.nth(i);
      await t.chosen(row.getByText(reasons[k][0], { exact: true }));
      await t.typed(row.getByLabel('Lý do vắng'), reasons[k][1]);
    }
    if (shoot) await screenshot(s.page, `term-walk-attendance-${n % 2 === 0 ? 'desktop' : 'phone'}`);
    await t.confirm(s.page.getByTestId('attendance-all-present'));
    await s.page.getByText('Đã lưu: những người còn lại có mặt.').waitFor();

    await s.page.goto(`/meetings/${meetingId}/minutes`);
    await t.typed(
      s.page.getByRole('textbox', { name: 'Những nội dung góp ý trao đổi' }),
      `Buổi ${n}: giáo viên trao đổi cách tổ chức hoạt động nhóm; học sinh hợp tác tốt, cần thêm thời gian vận dụng.`,
    );
    await t.typed(s.page.getByRole('textbox', { name: 'Kiến nghị' }), 'Nhân rộng cách tổ chức hoạt động nhóm trong ba trường.');
    await t.confirm(s.page.getByRole('button', { name: 'Lưu biên bản' }));
    await s.page
      .getByText(/Đã lưu phiên bản/)
      .first()
      .waitFor();
    await t.confirm(s.page.getByRole('button', { name: 'Bắt đầu ký' }).first());
    await t.confirm(s.page.getByRole('dialog').getByRole('button', { name: 'Bắt đầu ký' }));
    await expect.poll(async () => (await this.leaderJson<{ status: string }>(`/api/meetings/${meetingId}/minutes`)).status).toBe('signing');
    await s.ctx.close();
  }

  /** Every participant logs in once and signs each of their minutes from Việc cần làm in one tap; the chair last. */
  async signEverything(meetingIds: string[]): Promise<number> {
    this.typing.at('Ký biên bản');
    const byPerson = new Map<string, string[]>();
    let chair = '';
    for (const id of meetingIds) {
      const m = await this.leaderJson<{ participants: Array<{ personId: string; role: string }> }>(`/api/meetings/${id}/minutes`);
      for (const p of m.participants) {
        if (p.role === 'chair') chair = p.personId;
        else byPerson.set(p.personId, [...(byPerson.get(p.personId) ?? []), id]);
      }
    }
    const people = [...byPerson.entries()];
    let shot = false;
    const signAll = async (personId: string, ids: string[]) => {
      const { email } = await this.json<{ email: string }>(ADMIN, `/api/people/${personId}`);
      const s = await this.as(email, PHONE);
      for (const id of ids) {
        const item = s.page.getByTestId(`todo-minutes-${id}`);
        await item.waitFor();
        if (!shot && ids.length > 2) {
          shot = true;
          await screenshot(s.page, 'term-walk-todo-phone');
        }
        // The signature before is confirmed in a line of the card: nothing lies over this item's button.
        expect(await s.page.locator('.mantine-Notification-root').count()).toBe(0);
        await this.typing.tap(s.page.getByTestId(`todo-sign-${id}`));
        this.signatures++;
        await item.waitFor({ state: 'detached' });
      }
      await s.ctx.close();
    };
    // Participants sign in threes at once (as they would, each on their own phone); the chair last.
    for (let i = 0; i < people.length; i += 3) await Promise.all(people.slice(i, i + 3).map(([p, ids]) => signAll(p, ids)));
    await signAll(chair, meetingIds);
    return people.length + 1;
  }

  /** The term report: the two texts that are not generated, sent; the Sở accepts it. */
  async reportWrittenAndAccepted(): Promise<{ status: string; termNumber: number | null }> {
    const t = this.typing.at('Báo cáo học kỳ');
    const lead = await this.as(LEADER, PHONE);
    await lead.page.goto(`/networks/${this.term?.groupId}`);
    await lead.page.getByTestId('reports-link').click();
    await t.confirm(lead.page.getByTestId('report-create'));
    // The term is the one the date says (term II has begun): accepted as shown, not chosen.
    await expect.poll(() => lead.page.getByTestId('report-term').locator('input:checked').getAttribute('value')).toBe('2');
    await t.confirm(lead.page.getByTestId('report-create-confirm'));
    await lead.page.getByTestId('report-narrative').waitFor();
    await t.typed(lead.page.getByTestId('report-advantages'), 'Ba trường gần nhau; hai buổi kết hợp giúp giáo viên điểm trường dự đủ.');
    await t.typed(lead.page.getByTestId('report-recommendations'), 'Đề nghị Sở tổ chức tập huấn nghiên cứu bài học cho tổ trưởng.');
    await t.confirm(lead.page.getByTestId('report-submit'));
    await t.confirm(lead.page.getByTestId('report-submit-confirm'));
    await expect.poll(() => lead.page.getByTestId('report-status').textContent()).toBe('Đã gửi');
    const reportPath = new URL(lead.page.url()).pathname;
    await lead.ctx.close();

    const office = await this.as(OFFICE);
    await office.page.goto(reportPath);
    await t.confirm(office.page.getByTestId('report-accept'));
    await t.confirm(office.page.getByTestId('report-review-confirm'));
    await expect.poll(() => office.page.getByTestId('report-status').textContent()).toBe('Đã tiếp nhận');
    await screenshot(office.page, 'term-walk-report-accepted-desktop');
    await office.ctx.close();
    return this.json<{ status: string; termNumber: number | null }>(OFFICE, `/api${reportPath}`);
  }
}
