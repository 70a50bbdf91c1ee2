import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMinutesMeeting, buildMinutesWorld, type MinutesWorld } from '../../../../tests/helpers/minutesWorld';
import { buildNoticeApp, reopenableDatabase } from '../../../../tests/helpers/noticeApp';
import { nextEvening, nextMorning, vnDay } from '../../../../tests/helpers/noticeTime';
import { TestSmtp } from '../../../../tests/helpers/smtpServer';
import type { TestClient } from '../../../../tests/helpers/testApp';
import type { NotificationList } from '../../../shared/meetings';
import type { Database } from '../../db/client';
import { runSchedulerOnce } from './scheduler';

let store: Awaited<ReturnType<typeof reopenableDatabase>>;
let database: Database;
let app: Awaited<ReturnType<typeof buildNoticeApp>>;
let w: MinutesWorld;
const smtp = new TestSmtp();
const clients = new Map<string, Promise<TestClient>>();
const as = (u: { email: string; password: string }) => {
  if (!clients.has(u.email)) clients.set(u.email, app.client().login(u.email, u.password));
  return clients.get(u.email) as Promise<TestClient>;
};
const subjects = (email: string) => smtp.to(email).map((m) => m.subject);

beforeAll(async () => {
  await smtp.start();
  store = await reopenableDatabase();
  database = await store.open();
  w = await buildMinutesWorld(database.db, { guests: 2 });
  app = await buildNoticeApp(database, store.url, smtp.url);
});

afterAll(async () => {
  await app.close();
  await database.close();
  await store.drop();
  await smtp.stop();
});

describe('event notices by preference', () => {
  it('postponement and cancellation: e-mail at once, in-app only, or in the evening digest', async () => {
    const { meeting } = await buildMinutesMeeting(database.db, w, { title: 'Chuyên đề Toán 9' });
    const set = async (u: { email: string; password: string }, channel: string) =>
      expect(
        (await (await as(u)).put('/api/notifications/preferences', { preferences: [{ category: 'meetings', channel }] })).statusCode,
      ).toBe(200);
    await set(w.users.teacher, 'in_app');
    await set(w.users.teamHead, 'email_digest');
    const chair = await as(w.users.principal);
    expect((await chair.post(`/api/meetings/${meeting.id}/postpone`, { reason: 'Trùng lịch kiểm tra của Sở' })).statusCode).toBe(200);
    expect((await chair.post(`/api/meetings/${meeting.id}/cancel`, { reason: 'Mưa bão' })).statusCode).toBe(200);

    // A morning run (before the digest hour) sends the immediate mails only.
    const now = nextMorning();
    expect(await runSchedulerOnce(app.ctx, now)).toMatchObject({ digests: 0, sent: 4, failed: 0 });
    for (const g of w.guests) {
      expect(subjects(g.email)).toEqual([
        '[Liên Trường] Hoãn buổi sinh hoạt: Chuyên đề Toán 9',
        '[Liên Trường] Hủy buổi sinh hoạt: Chuyên đề Toán 9',
      ]);
    }
    const cancelled = smtp.to(w.guests[0].email)[1];
    expect(cancelled.text).toContain('Lý do: Mưa bão');
    expect(cancelled.text).toContain(`${app.ctx.config.publicUrl}/meetings/${meeting.id}`);
    expect(cancelled.text).toContain('Kính gửi Giáo viên khách 01,');
    // In-app only: two notices in the bell, no mail. The actor is not told of their own act.
    expect(subjects(w.users.teacher.email)).toEqual([]);
    const bell = ((await (await as(w.users.teacher)).get('/api/notifications')).json() as NotificationList).items.map((i) => i.kind);
    expect(bell).toEqual(['meeting_cancelled', 'meeting_postponed']);
    expect(subjects(w.users.principal.email)).toEqual([]);
    // Digest: nothing yet, then one mail gathering both notices of the day.
    expect(subjects(w.users.teamHead.email)).toEqual([]);
    const evening = nextEvening(now);
    expect(await runSchedulerOnce(app.ctx, evening)).toMatchObject({ digests: 1, sent: 1 });
    expect(await runSchedulerOnce(app.ctx, evening)).toMatchObject({ digests: 0, sent: 0 });
    const [digest] = smtp.to(w.users.teamHead.email);
    expect(subjects(w.users.teamHead.email)).toEqual([`[Liên Trường] Tổng hợp thông báo ngày ${vnDay(evening)} (2)`]);
    expect(digest.text).toContain('1. Hoãn buổi sinh hoạt: Chuyên đề Toán 9');
    expect(digest.text).toContain('2. Hủy buổi sinh hoạt: Chuyên đề Toán 9');
    expect(digest.text).toContain('Lý do: Mưa bão');
  });

  it('minutes awaiting a signature: told when signing starts, reminded once after three days', async () => {
    const { meeting } = await buildMinutesMeeting(database.db, w, { title: 'Thao giảng Ngữ văn 7' });
    const secretary = await as(w.users.teamHead);
    const att = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [
        { personId: w.users.teacher.person.id, status: 'present' },
        { personId: w.users.teamHead.person.id, status: 'present' },
        { personId: w.guests[0].person.id, status: 'late' },
        { personId: w.guests[1].person.id, status: 'excused', reason: 'Đi tập huấn' },
      ],
    });
    expect(att.statusCode, att.body).toBe(200);
    await secretary.put(`/api/meetings/${meeting.id}/minutes`, { discussion: '<p>Góp ý</p>', recommendations: '' });
    expect((await secretary.post(`/api/meetings/${meeting.id}/minutes/start-signing`)).statusCode).toBe(200);
    const before = smtp.received.length;
    const now = nextMorning();
    await runSchedulerOnce(app.ctx, now);
    const title = '[Liên Trường] Biên bản chờ bạn ký: Thao giảng Ngữ văn 7';
    // Signatures keep their own default (e-mail at once), although the teacher chose in-app only for meetings.
    const got = smtp.received.slice(before);
    expect(
      got
        .filter((m) => m.subject === title)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual([w.users.teacher.email, w.guests[0].email, w.users.principal.email].sort());
    expect(got.find((m) => m.to.includes(w.users.teacher.email))?.text).toContain(`/meetings/${meeting.id}/minutes`);

    expect((await (await as(w.users.teacher)).post(`/api/meetings/${meeting.id}/minutes/sign`)).statusCode).toBe(200);
    const mid = smtp.received.length;
    await runSchedulerOnce(app.ctx, new Date(now.getTime() + 2 * 86_400_000));
    expect(smtp.received.length).toBe(mid);
    const later = new Date(now.getTime() + 4 * 86_400_000);
    await runSchedulerOnce(app.ctx, later);
    await runSchedulerOnce(app.ctx, new Date(later.getTime() + 86_400_000));
    const reminders = smtp.received.slice(mid).filter((m) => m.subject.startsWith('[Liên Trường] Biên bản chờ bạn ký đã quá 3 ngày'));
    // Who still has to sign, the chair excepted (the chair signs last); each once.
    expect(reminders.flatMap((m) => m.to).sort()).toEqual([w.guests[0].email, w.users.teamHead.email].sort());
  });
});
