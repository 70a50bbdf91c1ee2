import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildNoticeApp, reopenableDatabase } from '../../../../tests/helpers/noticeApp';
import { nextMorning } from '../../../../tests/helpers/noticeTime';
import { buildPlanWorld, type PlanWorld, planBody } from '../../../../tests/helpers/planWorld';
import { TestSmtp } from '../../../../tests/helpers/smtpServer';
import type { TestClient } from '../../../../tests/helpers/testApp';
import type { NotificationList } from '../../../shared/meetings';
import type { OutboxItemView } from '../../../shared/notifications';
import type { Database } from '../../db/client';
import { runSchedulerOnce } from './scheduler';

let store: Awaited<ReturnType<typeof reopenableDatabase>>;
let database: Database;
let app: Awaited<ReturnType<typeof buildNoticeApp>>;
let w: PlanWorld;
const smtp = new TestSmtp();
let leader: TestClient;
let office: TestClient;
let admin: TestClient;
const MIN = 60_000;

beforeAll(async () => {
  await smtp.start();
  store = await reopenableDatabase();
  database = await store.open();
  w = await buildPlanWorld(database.db);
  app = await buildNoticeApp(database, store.url, smtp.url, { outboxMaxAttempts: 3, outboxRetrySeconds: 60 });
  leader = await app.client().login(w.users.networkLeader.email, w.users.networkLeader.password);
  office = await app.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
  admin = await app.client().login(w.users.admin.email, w.users.admin.password);
  const put = await leader.put('/api/notifications/preferences', { preferences: [{ category: 'reviews', channel: 'email_now' }] });
  expect(put.statusCode, put.body).toBe(200);
});

afterAll(async () => {
  await app.close();
  await database.close();
  await store.drop();
  await smtp.stop();
});

const outbox = async (status: string) => (await admin.get(`/api/notifications/outbox?status=${status}`)).json() as OutboxItemView[];

describe('the outbox', () => {
  let planId: string;

  it('retries a refused send, and a send while the server is down, then delivers it once', async () => {
    const created = await leader.post('/api/plans', planBody(w));
    planId = created.json().id;
    expect((await leader.post(`/api/plans/${planId}/submit`)).statusCode).toBe(200);
    smtp.refuse = true;
    expect((await office.post(`/api/plans/${planId}/return`, { comment: 'Bổ sung nội dung chuyên đề' })).statusCode).toBe(200);

    const t0 = nextMorning();
    expect(await runSchedulerOnce(app.ctx, t0)).toMatchObject({ sent: 0, failed: 1 });
    const [row] = await outbox('pending');
    expect(row).toMatchObject({
      toAddress: 'nt1@tn.vn',
      attempts: 1,
      subject: '[Liên Trường] Kế hoạch bị trả lại: Kế hoạch SHCM liên trường học kỳ I',
    });
    expect(row.lastError).toContain('451');
    // Not due again before the back-off.
    expect(await runSchedulerOnce(app.ctx, new Date(t0.getTime() + 30_000))).toMatchObject({ sent: 0, failed: 0 });

    await smtp.stop();
    smtp.refuse = false;
    expect(await runSchedulerOnce(app.ctx, new Date(t0.getTime() + 2 * MIN))).toMatchObject({ sent: 0, failed: 1 });
    expect((await outbox('pending'))[0]).toMatchObject({ attempts: 2 });

    await smtp.start();
    expect(await runSchedulerOnce(app.ctx, new Date(t0.getTime() + 10 * MIN))).toMatchObject({ sent: 1, failed: 0 });
    expect(await runSchedulerOnce(app.ctx, new Date(t0.getTime() + 60 * MIN))).toMatchObject({ sent: 0, failed: 0 });
    const mails = smtp.to('nt1@tn.vn');
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Ý kiến: Bổ sung nội dung chuyên đề');
    expect(mails[0].text).toContain(`${app.ctx.config.publicUrl}/plans/${planId}`);
    expect((await outbox('sent')).map((r) => r.attempts)).toEqual([3]);
  });

  it('marks a row failed after OUTBOX_MAX_ATTEMPTS, shows it to admins only, and sends it when an admin retries', async () => {
    expect((await leader.post(`/api/plans/${planId}/submit`)).statusCode).toBe(200);
    expect((await office.post(`/api/plans/${planId}/approve`, {})).statusCode).toBe(200);
    smtp.refuse = true;
    const t0 = nextMorning();
    for (const minutes of [0, 2, 10, 60]) await runSchedulerOnce(app.ctx, new Date(t0.getTime() + minutes * MIN));
    const failed = await outbox('failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      status: 'failed',
      attempts: 3,
      subject: '[Liên Trường] Kế hoạch đã được duyệt: Kế hoạch SHCM liên trường học kỳ I',
    });

    const teacher = await app.client().login(w.users.teacher.email, w.users.teacher.password);
    expect((await teacher.get('/api/notifications/outbox')).statusCode).toBe(403);
    expect((await teacher.post(`/api/notifications/outbox/${failed[0].id}/retry`)).statusCode).toBe(403);
    expect((await office.get('/api/notifications/outbox?status=failed')).statusCode).toBe(403);
    expect((await app.client().get('/api/notifications/outbox')).statusCode).toBe(401);

    smtp.refuse = false;
    const sentRow = (await outbox('sent'))[0];
    const notFailed = await admin.post(`/api/notifications/outbox/${sentRow.id}/retry`);
    expect(notFailed.statusCode).toBe(409);
    expect((await admin.post('/api/notifications/outbox/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
    expect((await admin.post(`/api/notifications/outbox/${failed[0].id}/retry`)).statusCode).toBe(204);
    expect(await runSchedulerOnce(app.ctx, nextMorning())).toMatchObject({ sent: 1 });
    expect(smtp.to('nt1@tn.vn').map((m) => m.subject)).toEqual([
      '[Liên Trường] Kế hoạch bị trả lại: Kế hoạch SHCM liên trường học kỳ I',
      '[Liên Trường] Kế hoạch đã được duyệt: Kế hoạch SHCM liên trường học kỳ I',
    ]);
    expect(await outbox('failed')).toEqual([]);
  });
});

describe('report reviews', () => {
  it('tell the network leader by e-mail when the report is returned and when it is accepted', async () => {
    const created = await leader.post('/api/reports', { networkId: w.networks.network1.id, schoolYearId: w.year.id, termNumber: 1 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await leader.post(`/api/reports/${id}/submit`)).statusCode).toBe(200);
    expect((await office.post(`/api/reports/${id}/return`, { comment: 'Bổ sung số liệu môn Toán' })).statusCode).toBe(200);
    expect((await leader.post(`/api/reports/${id}/submit`)).statusCode).toBe(200);
    expect((await office.post(`/api/reports/${id}/accept`, {})).statusCode).toBe(200);
    const before = smtp.to('nt1@tn.vn').length;
    await runSchedulerOnce(app.ctx, nextMorning());
    const mails = smtp.to('nt1@tn.vn').slice(before);
    expect(mails.map((m) => m.subject)).toEqual([
      '[Liên Trường] Báo cáo học kỳ I bị trả lại: Nhóm xã 1',
      '[Liên Trường] Báo cáo học kỳ I đã được tiếp nhận: Nhóm xã 1',
    ]);
    expect(mails[0].text).toContain('Ý kiến: Bổ sung số liệu môn Toán');
    expect(mails[0].text).toContain(`/reports/${id}`);
  });
});

describe('preferences: own only, bad input refused', () => {
  it('each person reads and edits only their own preferences', async () => {
    const teacher = await app.client().login(w.users.teacher.email, w.users.teacher.password);
    const mine = (await teacher.get('/api/notifications/preferences')).json();
    expect(mine).toEqual({
      email: 'gv1@tn.vn',
      digestHour: 17,
      preferences: [
        { category: 'meetings', channel: 'email_now', isDefault: true },
        { category: 'signatures', channel: 'email_now', isDefault: true },
        { category: 'reviews', channel: 'email_digest', isDefault: true },
        { category: 'deadlines', channel: 'email_digest', isDefault: true },
      ],
    });
    const put = await teacher.put('/api/notifications/preferences', { preferences: [{ category: 'reviews', channel: 'in_app' }] });
    expect(put.json().preferences[2]).toEqual({ category: 'reviews', channel: 'in_app', isDefault: false });
    // The leader's own choice is untouched, and a person id in the body is refused.
    const leaders = (await leader.get('/api/notifications/preferences')).json();
    expect(leaders.preferences[2]).toMatchObject({ category: 'reviews', channel: 'email_now' });
    const other = await teacher.put('/api/notifications/preferences', {
      personId: w.users.networkLeader.person.id,
      preferences: [{ category: 'reviews', channel: 'in_app' }],
    });
    expect(other.statusCode).toBe(400);
    expect((await app.client().get('/api/notifications/preferences')).statusCode).toBe(401);
  });

  it('each person sees and marks only their own notices', async () => {
    const teacher = await app.client().login(w.users.teacher.email, w.users.teacher.password);
    const leaders = ((await leader.get('/api/notifications')).json() as NotificationList).items;
    expect(leaders.map((n) => n.kind)).toContain('plan_returned');
    expect(((await teacher.get('/api/notifications')).json() as NotificationList).items).toEqual([]);
    expect((await teacher.post(`/api/notifications/${leaders[0].id}/read`)).statusCode).toBe(404);
    expect((await teacher.post('/api/notifications/read-all')).statusCode).toBe(204);
    expect(((await leader.get('/api/notifications?unread=1')).json() as NotificationList).unread).toBe(leaders.length);
  });

  it('refuses bad input with a Vietnamese message naming the field, writing nothing', async () => {
    const before = await tableCounts(database.db);
    const cases: Array<[unknown, string, string]> = [
      [{ preferences: [{ category: 'reviews', channel: 'fax' }] }, 'preferences.0.channel', '«Cách nhận thông báo (mục 1)»'],
      [{ preferences: [{ category: 'weather', channel: 'in_app' }] }, 'preferences.0.category', '«Loại thông báo (mục 1)»'],
      [{ preferences: [] }, 'preferences', '«Cài đặt thông báo» phải có ít nhất 1 mục'],
      [{}, 'preferences', '«Cài đặt thông báo» là bắt buộc'],
      [
        {
          preferences: [
            { category: 'reviews', channel: 'in_app' },
            { category: 'reviews', channel: 'email_now' },
          ],
        },
        'preferences.1.category',
        '«Loại thông báo» bị lặp',
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await leader.put('/api/notifications/preferences', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields[0].field).toBe(field);
      expect(res.json().message).toContain(message);
    }
    expect((await admin.get('/api/notifications/outbox?status=lost')).statusCode).toBe(400);
    expect((await leader.post('/api/notifications/abc/read')).statusCode).toBe(400);
    expect(await tableCounts(database.db)).toEqual(before);
  });
});
