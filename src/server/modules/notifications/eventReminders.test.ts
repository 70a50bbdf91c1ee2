import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssignment, buildMeeting, buildPanelEntry, buildPanelEvent, buildRuleSet, buildUser } from '../../../../tests/factories';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildNoticeApp, reopenableDatabase } from '../../../../tests/helpers/noticeApp';
import { buildPanelWorld, type PanelWorld } from '../../../../tests/helpers/panelWorld';
import { TestSmtp } from '../../../../tests/helpers/smtpServer';
import type { NotificationList } from '../../../shared/meetings';
import type { PreparationView } from '../../../shared/preparation';
import type { Database } from '../../db/client';
import { subjects } from '../../db/schema';
import { dossierDue, preparationDue } from './eventDeadlines';
import { runSchedulerOnce } from './scheduler';

/**
 * Reminders of the deadlines that hang on events (issue 4 item 1): team dossiers for a panel event (rules
 * `dossierDaysBefore`, seed 004) and the plan and preparation report of a province-level meeting (rules
 * `preparationDaysBefore`, seed 002 §III.2). Through the real app and an in-process SMTP server, across restarts.
 */

let store: Awaited<ReturnType<typeof reopenableDatabase>>;
let database: Database;
let app: Awaited<ReturnType<typeof buildNoticeApp>>;
let w: PanelWorld;
const smtp = new TestSmtp();
type User = Awaited<ReturnType<typeof buildUser>>;
const u: Record<'head1b' | 'deputy1b' | 'head1c' | 'head2' | 'vice1', User> = {} as never;
let eventId: string;
const assignment: { own: string; other: string; unlinked: string } = { own: '', other: '', unlinked: '' };
let ownMeetingId: string;

const EVENT_TITLE = 'Trưng bày hồ sơ tổ chuyên môn cấp xã';
const at = (day: string) => new Date(`${day}T02:00:00Z`); // 09:00 in Vietnam

async function restart() {
  await app.close();
  await database.close();
  database = await store.open();
  app = await buildNoticeApp(database, store.url, smtp.url);
}

/** Subjects of the mails one address has received. */
const subjectsTo = (address: string) => smtp.to(address).map((m) => m.subject);

async function login(x: { email: string; password: string }) {
  return app.client().login(x.email, x.password);
}

beforeAll(async () => {
  await smtp.start();
  store = await reopenableDatabase();
  database = await store.open();
  const db = database.db;
  w = await buildPanelWorld(db);
  const user = (fullName: string, email: string, orgIds: string[], position: 'team_head' | 'team_deputy' | 'vice_principal') =>
    buildUser(db, { fullName, email, positions: orgIds.map((orgId) => ({ orgId, position })) });
  u.head1b = await user('Tổ trưởng Toán 1b', 'tt1b@tn.vn', [w.teams[2].id], 'team_head');
  u.deputy1b = await user('Tổ phó KHTN 1b', 'tp1b@tn.vn', [w.teams[3].id], 'team_deputy');
  u.head1c = await user('Tổ trưởng 1c', 'tt1c@tn.vn', [w.teams[4].id, w.teams[5].id], 'team_head');
  u.head2 = await user('Tổ trưởng 2', 'tt2@tn.vn', [w.orgs.team2.id], 'team_head');
  u.vice1 = await user('Phó hiệu trưởng 1', 'hp1@tn.vn', [w.orgs.school1.id], 'vice_principal');

  // Commune 1 asks for dossiers 2 days before its events (seed 004); the Sở for preparation one week before (seed 002).
  await buildRuleSet(db, { orgId: w.orgs.commune1.id, schoolYearId: w.year.id, dossierDaysBefore: 2 });
  await buildRuleSet(db, { orgId: w.orgs.province.id, schoolYearId: w.year.id, preparationDaysBefore: 7 });

  // A panel event of commune 1 on 20/11/2025, entries taken until 17:00 on 19/11: due 18/11 by the commune's rules.
  ({ id: eventId } = await buildPanelEvent(db, {
    organiserOrgId: w.orgs.commune1.id,
    headPersonId: w.users.panelHead.person.id,
    memberIds: [w.users.principal1b.person.id],
    title: EVENT_TITLE,
    eventDate: '2025-11-20',
    submissionDeadline: new Date('2025-11-19T17:00:00+07:00'),
  }));
  // Team 1 (Tổ trưởng 1) has already submitted its dossier.
  await buildPanelEntry(db, { eventId, teamOrgId: w.teams[0].id, presenterIds: [w.users.teamHead.person.id] });

  // Province-level meetings: school 1's on 21/10/2025 (due 14/10), school 2's on 23/10/2025, one assignment unlinked.
  const toan = (await db.select().from(subjects)).find((s) => s.code === 'toan')?.id as string;
  const meeting = (hostOrgId: string, day: string) =>
    buildMeeting(db, {
      hostOrgId,
      schoolYearId: w.year.id,
      kind: 'lesson_study',
      title: 'Sinh hoạt chuyên môn cấp tỉnh môn Toán 8',
      status: 'scheduled',
      startsAt: new Date(`${day}T07:30:00+07:00`),
      endsAt: new Date(`${day}T11:00:00+07:00`),
    });
  const own = await meeting(w.orgs.school1.id, '2025-10-21');
  ownMeetingId = own.id;
  const other = await meeting(w.orgs.school2.id, '2025-10-23');
  const assign = (unitOrgId: string, month: string, meetingId: string | null) =>
    buildAssignment(db, { provinceOrgId: w.orgs.province.id, schoolYearId: w.year.id, unitOrgId, subjectId: toan, month, meetingId });
  assignment.own = (await assign(w.orgs.school1.id, '2025-10', own.id)).id;
  assignment.other = (await assign(w.orgs.school2.id, '2025-10', other.id)).id;
  assignment.unlinked = (await assign(w.orgs.school1b.id, '2025-10', null)).id;

  app = await buildNoticeApp(database, store.url, smtp.url);
  // Everyone concerned wants deadline reminders by e-mail at once.
  const people = [u.head1b, u.deputy1b, u.head1c, u.head2, u.vice1, w.users.teamHead, w.users.principal, w.users.otherPrincipal];
  for (const p of people) {
    const res = await (await login(p)).put('/api/notifications/preferences', {
      preferences: [{ category: 'deadlines', channel: 'email_now' }],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await store?.drop();
  await smtp.stop();
});

describe('due dates', () => {
  it('takes the earlier of the event’s own deadline and the rules; preparation one week before by default', () => {
    const event = { eventDate: '2025-11-20', submissionDeadline: new Date('2025-11-19T17:00:00+07:00') };
    expect(dossierDue(event, null)).toBe('2025-11-19');
    expect(dossierDue(event, 2)).toBe('2025-11-18');
    expect(dossierDue(event, 0)).toBe('2025-11-19');
    // 23:30 in Vietnam is still the 19th there.
    expect(dossierDue({ eventDate: '2025-11-25', submissionDeadline: new Date('2025-11-19T16:30:00Z') }, 2)).toBe('2025-11-19');
    expect(preparationDue(new Date('2025-10-21T07:30:00+07:00'), null)).toBe('2025-10-14');
    expect(preparationDue(new Date('2025-10-21T07:30:00+07:00'), 3)).toBe('2025-10-18');
  });
});

describe('preparation reports of province-level meetings', () => {
  it('are recorded by the unit’s managers only; bad input and wrong states change nothing', async () => {
    const url = `/api/assignments/${assignment.other}/preparation`;
    for (const who of [w.users.teacher, w.users.principal, w.users.otherTeacher]) {
      const before = await tableCounts(database.db);
      const res = await (await login(who)).post(url, {});
      expect(res.statusCode, who.email).toBe(403);
      expect(await tableCounts(database.db)).toEqual(before);
    }
    const other = await login(w.users.otherPrincipal);
    let before = await tableCounts(database.db);
    const long = await other.post(url, { notes: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0]).toMatchObject({ field: 'notes' });
    expect(long.json().fields[0].message).toContain('Ghi chú');
    expect(await tableCounts(database.db)).toEqual(before);

    const unlinked = await (await login(w.users.principal1b)).post(`/api/assignments/${assignment.unlinked}/preparation`, {});
    expect(unlinked.statusCode).toBe(409);
    expect(unlinked.json().message).toContain('chưa gắn buổi sinh hoạt chuyên môn');
    expect(await tableCounts(database.db)).toEqual(before);

    // School 2 sends its plan and preparation report before any reminder.
    const sent = await other.post(url, { notes: 'Đã gửi kế hoạch và báo cáo chuẩn bị qua Phòng GDTrH' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<PreparationView>()).toMatchObject({
      dueDate: '2025-10-16',
      submitted: { byName: 'Hiệu trưởng 2', notes: 'Đã gửi kế hoạch và báo cáo chuẩn bị qua Phòng GDTrH' },
      can: { submit: false },
    });
    before = await tableCounts(database.db);
    const again = await other.post(url, {});
    expect(again.statusCode).toBe(409);
    expect(await tableCounts(database.db)).toEqual(before);

    const mine = await (await login(w.users.principal)).get(`/api/assignments/${assignment.own}/preparation`);
    expect(mine.json<PreparationView>()).toMatchObject({ dueDate: '2025-10-14', submitted: null, can: { submit: true } });
    expect((await (await login(w.users.teacher)).get(`/api/assignments/${assignment.own}/preparation`)).json().can.submit).toBe(false);
    expect((await (await login(w.users.otherPrincipal)).get(`/api/assignments/${assignment.own}/preparation`)).statusCode).toBe(403);
  });

  it('are reminded 7 days and 1 day ahead and when overdue, once per person, across restarts; not once sent', async () => {
    for (const day of ['2025-10-06', '2025-10-07', '2025-10-07', '2025-10-13', '2025-10-13', '2025-10-15', '2025-10-15', '2025-10-22']) {
      await runSchedulerOnce(app.ctx, at(day));
      if (day === '2025-10-07' || day === '2025-10-15') await restart();
    }
    const expected = ['Sắp đến hạn', 'Sắp hết hạn', 'Quá hạn'].map(
      (head) => `[Liên Trường] ${head} gửi kế hoạch và báo cáo chuẩn bị SHCM cấp tỉnh: Sinh hoạt chuyên môn cấp tỉnh môn Toán 8`,
    );
    // The unit's principal (also the host's), and the host's vice-principal.
    expect(subjectsTo('ht1@tn.vn')).toEqual(expected);
    expect(subjectsTo('hp1@tn.vn')).toEqual(expected);
    const [first] = smtp.to('ht1@tn.vn');
    expect(first.text).toContain('Buổi sinh hoạt chuyên môn cấp tỉnh ngày 21/10/2025 (Trường THCS Tân Thạnh Đông)');
    expect(first.text).toContain('hạn gửi kế hoạch và báo cáo công tác chuẩn bị về Sở GD&ĐT là ngày 14/10/2025');
    expect(first.text).toContain(`/meetings/${ownMeetingId}`);
    // School 2 had sent its report; teachers and team heads are not told.
    expect(subjectsTo('ht2@tn.vn')).toEqual([]);
    expect(subjectsTo('gv1@tn.vn')).toEqual([]);
    expect(subjectsTo('tt1@tn.vn')).toEqual([]);

    const kinds = ((await (await login(w.users.principal)).get('/api/notifications')).json() as NotificationList).items
      .map((i) => i.kind)
      .sort();
    expect(kinds).toEqual(['deadline_preparation_1d', 'deadline_preparation_7d', 'deadline_preparation_overdue']);
  });
});

describe('dossiers for a panel event', () => {
  it('remind the heads and deputies of teams that have not entered, once per person and stage, across restarts', async () => {
    const received = smtp.received.length;
    for (const day of ['2025-11-10', '2025-11-11', '2025-11-11', '2025-11-17', '2025-11-17', '2025-11-19', '2025-11-19', '2025-11-21']) {
      await runSchedulerOnce(app.ctx, at(day));
      if (day === '2025-11-11' || day === '2025-11-19') await restart();
    }
    const expected = (teams: string) =>
      ['Sắp đến hạn', 'Sắp hết hạn', 'Quá hạn'].map((head) => `[Liên Trường] ${head} nộp hồ sơ dự thi «${EVENT_TITLE}»: ${teams}`);
    expect(subjectsTo('tt1b@tn.vn')).toEqual(expected('Tổ Toán'));
    expect(subjectsTo('tp1b@tn.vn')).toEqual(expected('Tổ Khoa học tự nhiên'));
    // One person heading two teams gets one mail per stage naming both.
    expect(subjectsTo('tt1c@tn.vn')).toEqual(expected('Tổ Ngoại ngữ, Tổ Toán - Tin'));
    const [first] = smtp.to('tt1b@tn.vn');
    expect(first.text).toContain('Hạn nộp hồ sơ (kế hoạch, sổ ghi chép sinh hoạt chuyên môn, video báo cáo) là ngày 18/11/2025');
    expect(first.text).toContain(`/panels/${eventId}`);
    // Team 1 has entered; team 2 is not under the organiser; principals are not dossier-keepers.
    expect(subjectsTo('tt1@tn.vn')).toEqual([]);
    expect(subjectsTo('tt2@tn.vn')).toEqual([]);
    expect(subjectsTo('hp1@tn.vn')).toHaveLength(3);
    expect(smtp.received.length - received).toBe(9);

    const kinds = ((await (await login(u.head1c)).get('/api/notifications')).json() as NotificationList).items.map((i) => i.kind).sort();
    expect(kinds).toEqual(['deadline_dossier_1d', 'deadline_dossier_7d', 'deadline_dossier_overdue']);
  });

  it('stop for a team once it has entered, and keep retrying a refused send until it goes through once', async () => {
    const event = await buildPanelEvent(database.db, {
      organiserOrgId: w.orgs.commune1.id,
      headPersonId: w.users.panelHead.person.id,
      memberIds: [],
      title: 'Hội thi video báo cáo chuyên đề',
      eventDate: '2025-12-20',
      submissionDeadline: new Date('2025-12-19T17:00:00+07:00'),
    });
    // Teams of school 1b enter; the 1c head is reminded, and the SMTP server refuses at first.
    await buildPanelEntry(database.db, { eventId: event.id, teamOrgId: w.teams[2].id, presenterIds: [u.head1b.person.id] });
    await buildPanelEntry(database.db, { eventId: event.id, teamOrgId: w.teams[3].id, presenterIds: [u.deputy1b.person.id] });
    const before = { b: smtp.to('tt1b@tn.vn').length, d: smtp.to('tp1b@tn.vn').length, c: smtp.to('tt1c@tn.vn').length };
    smtp.refuse = true;
    expect(await runSchedulerOnce(app.ctx, at('2025-12-11'))).toMatchObject({ sent: 0 });
    smtp.refuse = false;
    await restart();
    await runSchedulerOnce(app.ctx, new Date(at('2025-12-11').getTime() + 3600_000));
    await runSchedulerOnce(app.ctx, new Date(at('2025-12-11').getTime() + 7200_000));
    expect(smtp.to('tt1b@tn.vn')).toHaveLength(before.b);
    expect(smtp.to('tp1b@tn.vn')).toHaveLength(before.d);
    expect(subjectsTo('tt1c@tn.vn').slice(before.c)).toEqual([
      '[Liên Trường] Sắp đến hạn nộp hồ sơ dự thi «Hội thi video báo cáo chuyên đề»: Tổ Ngoại ngữ, Tổ Toán - Tin',
    ]);
  });
});
