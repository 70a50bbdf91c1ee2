import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../src/server/db/client';
import { liveCheckinCode } from '../../src/server/modules/attendance/rotatingCode';
import { sleep } from './app';
import * as fixture from './fixture';
import { uuids } from './fixture';
import { percentile, type User } from './http';
import type { Result } from './result';

type Op = 'mine' | 'meeting' | 'calendar' | 'dashboard' | 'minutes' | 'checkin' | 'sign' | 'notes';

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Scenario a: every user runs a loop of reads (my meetings, a meeting page, the calendar, the dashboard, minutes)
 * and writes (QR check-in, signing minutes, the secretary saving notes) with a short pause, for the whole duration.
 * Every answer must be 2xx: any other status, a socket error or a time-out counts as an error.
 */
export async function concurrentUsers(db: Executor, users: User[], durationMs: number): Promise<Result> {
  const ids = users.map((u) => u.personId);
  const where = await fixture.place(db);
  const checkins = await fixture.checkinMeetings(db, where, 10, ids, 'a');
  const signings = await fixture.signingMeetings(db, where, 10, ids, 'a');
  const notes = await fixture.notesMeetings(db, where, ids.slice(0, 10), ids, 'a');
  const notesOf = new Map(notes.map((n) => [n.secretaryPersonId, n.id]));
  const all = [...checkins.map((c) => c.id), ...signings.map((s) => s.id), ...notes.map((n) => n.id)];
  const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

  const latency = new Map<Op, number[]>();
  const errors: string[] = [];
  let errorCount = 0;
  let freshCheckins = 0;
  const deadline = Date.now() + durationMs;

  async function one(user: User): Promise<void> {
    const r = Math.random();
    let op: Op;
    let method = 'GET';
    let url: string;
    let body: unknown;
    if (r < 0.14) [op, url] = ['mine', `/api/meetings/mine?from=${isoDay(-60)}&to=${isoDay(60)}`];
    else if (r < 0.28) [op, url] = ['meeting', `/api/meetings/${pick(all)}`];
    else if (r < 0.4) [op, url] = ['calendar', `/api/meetings?from=${isoDay(-15)}&to=${isoDay(15)}`];
    else if (r < 0.52) [op, url] = ['dashboard', '/api/home'];
    else if (r < 0.62) [op, url] = ['minutes', `/api/meetings/${pick(signings).id}/minutes`];
    else if (r < 0.78) {
      const c = pick(checkins);
      [op, method, url] = ['checkin', 'POST', `/api/checkin/${c.id}/${liveCheckinCode(c.secret, c.id)}`];
    } else if (r < 0.92) [op, method, url] = ['sign', 'POST', `/api/meetings/${pick(signings).id}/minutes/sign`];
    else {
      const mine = notesOf.get(user.personId);
      if (mine) {
        const stamp = new Date().toISOString();
        [op, method, url] = ['notes', 'PUT', `/api/meetings/${mine}/minutes`];
        body = { discussion: `<p>Ghi chép lúc ${stamp}</p>`, recommendations: '<p>Tiếp tục theo dõi.</p>' };
      } else [op, url] = ['meeting', `/api/meetings/${pick(all)}`];
    }
    const a = await user.send(method, url, body ?? (method === 'POST' ? {} : undefined));
    if (a.status >= 200 && a.status < 300) {
      if (!latency.has(op)) latency.set(op, []);
      latency.get(op)?.push(a.ms);
      if (op === 'checkin' && (JSON.parse(a.body) as { alreadyCheckedIn: boolean }).alreadyCheckedIn === false) freshCheckins++;
    } else {
      errorCount++;
      if (errors.length < 10) errors.push(`${op} ${method} → ${a.status || a.error} ${a.body.slice(0, 160)}`);
    }
  }

  const started = Date.now();
  await Promise.all(
    users.map(async (user, i) => {
      await sleep((i * 7) % 500); // users arrive over half a second, not all in the same millisecond
      while (Date.now() < deadline) {
        await one(user);
        await sleep(50 + Math.random() * 200);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const [signed] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from minutes_signatures where minutes_id = any(${uuids(signings.map((s) => s.minutesId))})`,
  );
  const total = [...latency.values()].reduce((n, xs) => n + xs.length, 0) + errorCount;
  const allMs = [...latency.values()].flat();
  const lines = [
    `${users.length} người dùng đăng nhập (${users.length} tài khoản khác nhau), ${seconds.toFixed(1)} s, ${total} yêu cầu (${(total / seconds).toFixed(0)}/s), lỗi: ${errorCount}`,
    `độ trễ tất cả: p50 ${percentile(allMs, 50).toFixed(0)} ms · p95 ${percentile(allMs, 95).toFixed(0)} ms · p99 ${percentile(allMs, 99).toFixed(0)} ms`,
    ...[...latency.entries()]
      .sort()
      .map(
        ([op, xs]) =>
          `  ${op.padEnd(9)} ${String(xs.length).padStart(6)} lần · p50 ${percentile(xs, 50).toFixed(0)} ms · p95 ${percentile(xs, 95).toFixed(0)} ms`,
      ),
    `ghi mới: ${freshCheckins} lượt điểm danh, ${signed.n} chữ ký biên bản (trên ${checkins.length} + ${signings.length} buổi)`,
    ...errors.map((e) => `  lỗi: ${e}`),
  ];
  return { name: 'a. 200 người dùng đồng thời, 60 s đọc/ghi', pass: errorCount === 0 && total > 0, lines };
}
