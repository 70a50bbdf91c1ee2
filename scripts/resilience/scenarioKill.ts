import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../src/server/db/client';
import { liveCheckinCode } from '../../src/server/modules/attendance/rotatingCode';
import { type AppProcess, sleep } from './app';
import * as fixture from './fixture';
import { uuids } from './fixture';
import type { User } from './http';
import type { Result } from './result';

interface Write {
  kind: 'checkin' | 'sign';
  user: User;
  meetingId: string;
  url: string;
}

/**
 * Scenario b: 100 users each send 10 writes (5 QR check-ins, 5 minutes signatures, shuffled) at once; the app is
 * killed with SIGKILL while they run, then restarted. Every write that got a 2xx must be in the database, no record
 * may be partial (a signature without its hash or its audit row, an audit row without its signature, a check-in
 * without its time), and the writes that got no answer succeed when sent again.
 */
export async function killDuringWrites(db: Executor, app: AppProcess, users: User[]): Promise<Result> {
  const ids = users.map((u) => u.personId);
  const where = await fixture.place(db);
  const checkins = await fixture.checkinMeetings(db, where, 5, ids, 'b');
  const signings = await fixture.signingMeetings(db, where, 5, ids, 'b');
  const queues = users.map((user) => {
    const ws: Write[] = [
      ...checkins.map((c) => ({
        kind: 'checkin' as const,
        user,
        meetingId: c.id,
        // The QR code rotates every 30 s: a resent check-in carries the code shown at the time it is sent.
        get url() {
          return `/api/checkin/${c.id}/${liveCheckinCode(c.secret, c.id)}`;
        },
      })),
      ...signings.map((s) => ({ kind: 'sign' as const, user, meetingId: s.id, url: `/api/meetings/${s.id}/minutes/sign` })),
    ];
    return ws.sort(() => Math.random() - 0.5);
  });
  const acked: Write[] = [];
  const unanswered: Write[] = [];
  let inFlight = 0;
  let inFlightAtKill = 0;
  let killed = false;
  let killAt = 0;

  const workers = queues.map(async (queue) => {
    for (const w of queue) {
      if (killed) {
        unanswered.push(w);
        continue;
      }
      inFlight++;
      const a = await w.user.send('POST', w.url, {});
      inFlight--;
      if (a.status >= 200 && a.status < 300) acked.push(w);
      else unanswered.push(w);
    }
  });
  // Kill once a good share of the writes is acknowledged, while the rest are in flight (or after 4 s at most).
  const total = queues.length * queues[0].length;
  const until = Date.now() + 4000;
  while (acked.length < total * 0.3 && Date.now() < until) await sleep(5);
  inFlightAtKill = inFlight;
  killAt = acked.length;
  killed = true;
  await app.kill('SIGKILL');
  await Promise.all(workers);
  const restartStarted = Date.now();
  await app.start();
  const restartSeconds = (Date.now() - restartStarted) / 1000;

  const meetingIds = checkins.map((c) => c.id);
  const minutesIds = signings.map((s) => s.minutesId);
  const present = new Set(
    (
      await queryRows<{ k: string }>(
        db,
        sql`select meeting_id || ':' || person_id as k from attendance
             where meeting_id = any(${uuids(meetingIds)}) and status in ('present', 'late')`,
      )
    ).map((r) => r.k),
  );
  const signed = new Set(
    (
      await queryRows<{ k: string }>(
        db,
        sql`select m.meeting_id || ':' || s.person_id as k from minutes_signatures s join minutes m on m.id = s.minutes_id
             where s.minutes_id = any(${uuids(minutesIds)})`,
      )
    ).map((r) => r.k),
  );
  const key = (w: Write) => `${w.meetingId}:${w.user.personId}`;
  const lost = acked.filter((w) => !(w.kind === 'checkin' ? present : signed).has(key(w)));
  const committedUnacked = unanswered.filter((w) => (w.kind === 'checkin' ? present : signed).has(key(w))).length;

  const [partial] = await queryRows<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from minutes_signatures s join minutes m on m.id = s.minutes_id
        where s.minutes_id = any(${uuids(minutesIds)}) and s.text_hash is distinct from m.text_hash) as "chữ ký sai/thiếu mã băm",
      (select count(*)::int from minutes_signatures s join accounts a on a.person_id = s.person_id
        where s.minutes_id = any(${uuids(minutesIds)}) and not exists (
          select 1 from audit_log l where l.entity_type = 'minutes' and l.entity_id = s.minutes_id::text
             and l.action in ('minutes.sign', 'minutes.lock') and l.account_id = a.id)) as "chữ ký thiếu nhật ký",
      (select count(*)::int from audit_log l join accounts a on a.id = l.account_id
        where l.entity_type = 'minutes' and l.action in ('minutes.sign', 'minutes.lock')
          and l.entity_id in (select id::text from minutes where id = any(${uuids(minutesIds)}))
          and not exists (select 1 from minutes_signatures s where s.minutes_id::text = l.entity_id and s.person_id = a.person_id))
        as "nhật ký ký không có chữ ký",
      (select count(*)::int from (select 1 from audit_log l where l.entity_type = 'minutes' and l.action = 'minutes.sign'
          and l.entity_id in (select id::text from minutes where id = any(${uuids(minutesIds)}))
          group by l.entity_id, l.account_id having count(*) > 1) d) as "nhật ký ký trùng",
      (select count(*)::int from attendance t where t.meeting_id = any(${uuids(meetingIds)})
          and (t.method <> 'qr' or t.checked_in_at is null or t.recorded_by is distinct from t.person_id)) as "điểm danh thiếu giờ/người ghi",
      (select count(*)::int from minutes where id = any(${uuids(minutesIds)}) and status <> 'signing') as "biên bản đổi trạng thái"`,
  );
  const partialCount = Object.values(partial).reduce((a, b) => a + b, 0);

  // The writes that got no answer are sent again on the restarted app: all must succeed.
  let retryErrors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < unanswered.length) {
        const w = unanswered[next++];
        const a = await w.user.send('POST', w.url, {});
        if (a.status < 200 || a.status >= 300) retryErrors++;
      }
    }),
  );
  const [final] = await queryRows<{ c: number; s: number }>(
    db,
    sql`select (select count(*)::int from attendance where meeting_id = any(${uuids(meetingIds)})) as c,
               (select count(*)::int from minutes_signatures where minutes_id = any(${uuids(minutesIds)})) as s`,
  );
  const complete = final.c === users.length * checkins.length && final.s === users.length * signings.length;
  const lines = [
    `${users.length} người dùng × ${queues[0].length} lượt ghi = ${total}; SIGKILL sau ${killAt} lượt đã được xác nhận, ${inFlightAtKill} yêu cầu đang xử lý`,
    `xác nhận 2xx: ${acked.length} · mất sau khởi động lại: ${lost.length} · ghi xong nhưng chưa kịp trả lời: ${committedUnacked}`,
    `bản ghi dở dang: ${partialCount} (${Object.entries(partial)
      .map(([k, v]) => `${k}: ${v}`)
      .join(' · ')})`,
    `khởi động lại: ${restartSeconds.toFixed(1)} s · gửi lại ${unanswered.length} lượt chưa xác nhận: ${retryErrors} lỗi · cuối cùng ${final.c} lượt điểm danh, ${final.s} chữ ký (đủ: ${complete ? 'có' : 'không'})`,
  ];
  return {
    name: 'b. SIGKILL giữa 100 lượt ký và điểm danh đồng thời',
    pass: lost.length === 0 && partialCount === 0 && retryErrors === 0 && complete && acked.length > 0 && unanswered.length > 0,
    lines,
  };
}
