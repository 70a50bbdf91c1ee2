import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, buildRuleSet, buildUser } from '../../../../tests/factories';
import { buildNoticeApp, reopenableDatabase } from '../../../../tests/helpers/noticeApp';
import { buildPlanWorld, type PlanWorld } from '../../../../tests/helpers/planWorld';
import { TestSmtp } from '../../../../tests/helpers/smtpServer';
import type { NotificationList } from '../../../shared/meetings';
import type { Database } from '../../db/client';
import * as networksRepo from '../networks/repo';
import { runSchedulerOnce } from './scheduler';

let store: Awaited<ReturnType<typeof reopenableDatabase>>;
let database: Database;
let app: Awaited<ReturnType<typeof buildNoticeApp>>;
let w: PlanWorld;
let deputy: Awaited<ReturnType<typeof buildUser>>;
const smtp = new TestSmtp();

// Vietnam is UTC+7: 02:00Z is 09:00 there, 11:00Z is 18:00 (after the 17:00 digest hour).
const T7 = new Date('2025-09-08T02:00:00Z'); // 7 days before the plan deadline of 15/09/2025
const DIGEST = new Date('2025-09-08T11:00:00Z');
const T1 = new Date('2025-09-14T02:00:00Z'); // the day before
const OVER = new Date('2025-09-16T02:00:00Z'); // the day after

/** Closes the app and the database and opens both again: an app restart. */
async function restart() {
  await app.close();
  await database.close();
  database = await store.open();
  app = await buildNoticeApp(database, store.url, smtp.url);
}

beforeAll(async () => {
  await smtp.start();
  store = await reopenableDatabase();
  database = await store.open();
  w = await buildPlanWorld(database.db);
  deputy = await buildUser(database.db, {
    fullName: 'Nhóm phó 1',
    email: 'np1@tn.vn',
    positions: [{ orgId: w.orgs.school1.id, position: 'teacher' }],
  });
  await networksRepo.setMembersAndLeaders(
    database.db,
    w.networks.network1.id,
    [w.orgs.school1.id, w.orgs.school1b.id],
    [
      { personId: w.users.networkLeader.person.id, role: 'leader' },
      { personId: deputy.person.id, role: 'deputy' },
    ],
  );
  await networksRepo.setMembersAndLeaders(
    database.db,
    w.networks.network2.id,
    [w.orgs.school2.id, w.orgs.school2b.id],
    [{ personId: w.users.otherPrincipal.person.id, role: 'leader' }],
  );
  const dates = { planDueDate: '2025-09-15', term1ReportDue: '2025-12-20', yearReportDue: '2026-05-16' };
  await buildRuleSet(database.db, { orgId: w.orgs.commune1.id, schoolYearId: w.year.id, ...dates });
  await buildRuleSet(database.db, { orgId: w.orgs.commune2.id, schoolYearId: w.year.id, ...dates });
  // Network 2 already has an approved plan: no plan reminder for it.
  await buildPlan(database.db, {
    schoolYearId: w.year.id,
    reviewerOrgId: w.orgs.commune2.id,
    networkId: w.networks.network2.id,
    status: 'approved',
  });
  app = await buildNoticeApp(database, store.url, smtp.url);
});

afterAll(async () => {
  await app.close();
  await database.close();
  await store.drop();
  await smtp.stop();
});

describe('deadline reminders by e-mail', () => {
  it('reach the SMTP server once per person and deadline, also across restarts', async () => {
    const leader = await app.client().login(w.users.networkLeader.email, w.users.networkLeader.password);
    const put = await leader.put('/api/notifications/preferences', { preferences: [{ category: 'deadlines', channel: 'email_now' }] });
    expect(put.statusCode, put.body).toBe(200);

    expect(await runSchedulerOnce(app.ctx, T7)).toMatchObject({ sent: 1, failed: 0 });
    await runSchedulerOnce(app.ctx, T7);
    expect(smtp.to('nt1@tn.vn')).toHaveLength(1);
    const [first] = smtp.to('nt1@tn.vn');
    expect(first.subject).toBe('[Liên Trường] Sắp đến hạn nộp kế hoạch SHCM năm học 2025-2026: Nhóm xã 1');
    expect(first.text).toContain('Kính gửi Nhóm trưởng 1,');
    expect(first.text).toContain('Hạn nộp kế hoạch sinh hoạt chuyên môn là ngày 15/09/2025');
    expect(first.text).toContain(`${app.ctx.config.publicUrl}/plans?networkId=${w.networks.network1.id}`);
    // The deputy keeps the default (daily digest): nothing before 17:00. Network 2 has its plan approved.
    expect(smtp.to('np1@tn.vn')).toHaveLength(0);
    expect(smtp.to('ht2@tn.vn')).toHaveLength(0);

    await restart();
    expect(await runSchedulerOnce(app.ctx, T7)).toMatchObject({ reminders: 0, sent: 0 });
    expect(smtp.to('nt1@tn.vn')).toHaveLength(1);

    // 18:00: the deputy's digest holds the same reminder; built once even when the scheduler runs again.
    expect(await runSchedulerOnce(app.ctx, DIGEST)).toMatchObject({ digests: 1, sent: 1 });
    await restart();
    expect(await runSchedulerOnce(app.ctx, DIGEST)).toMatchObject({ digests: 0, sent: 0 });
    const digest = smtp.to('np1@tn.vn');
    expect(digest).toHaveLength(1);
    expect(digest[0].subject).toBe('[Liên Trường] Tổng hợp thông báo ngày 08/09/2025 (1)');
    expect(digest[0].text).toContain('1. Sắp đến hạn nộp kế hoạch SHCM năm học 2025-2026: Nhóm xã 1');

    await runSchedulerOnce(app.ctx, T1);
    await restart();
    await runSchedulerOnce(app.ctx, T1);
    await runSchedulerOnce(app.ctx, OVER);
    await restart();
    await runSchedulerOnce(app.ctx, OVER);
    await runSchedulerOnce(app.ctx, new Date('2025-09-20T02:00:00Z'));
    expect(smtp.to('nt1@tn.vn').map((m) => m.subject)).toEqual([
      '[Liên Trường] Sắp đến hạn nộp kế hoạch SHCM năm học 2025-2026: Nhóm xã 1',
      '[Liên Trường] Sắp hết hạn nộp kế hoạch SHCM năm học 2025-2026: Nhóm xã 1',
      '[Liên Trường] Quá hạn nộp kế hoạch SHCM năm học 2025-2026: Nhóm xã 1',
    ]);
    expect(smtp.to('ht2@tn.vn')).toHaveLength(0);

    // The same three reminders are in the leader's bell, once each.
    const again = await app.client().login(w.users.networkLeader.email, w.users.networkLeader.password);
    const kinds = ((await again.get('/api/notifications')).json() as NotificationList).items.map((i) => i.kind).sort();
    expect(kinds).toEqual(['deadline_plan_1d', 'deadline_plan_7d', 'deadline_plan_overdue']);
  });

  it('reminds of the term report until one is submitted', async () => {
    // A school's own term report, started by its principal and not yet sent: its drafter is reminded too.
    const principal = await app.client().login(w.users.principal.email, w.users.principal.password);
    const own = await principal.post('/api/reports', { orgId: w.orgs.school1.id, schoolYearId: w.year.id, termNumber: 1 });
    expect(own.statusCode, own.body).toBe(201);
    const before = smtp.to('nt1@tn.vn').length;
    await runSchedulerOnce(app.ctx, new Date('2025-12-13T02:00:00Z'));
    const mails = smtp.to('nt1@tn.vn').slice(before);
    expect(mails.map((m) => m.subject)).toEqual(['[Liên Trường] Sắp đến hạn nộp báo cáo học kỳ I 2025-2026: Nhóm xã 1']);
    // Network 2 gets it too (its leader keeps the digest default): in the evening's digest.
    await runSchedulerOnce(app.ctx, new Date('2025-12-13T11:00:00Z'));
    expect(smtp.to('ht2@tn.vn').map((m) => m.subject)).toEqual(['[Liên Trường] Tổng hợp thông báo ngày 13/12/2025 (1)']);
    const school = smtp.to('ht1@tn.vn');
    expect(school.map((m) => m.subject)).toEqual(['[Liên Trường] Tổng hợp thông báo ngày 13/12/2025 (1)']);
    expect(school[0].text).toContain('Sắp đến hạn nộp báo cáo học kỳ I 2025-2026: Trường THCS Tân Thạnh Đông');
    expect(school[0].text).toContain(`/reports/${own.json().id}`);
  });
});
