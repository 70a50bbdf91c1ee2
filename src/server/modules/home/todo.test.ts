import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, buildUser } from '../../../../tests/factories';
import { buildRuleSet } from '../../../../tests/factories/rules';
import { buildMinutesMeeting, buildMinutesWorld, clientPool, type MinutesWorld } from '../../../../tests/helpers/minutesWorld';
import { nextEvening } from '../../../../tests/helpers/noticeTime';
import { planBody } from '../../../../tests/helpers/planWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { TodoView } from '../../../shared/homeViews';
import { mailOutbox, notifications } from '../../db/schema';
import * as networksRepo from '../networks/repo';
import { buildDigests } from '../notifications/digest';
import * as schoolYearsRepo from '../schoolYears/repo';

let t: TestApp;
let w: MinutesWorld & { users: MinutesWorld['users'] & { networkLeader: Awaited<ReturnType<typeof buildUser>> } };
let as: (u: { email: string; password: string }) => Promise<TestClient>;
type Who = keyof typeof w.users;
const user = (r: Who) => as(w.users[r]);
const todo = async (r: Who): Promise<TodoView> => {
  const res = await (await user(r)).get('/api/home/todo');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const noticesOf = (personId: string, kind: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId), eq(notifications.kind, kind)));
const mailTo = (personId: string) => t.db.select().from(mailOutbox).where(eq(mailOutbox.personId, personId));
const isoDay = (offsetDays: number) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp({ schedulerIntervalSeconds: 0 });
  const mw = await buildMinutesWorld(t.db, { guests: 1 });
  // As planWorld: a named leader of network 1 who teaches at school 1b.
  const networkLeader = await buildUser(t.db, {
    fullName: 'Nhóm trưởng 1',
    email: 'nt1@tn.vn',
    positions: [{ orgId: mw.orgs.school1b.id, position: 'teacher' }],
  });
  await networksRepo.setMembersAndLeaders(
    t.db,
    mw.networks.network1.id,
    [mw.orgs.school1.id, mw.orgs.school1b.id],
    [{ personId: networkLeader.person.id, role: 'leader' }],
  );
  w = { ...mw, users: { ...mw.users, networkLeader } };
  as = clientPool(t);
});
afterAll(() => t.close());

describe('GET /api/home/todo', () => {
  it('asks for a session, and starts empty for everyone', async () => {
    expect((await t.client().get('/api/home/todo')).statusCode).toBe(401);
    for (const r of ['teacher', 'principal', 'communeLeader', 'networkLeader'] as const) expect((await todo(r)).counts.total, r).toBe(0);
  });

  it('lists minutes waiting for my signature, signable from the list with the minutes sign route', async () => {
    const m = await buildMinutesMeeting(t.db, w);
    const secretary = await user('teamHead');
    const att = await secretary.put(`/api/meetings/${m.meeting.id}/attendance`, {
      entries: [
        { personId: w.users.teacher.person.id, status: 'present' },
        { personId: w.users.teamHead.person.id, status: 'present' },
        { personId: w.guests[0].person.id, status: 'absent', reason: 'Trùng lịch coi thi' },
      ],
    });
    expect(att.statusCode, att.body).toBe(200);
    // Held, attendance saved, minutes not out for signing: the secretary's and the chair's task is the minutes.
    expect((await todo('teamHead')).meetingTasks).toEqual([
      expect.objectContaining({ meetingId: m.meeting.id, role: 'secretary', task: 'minutes' }),
    ]);
    expect((await todo('principal')).meetingTasks).toEqual([expect.objectContaining({ meetingId: m.meeting.id, role: 'chair' })]);
    await secretary.put(`/api/meetings/${m.meeting.id}/minutes`, { discussion: '<p>Góp ý</p>', recommendations: '' });
    expect((await secretary.post(`/api/meetings/${m.meeting.id}/minutes/start-signing`)).statusCode).toBe(200);

    const teacher = await todo('teacher');
    expect(teacher.counts.minutesToSign).toBe(1);
    expect(teacher.minutesToSign[0]).toMatchObject({
      meetingId: m.meeting.id,
      title: m.meeting.title,
      role: 'participant',
      signed: 0,
      total: 3,
      waitingFor: 0,
      link: `/meetings/${m.meeting.id}/minutes`,
    });
    // The chair signs last: listed, with the number of signatures still missing before them.
    expect((await todo('principal')).minutesToSign[0]).toMatchObject({ role: 'chair', waitingFor: 2 });
    // The absent guest and a colleague who was not invited have nothing to sign; the secretary's task moved to signing.
    expect(((await (await as(w.guests[0])).get('/api/home/todo')).json() as TodoView).counts.minutesToSign).toBe(0);
    expect((await todo('sameSchoolTeacher')).counts.minutesToSign).toBe(0);
    expect((await todo('teamHead')).meetingTasks).toEqual([]);

    expect((await (await user('teacher')).post(`/api/meetings/${m.meeting.id}/minutes/sign`)).statusCode).toBe(200);
    expect((await todo('teacher')).counts.minutesToSign).toBe(0);
    expect((await todo('principal')).minutesToSign[0]).toMatchObject({ role: 'chair', signed: 1, waitingFor: 1 });
  });

  it('tells the reviewer of a submitted plan (in-app and by e-mail) and lists it for them only', async () => {
    const office = await user('communeLeader');
    const pref = await office.put('/api/notifications/preferences', { preferences: [{ category: 'reviews', channel: 'email_now' }] });
    expect(pref.statusCode, pref.body).toBe(200);
    const leader = await user('networkLeader');
    const created = await leader.post('/api/plans', planBody(w as never));
    expect(created.statusCode, created.body).toBe(201);
    const planId = created.json().id as string;
    expect((await leader.post(`/api/plans/${planId}/submit`)).statusCode).toBe(200);

    const [notice] = await noticesOf(w.users.communeLeader.person.id, 'plan_submitted');
    expect(notice).toMatchObject({ link: `/plans/${planId}`, emailMode: 'now' });
    expect(notice.title).toContain('Kế hoạch SHCM liên trường học kỳ I');
    expect(notice.title).toContain('Nhóm xã 1');
    const mails = await mailTo(w.users.communeLeader.person.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: 'xa1@tn.vn', status: 'pending' });
    expect(mails[0].subject).toContain('Kế hoạch chờ duyệt');
    // The commune has a reviewer, so the Sở above it (who could also review) and the schools are not told.
    for (const r of ['specialist', 'principal', 'networkLeader'] as const)
      expect(await noticesOf(w.users[r].person.id, 'plan_submitted'), r).toEqual([]);

    expect((await todo('communeLeader')).plansToReview).toEqual([
      expect.objectContaining({
        id: planId,
        title: 'Kế hoạch SHCM liên trường học kỳ I',
        ownerName: 'Nhóm xã 1',
        link: `/plans/${planId}`,
      }),
    ]);
    for (const r of ['specialist', 'principal', 'networkLeader', 'otherPrincipal'] as const)
      expect((await todo(r)).counts.plansToReview, r).toBe(0);

    // Returned: off the reviewer's list; the leader (creator and submitter) is told.
    expect((await office.post(`/api/plans/${planId}/return`, { comment: 'Ghi rõ người dạy minh họa' })).statusCode).toBe(200);
    expect((await todo('communeLeader')).counts.plansToReview).toBe(0);
    expect(await noticesOf(w.users.networkLeader.person.id, 'plan_returned')).toHaveLength(1);
  });

  it('tells the nearest office with a reviewer when the reviewer org has none; a school reviews its teams', async () => {
    // Network 2's commune has no office staff: the Sở's specialist is told (by default in the daily digest).
    const net2 = await (await user('otherPrincipal')).post(
      '/api/plans',
      planBody(w as never, {
        networkId: w.networks.network2.id,
        title: 'Kế hoạch nhóm xã 2',
        items: [{ kind: 'topic_report', content: 'Chuyên đề Toán 9', hostOrgId: w.orgs.school2.id, proposedDate: '2025-11-12' }],
      }),
    );
    expect(net2.statusCode, net2.body).toBe(201);
    expect((await (await user('otherPrincipal')).post(`/api/plans/${net2.json().id}/submit`)).statusCode).toBe(200);
    const [notice] = await noticesOf(w.users.specialist.person.id, 'plan_submitted');
    expect(notice).toMatchObject({ link: `/plans/${net2.json().id}`, emailMode: 'digest' });
    expect(await buildDigests({ database: t.database, config: t.config, mailer: { send: async () => {} } }, nextEvening())).toBeGreaterThan(
      0,
    );
    const [digest] = await mailTo(w.users.specialist.person.id);
    expect(digest.text).toContain('Kế hoạch nhóm xã 2');
    expect((await todo('specialist')).plansToReview.map((p) => p.id)).toEqual([net2.json().id]);

    // A team's plan goes to its school: the principal is told and lists it; the commune is not.
    const teamPlan = await (await user('teamHead')).post('/api/plans', {
      orgId: w.orgs.team1.id,
      schoolYearId: w.year.id,
      termNumber: 1,
      title: 'Kế hoạch tổ Toán - Tin',
      items: [{ kind: 'demo_lesson', content: 'Thao giảng Tin học 8', hostOrgId: w.orgs.school1.id, proposedDate: '2025-10-20' }],
    });
    expect(teamPlan.statusCode, teamPlan.body).toBe(201);
    expect((await (await user('teamHead')).post(`/api/plans/${teamPlan.json().id}/submit`)).statusCode).toBe(200);
    expect(await noticesOf(w.users.principal.person.id, 'plan_submitted')).toHaveLength(1);
    expect((await todo('principal')).plansToReview.map((p) => p.title)).toEqual(['Kế hoạch tổ Toán - Tin']);
    expect((await todo('communeLeader')).counts.plansToReview).toBe(0);
  });

  it("lists the reports and plan a network leader owes by the rules' deadlines, and tells the reviewer on submission", async () => {
    // A school year running today, so deadlines are near whatever the day the test runs.
    const year = await schoolYearsRepo.insert(t.db, { code: '2099-2100', startDate: isoDay(-60), endDate: isoDay(240) }, [
      { number: 1, startDate: isoDay(-60), endDate: isoDay(40) },
      { number: 2, startDate: isoDay(45), endDate: isoDay(240) },
    ]);
    const network = await buildNetwork(t.db, {
      schoolYearId: year.id,
      supervisingOrgId: w.orgs.commune1.id,
      memberOrgIds: [w.orgs.school1.id, w.orgs.school1b.id],
      leadOrgId: w.orgs.school1.id,
      name: 'Nhóm liên trường năm nay',
      leaders: [{ personId: w.users.networkLeader.person.id, role: 'leader' }],
    });
    await buildRuleSet(t.db, {
      orgId: w.orgs.commune1.id,
      schoolYearId: year.id,
      planDueDate: isoDay(-5),
      term1ReportDue: isoDay(10),
      yearReportDue: isoDay(200),
    });
    const due = await todo('networkLeader');
    expect(due.reportsDue).toEqual([
      {
        key: `report:${network.id}:term1`,
        ownerName: 'Nhóm liên trường năm nay',
        period: 'term1',
        due: isoDay(10),
        overdue: false,
        status: 'none',
        link: `/reports?networkId=${network.id}`,
      },
    ]);
    expect(due.plansDue).toEqual([
      expect.objectContaining({ ownerName: 'Nhóm liên trường năm nay', due: isoDay(-5), overdue: true, status: 'none' }),
    ]);
    // Deadlines are the leaders' work, not their colleagues'.
    expect((await todo('teacher')).counts.reportsDue).toBe(0);

    const leader = await user('networkLeader');
    const report = await leader.post('/api/reports', { networkId: network.id, schoolYearId: year.id, termNumber: 1 });
    expect(report.statusCode, report.body).toBe(201);
    const reportId = report.json().id as string;
    expect((await todo('networkLeader')).reportsDue[0]).toMatchObject({ status: 'draft', link: `/reports/${reportId}` });
    expect((await leader.post(`/api/reports/${reportId}/submit`)).statusCode).toBe(200);
    expect((await todo('networkLeader')).counts.reportsDue).toBe(0);

    const [notice] = await noticesOf(w.users.communeLeader.person.id, 'report_submitted');
    expect(notice).toMatchObject({ link: `/reports/${reportId}`, emailMode: 'now' });
    expect(notice.title).toContain('Nhóm liên trường năm nay');
    expect((await mailTo(w.users.communeLeader.person.id)).some((m) => m.subject.includes('Báo cáo học kỳ I'))).toBe(true);
    expect((await todo('communeLeader')).reportsToReview).toEqual([
      expect.objectContaining({ id: reportId, title: 'Báo cáo học kỳ I', ownerName: 'Nhóm liên trường năm nay' }),
    ]);
    expect((await todo('specialist')).counts.reportsToReview).toBe(0);
  });
});
