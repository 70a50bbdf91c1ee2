import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../../../tests/factories';
import {
  buildMinutesMeeting,
  buildMinutesWorld,
  clientPool,
  type MinutesRole,
  type MinutesWorld,
} from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { queryRows } from '../../db/client';

let t: TestApp;
let w: MinutesWorld;
let as: (u: { email: string; password: string }) => Promise<TestClient>;
const user = (r: MinutesRole) => as(w.users[r]);
const id = (r: MinutesRole) => w.users[r].person.id;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMinutesWorld(t.db, { guests: 1 });
  as = clientPool(t);
});
afterAll(() => t.close());

/** Minutes out for signing: teacher, guest (late) and the secretary (team head) present; the principal chairs. */
async function signingMinutes() {
  const { meeting } = await buildMinutesMeeting(t.db, w);
  const secretary = await user('teamHead');
  const att = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
    entries: [
      { personId: id('teacher'), status: 'present' },
      { personId: id('teamHead'), status: 'present' },
      { personId: w.guests[0].person.id, status: 'late' },
    ],
  });
  expect(att.statusCode, att.body).toBe(200);
  await secretary.put(`/api/meetings/${meeting.id}/minutes`, { discussion: '<p>Góp ý</p>', recommendations: '' });
  const started = await secretary.post(`/api/meetings/${meeting.id}/minutes/start-signing`);
  expect(started.statusCode, started.body).toBe(200);
  return meeting;
}

const signaturesOf = (meetingId: string) =>
  queryRows<{ personId: string; method: string; heldBy: string | null; device: string | null }>(
    t.db,
    sql`select s.person_id as "personId", s.method, s.held_by as "heldBy", s.device from minutes_signatures s
        join minutes m on m.id = s.minutes_id where m.meeting_id = ${meetingId} order by s.signed_at`,
  );

const failures = async (personId: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from login_attempts where key = ${`venue:signer:${personId}`}`))[0]
    ?.n;

describe('signing PIN', () => {
  it('is set by its owner only, stored as a hash, and refuses guessable or malformed PINs', async () => {
    const teacher = await user('teacher');
    expect((await teacher.get('/api/auth/signing-pin')).json()).toEqual({ set: false, setAt: null });
    for (const pin of ['1234', '0000', '987654', '12a4', '123']) {
      const bad = await teacher.put('/api/auth/signing-pin', { pin });
      expect(bad.statusCode, pin).toBe(400);
      expect(bad.json().fields[0].field).toBe('pin');
    }
    const set = await teacher.put('/api/auth/signing-pin', { pin: '2580' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ set: true, setAt: expect.any(String) });
    const [row] = await queryRows<{ h: string }>(t.db, sql`select signing_pin_hash as h from accounts where person_id = ${id('teacher')}`);
    expect(row?.h).toMatch(/^\$argon2id\$/);
    expect(row?.h).not.toContain('2580');
    // The route has no account id: nobody sets another person's PIN.
    const other = await (await user('otherTeacher')).get('/api/auth/signing-pin');
    expect(other.json()).toEqual({ set: false, setAt: null });
  });
});

describe('venue signing', () => {
  it('signs for participants in turn on the secretary’s device, the chair last locks', async () => {
    const meeting = await signingMinutes();
    const url = `/api/meetings/${meeting.id}/minutes/venue-sign`;
    const secretary = await user('teamHead');
    await (await user('teacher')).put('/api/auth/signing-pin', { pin: '2580' });
    await (await user('principal')).put('/api/auth/signing-pin', { pin: '13579' });

    const view = (await secretary.get(`/api/meetings/${meeting.id}/minutes`)).json();
    expect(view.can.venueSign).toBe(true);
    expect(view.participants.find((p: { personId: string }) => p.personId === w.guests[0].person.id).unitName).toBe(
      'Trường THCS Tân Thạnh Tây',
    );
    expect((await (await user('teacher')).get(`/api/meetings/${meeting.id}/minutes`)).json().can.venueSign).toBe(false);

    const wrong = await secretary.post(url, { personId: id('teacher'), pin: '1470' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([{ field: 'pin', message: 'Mã PIN không đúng. Còn 4 lần thử' }]);
    expect(await failures(id('teacher'))).toBe(1);
    expect(await signaturesOf(meeting.id)).toEqual([]);

    const nonSigner = await secretary.post(url, { personId: id('sameSchoolTeacher'), password: w.users.sameSchoolTeacher.password });
    expect(nonSigner.statusCode).toBe(403);
    const byParticipant = await (await user('teacher')).post(url, { personId: w.guests[0].person.id, password: w.guests[0].password });
    expect(byParticipant.statusCode).toBe(403);
    const noSecret = await secretary.post(url, { personId: id('teacher') });
    expect(noSecret.statusCode).toBe(400);

    const ok = await secretary.post(url, { personId: id('teacher'), pin: '2580' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await failures(id('teacher'))).toBe(0);
    expect(ok.json().signatures).toEqual([
      expect.objectContaining({ fullName: 'Giáo viên 1', method: 'pin', heldByName: 'Tổ trưởng 1', textHash: view.textHash }),
    ]);
    const guestPin = await secretary.post(url, { personId: w.guests[0].person.id, pin: '2580' });
    expect(guestPin.json().fields[0].message).toContain('chưa đặt mã PIN');
    const guest = await secretary.post(url, { personId: w.guests[0].person.id, password: w.guests[0].password });
    expect(guest.statusCode, guest.body).toBe(200);

    const chairEarly = await secretary.post(url, { personId: id('principal'), pin: '13579' });
    expect(chairEarly.statusCode).toBe(409);
    expect(chairEarly.json().message).toBe('Chủ trì ký sau cùng. Còn 1 người chưa ký: Tổ trưởng 1');
    expect((await secretary.post(`/api/meetings/${meeting.id}/minutes/sign`)).statusCode).toBe(200);
    const locked = await secretary.post(url, { personId: id('principal'), pin: '13579' });
    expect(locked.statusCode, locked.body).toBe(200);
    expect(locked.json()).toMatchObject({ status: 'locked', lockedAt: expect.any(String) });

    const rows = await signaturesOf(meeting.id);
    expect(rows.map((r) => [r.personId, r.method, r.heldBy])).toEqual([
      [id('teacher'), 'pin', id('teamHead')],
      [w.guests[0].person.id, 'password', id('teamHead')],
      [id('teamHead'), 'account', null],
      [id('principal'), 'pin', id('teamHead')],
    ]);
    expect(rows[0]?.device).toEqual(expect.any(String));
    const [audit] = await queryRows<{ after: { signerId: string; method: string } }>(
      t.db,
      sql`select after from audit_log where action = 'minutes.lock' and entity_id = (select id::text from minutes where meeting_id = ${meeting.id})`,
    );
    expect(audit?.after).toMatchObject({ signerId: id('principal'), method: 'pin' });
    const verify = (await secretary.get(`/api/meetings/${meeting.id}/minutes/verify`)).json();
    expect(verify).toMatchObject({ allRequiredSigned: true, allSignaturesMatch: true });

    const after = await secretary.post(url, { personId: id('teacher'), pin: '2580' });
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('MINUTES_LOCKED');
  });

  it('refuses another meeting’s secretary and blocks a signer after five wrong PINs', async () => {
    const meeting = await signingMinutes();
    const url = `/api/meetings/${meeting.id}/minutes/venue-sign`;
    await buildMeeting(t.db, {
      hostOrgId: w.orgs.school1b.id,
      schoolYearId: w.year.id,
      networkId: w.networks.network1.id,
      title: 'Buổi khác',
      secretaryPersonId: id('networkPrincipal'),
    });
    const otherSecretary = await user('networkPrincipal');
    const refused = await otherSecretary.post(url, { personId: w.guests[0].person.id, password: w.guests[0].password });
    expect(refused.statusCode).toBe(403);

    const secretary = await user('teamHead');
    await (await as(w.guests[0])).put('/api/auth/signing-pin', { pin: '8642' });
    for (let i = 0; i < 5; i++) {
      expect((await secretary.post(url, { personId: w.guests[0].person.id, pin: '1111' })).statusCode).toBe(400);
    }
    const blocked = await secretary.post(url, { personId: w.guests[0].person.id, pin: '8642' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'VENUE_SIGN_RATE_LIMITED', message: expect.stringContaining('15 phút') });
    expect(await signaturesOf(meeting.id)).toEqual([]);
    // Other signers are not blocked by one person's failures.
    expect((await secretary.post(url, { personId: id('teacher'), pin: '2580' })).statusCode).toBe(200);
  });
});
