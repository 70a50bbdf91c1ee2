import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../src/server/db/client';
import { attendance } from '../../src/server/db/schema';
import { hashToken } from '../../src/server/lib/auth';
import { liveCheckinCode } from '../../src/server/modules/attendance/rotatingCode';
import { buildInvitations, buildMeeting, buildMinutes } from '../../tests/factories';
import { request, type Session, send } from './http';
import type { LoadRequest } from './load';
import type { Samples } from './samples';

/**
 * The benchmark's own write fixtures in the benchmark database: meetings happening now with the pool invited
 * (check-in), and held meetings whose minutes are out for signing with the pool present (sign). Built with the
 * factories the demo data and the tests use; the minutes go out for signing through the app's own HTTP route.
 * Every (meeting, person) pair is one distinct, successful write; the chair (outside the pool) never signs.
 */
export interface WriteFixture {
  meetingId: string;
  secret: string;
  minutesId: string | null;
}

const MINUTE = 60_000;

/** Meetings in their check-in window now, each inviting the whole pool. */
export async function checkinMeetings(db: Executor, s: Samples, sessions: Session[], count: number, tag: string): Promise<WriteFixture[]> {
  const out: WriteFixture[] = [];
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const m = await buildMeeting(db, {
      hostOrgId: s.hostOrgId,
      schoolYearId: s.schoolYearId,
      termNumber: s.termNumber,
      kind: 'topic_report',
      title: `Đo tải điểm danh ${tag} ${i + 1}`,
      startsAt: new Date(now - 10 * MINUTE),
      endsAt: new Date(now + 3 * 60 * MINUTE),
      chairPersonId: s.chairPersonId,
      secretaryPersonId: sessions[0].personId,
    });
    await buildInvitations(
      db,
      m.id,
      sessions.map((x) => x.personId),
    );
    out.push({ meetingId: m.id, secret: m.checkinSecret, minutesId: null });
  }
  return out;
}

/** Held meetings with the pool present and minutes put out for signing by the secretary over HTTP. */
export async function signingMeetings(
  db: Executor,
  base: string,
  s: Samples,
  sessions: Session[],
  count: number,
  tag: string,
): Promise<WriteFixture[]> {
  const out: WriteFixture[] = [];
  const now = Date.now();
  const secretary = sessions[0];
  for (let i = 0; i < count; i++) {
    const m = await buildMeeting(db, {
      hostOrgId: s.hostOrgId,
      schoolYearId: s.schoolYearId,
      termNumber: s.termNumber,
      kind: 'topic_report',
      title: `Đo tải ký biên bản ${tag} ${i + 1}`,
      startsAt: new Date(now - 3 * 60 * MINUTE),
      endsAt: new Date(now - 60 * MINUTE),
      chairPersonId: s.chairPersonId,
      secretaryPersonId: secretary.personId,
    });
    await db.insert(attendance).values(sessions.map((x) => ({ meetingId: m.id, personId: x.personId, status: 'present' as const })));
    const row = await buildMinutes(db, {
      meetingId: m.id,
      discussion: '<p>Các thành viên trao đổi về tiến trình bài dạy và cách tổ chức hoạt động nhóm.</p>',
      recommendations: '<p>Áp dụng ở các lớp trong tháng tới.</p>',
    });
    const res = await send(base, request(secretary, 'POST', `/api/meetings/${m.id}/minutes/start-signing`));
    if (res.status !== 200) throw new Error(`start-signing → ${res.status} ${res.text.slice(0, 200)}`);
    out.push({ meetingId: m.id, secret: m.checkinSecret, minutesId: row.id });
  }
  return out;
}

/** Pair k: meeting k mod F, person k div F, so the requests in flight touch different meetings (no row-lock queue). */
export function pairsOf(fixtures: WriteFixture[], sessions: Session[]): Array<{ f: WriteFixture; s: Session }> {
  const out: Array<{ f: WriteFixture; s: Session }> = [];
  for (let k = 0; k < fixtures.length * sessions.length; k++) {
    out.push({ f: fixtures[k % fixtures.length], s: sessions[Math.floor(k / fixtures.length)] });
  }
  return out;
}

/** The HTTP request of a check-in or a signature for one pair. */
export function writeRequest(kind: 'checkin' | 'sign', p: { f: WriteFixture; s: Session }): LoadRequest {
  return kind === 'checkin'
    ? request(p.s, 'POST', `/api/checkin/${p.f.meetingId}/${liveCheckinCode(p.f.secret, p.f.meetingId)}`)
    : request(p.s, 'POST', `/api/meetings/${p.f.meetingId}/minutes/sign`);
}

/** What to swap in a captured write's SQL to make it another pair's write. */
export function swapMap(from: { f: WriteFixture; s: Session }, to: { f: WriteFixture; s: Session }): Map<string, string> {
  const map = new Map<string, string>([
    [from.f.meetingId, to.f.meetingId],
    [from.f.secret, to.f.secret],
    [from.s.personId, to.s.personId],
    [from.s.accountId, to.s.accountId],
    [hashToken(from.s.token), hashToken(to.s.token)],
    [from.s.csrf, to.s.csrf],
  ]);
  if (from.f.minutesId && to.f.minutesId) map.set(from.f.minutesId, to.f.minutesId);
  return map;
}

/** Rows the writes really made, to check that every counted 2xx was one distinct write. */
export async function countWrites(db: Executor, kind: 'checkin' | 'sign', meetingIds: string[]): Promise<number> {
  const ids = sql.join(
    meetingIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [row] =
    kind === 'checkin'
      ? await queryRows<{ n: number }>(db, sql`select count(*)::int as n from attendance where method = 'qr' and meeting_id in (${ids})`)
      : await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from minutes_signatures g join minutes m on m.id = g.minutes_id where m.meeting_id in (${ids})`,
        );
  return row?.n ?? 0;
}

/** Removes the benchmark's fixture meetings (cascading to their rows), their notices, its report drafts and sessions. */
export async function cleanup(db: Executor, fixtures: WriteFixture[], reportIds: string[], sessions: Session[]): Promise<void> {
  const meetingIds = fixtures.map((f) => f.meetingId);
  const minutesIds = fixtures.flatMap((f) => (f.minutesId ? [f.minutesId] : []));
  const list = (ids: string[]) =>
    sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
  for (let i = 0; i < meetingIds.length; i += 200) {
    const chunk = meetingIds.slice(i, i + 200);
    await db.execute(
      sql`delete from notifications where ${sql.join(
        chunk.map((id) => sql`link like ${`/meetings/${id}/%`}`),
        sql` or `,
      )}`,
    );
    // Minutes are kept from deletion by their meeting's foreign key: signatures and versions first, then minutes.
    const ofMinutes = sql`(select id from minutes where meeting_id in (${list(chunk)}))`;
    await db.execute(sql`delete from minutes_signatures where minutes_id in ${ofMinutes}`);
    await db.execute(sql`delete from minutes_versions where minutes_id in ${ofMinutes}`);
    await db.execute(sql`delete from minutes where meeting_id in (${list(chunk)})`);
    await db.execute(sql`delete from meetings where id in (${list(chunk)})`);
  }
  // E-mails the start of signing queued for people who asked for them; the scheduler is off during the run.
  for (let i = 0; i < minutesIds.length; i += 200) {
    const chunk = minutesIds.slice(i, i + 200);
    await db.execute(
      sql`delete from mail_outbox where status = 'pending' and (${sql.join(
        chunk.map((id) => sql`dedupe_key like ${`minutes:signing:${id}:%`}`),
        sql` or `,
      )})`,
    );
  }
  if (reportIds.length) await db.execute(sql`delete from reports where status = 'draft' and id in (${list(reportIds)})`);
  const hashes = sessions.map((s) => hashToken(s.token));
  if (hashes.length)
    await db.execute(
      sql`delete from auth_sessions where token_hash in (${sql.join(
        hashes.map((h) => sql`${h}`),
        sql`, `,
      )})`,
    );
}
