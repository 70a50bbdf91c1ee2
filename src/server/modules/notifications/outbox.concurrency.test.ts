import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/factories';
import { buildNoticeApp, reopenableDatabase } from '../../../../tests/helpers/noticeApp';
import { TestSmtp } from '../../../../tests/helpers/smtpServer';
import type { Database } from '../../db/client';
import { inTransaction } from '../../lib/tx';
import { notifyPeople } from './notify';
import { startScheduler } from './scheduler';
import { workOutbox } from './worker';

let store: Awaited<ReturnType<typeof reopenableDatabase>>;
const databases: Database[] = [];
const apps: Awaited<ReturnType<typeof buildNoticeApp>>[] = [];
const smtp = new TestSmtp();

beforeAll(async () => {
  await smtp.start();
  store = await reopenableDatabase();
  databases.push(await store.open());
  // On PostgreSQL a second pool stands for a second app process; PGlite has one connection, so one handle.
  databases.push(store.url ? await store.open() : databases[0]);
  for (const d of databases) apps.push(await buildNoticeApp(d, store.url, smtp.url));
});

afterAll(async () => {
  for (const a of apps) await a.close();
  for (const d of new Set(databases)) await d.close();
  await store.drop();
  await smtp.stop();
});

describe('two workers on one outbox', () => {
  it('never send a row twice, and the same notice is never queued twice', async () => {
    const people = [];
    for (let i = 0; i < 45; i++)
      people.push(await buildUser(databases[0].db, { fullName: `Giáo viên ${i + 1}`, email: `gv${i + 1}@song.vn` }));
    const notice = {
      personIds: people.map((p) => p.person.id),
      kind: 'meeting_invited',
      title: 'Mời dự sinh hoạt chuyên môn: Chuyên đề STEM',
      dedupeKey: 'test:stem:{person}',
    };
    // Both "processes" queue the same notice at once: one row per person in the end.
    const stored = await Promise.all(apps.map((a) => inTransaction(a.ctx, (tx) => notifyPeople(tx, notice)).catch(() => 0)));
    expect(stored.reduce((a, b) => a + b, 0)).toBe(45);
    const now = new Date();
    const runs = await Promise.all([...apps, ...apps].map((a) => workOutbox(a.ctx, now)));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(45);
    expect(smtp.received).toHaveLength(45);
    expect(new Set(smtp.received.flatMap((m) => m.to)).size).toBe(45);
  });

  it('the periodic tick, once started, sends what is queued', async () => {
    const app = await buildNoticeApp(databases[0], store.url, smtp.url, { schedulerIntervalSeconds: 1 });
    const person = await buildUser(databases[0].db, { fullName: 'Giáo viên Tích tắc', email: 'tick@song.vn' });
    await inTransaction(app.ctx, (tx) =>
      notifyPeople(tx, { personIds: [person.person.id], kind: 'meeting_invited', title: 'Mời dự: Chuyên đề Tin học' }),
    );
    const scheduler = startScheduler(app.ctx);
    await expect.poll(() => smtp.to('tick@song.vn').length, { timeout: 30_000, interval: 200 }).toBe(1);
    await scheduler.stop();
    await app.close();
    expect(smtp.to('tick@song.vn')[0].subject).toBe('[Liên Trường] Mời dự: Chuyên đề Tin học');
  });
});
