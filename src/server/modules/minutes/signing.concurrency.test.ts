import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMinutesMeeting, buildMinutesWorld, clientPool, type MinutesWorld } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { queryRows } from '../../db/client';

/**
 * Signatures at the same moment, through the HTTP app. On PostgreSQL (DATABASE_URL set) the requests really run
 * concurrently on a pool of connections; the FOR UPDATE lock on the minutes row must make every signature count and
 * the chair's lock decision see all of them. On PGlite the same test runs (serialised by the single connection).
 */
const N = 12;
let t: TestApp;
let w: MinutesWorld;
let as: (u: { email: string; password: string }) => Promise<TestClient>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMinutesWorld(t.db, { guests: N });
  as = clientPool(t);
  await Promise.all([w.users.teamHead, w.users.principal, w.users.teacher, ...w.guests].map((u) => as(u)));
}, 60_000);
afterAll(() => t.close());

/** A meeting where every guest, the teacher and the secretary attended, with minutes open for signing. */
async function signingMeeting() {
  const { meeting } = await buildMinutesMeeting(t.db, w);
  const secretary = await as(w.users.teamHead);
  const people = [w.users.teacher, w.users.teamHead, ...w.guests];
  const att = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
    entries: people.map((u) => ({ personId: u.person.id, status: 'present' })),
  });
  expect(att.statusCode, att.body).toBe(200);
  await secretary.put(`/api/meetings/${meeting.id}/minutes`, { discussion: '<p>Góp ý</p>', recommendations: '' });
  expect((await secretary.post(`/api/meetings/${meeting.id}/minutes/start-signing`)).statusCode).toBe(200);
  return { meetingId: meeting.id, participants: people };
}

async function state(meetingId: string) {
  const [row] = await queryRows<{ status: string; n: number; meetingStatus: string }>(
    t.db,
    sql`select mi.status, (select count(*)::int from minutes_signatures s where s.minutes_id = mi.id) as n, m.status as "meetingStatus"
        from minutes mi join meetings m on m.id = mi.meeting_id where mi.meeting_id = ${meetingId}`,
  );
  return row;
}

describe(`concurrent signing (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it(`${N + 2} participants signing at once all count; the chair then locks`, async () => {
    const { meetingId, participants } = await signingMeeting();
    const clients = await Promise.all(participants.map((u) => as(u)));
    const results = await Promise.all(clients.map((c) => c.post(`/api/meetings/${meetingId}/minutes/sign`)));
    expect(results.map((r) => r.statusCode)).toEqual(participants.map(() => 200));
    expect(await state(meetingId)).toEqual({ status: 'signing', n: participants.length, meetingStatus: 'held' });
    const chair = await (await as(w.users.principal)).post(`/api/meetings/${meetingId}/minutes/sign`);
    expect(chair.statusCode, chair.body).toBe(200);
    expect(await state(meetingId)).toEqual({ status: 'locked', n: participants.length + 1, meetingStatus: 'minutes_locked' });
  });

  it('the chair racing the last participant never locks with a signature missing', async () => {
    for (let round = 0; round < 5; round++) {
      const { meetingId, participants } = await signingMeeting();
      const [last, ...others] = participants;
      const early = await Promise.all(
        (await Promise.all(others.map((u) => as(u)))).map((c) => c.post(`/api/meetings/${meetingId}/minutes/sign`)),
      );
      expect(early.every((r) => r.statusCode === 200)).toBe(true);
      const [p, c] = await Promise.all([
        (await as(last)).post(`/api/meetings/${meetingId}/minutes/sign`),
        (await as(w.users.principal)).post(`/api/meetings/${meetingId}/minutes/sign`),
      ]);
      expect(p.statusCode, p.body).toBe(200);
      const s = await state(meetingId);
      if (c.statusCode === 200) {
        expect(s).toEqual({ status: 'locked', n: participants.length + 1, meetingStatus: 'minutes_locked' });
      } else {
        expect(c.statusCode).toBe(409);
        expect(c.json().message).toContain('Chủ trì ký sau cùng');
        expect(s).toEqual({ status: 'signing', n: participants.length, meetingStatus: 'held' });
        expect((await (await as(w.users.principal)).post(`/api/meetings/${meetingId}/minutes/sign`)).statusCode).toBe(200);
        expect((await state(meetingId)).status).toBe('locked');
      }
    }
  }, 60_000);
});
