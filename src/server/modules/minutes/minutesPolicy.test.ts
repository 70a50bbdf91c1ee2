import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMinutesMeeting,
  buildMinutesWorld,
  clientPool,
  type MinutesRole,
  type MinutesWorld,
} from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/** Every role on the minutes of a network-1 meeting hosted by school 1 (chair: principal, secretary: team head). */
let t: TestApp;
let w: MinutesWorld;
let as: (u: { email: string; password: string }) => Promise<TestClient>;
let meetingId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMinutesWorld(t.db, { guests: 1 });
  as = clientPool(t);
  const { meeting } = await buildMinutesMeeting(t.db, w);
  meetingId = meeting.id;
  const secretary = await as(w.users.teamHead);
  await secretary.put(`/api/meetings/${meetingId}/attendance`, {
    entries: [
      { personId: w.users.teacher.person.id, status: 'present' },
      { personId: w.users.teamHead.person.id, status: 'present' },
      { personId: w.guests[0].person.id, status: 'absent', reason: 'Ốm' },
    ],
  });
});
afterAll(() => t.close());

//                       role                  read  edit  sign (while signing)
const table: Array<[MinutesRole, number, number, number]> = [
  ['teamHead', 200, 200, 200], // secretary
  ['principal', 200, 200, 409], // chair: may edit; signs last (409 while others are missing)
  ['teacher', 200, 403, 200], // invited and present
  ['networkPrincipal', 200, 403, 403], // manager of a network school
  ['communeLeader', 200, 403, 403], // office above the host
  ['specialist', 200, 403, 403], // province office
  ['admin', 200, 403, 403],
  ['sameSchoolTeacher', 403, 403, 403], // works at the host school, not invited
  ['otherTeacher', 403, 403, 403], // another school
  ['otherPrincipal', 403, 403, 403], // manager of a school outside the network
];

describe('minutes policy per role', () => {
  it.each(table)('%s reads %i and edits %i', async (role, read, edit) => {
    const c = await as(w.users[role]);
    const view = await c.get(`/api/meetings/${meetingId}/minutes`);
    expect(view.statusCode).toBe(read);
    expect((await c.get(`/api/meetings/${meetingId}/attendance/summary`)).statusCode).toBe(read);
    if (read === 200) expect(view.json().can.edit).toBe(edit === 200);
    const put = await c.put(`/api/meetings/${meetingId}/minutes`, { discussion: `<p>Góp ý của ${role}</p>`, recommendations: '' });
    expect(put.statusCode, put.body).toBe(edit);
  });

  it('start-signing is for the secretary and chair only', async () => {
    for (const role of ['teacher', 'admin', 'communeLeader', 'otherTeacher'] as const) {
      expect((await (await as(w.users[role])).post(`/api/meetings/${meetingId}/minutes/start-signing`)).statusCode).toBe(403);
    }
    expect((await (await as(w.users.teamHead)).post(`/api/meetings/${meetingId}/minutes/start-signing`)).statusCode).toBe(200);
  });

  it.each(table)('%s signs → %#', async (role, _read, _edit, sign) => {
    const c = await as(w.users[role]);
    const res = await c.post(`/api/meetings/${meetingId}/minutes/sign`);
    expect(res.statusCode, res.body).toBe(sign);
    if (sign === 200) expect(res.json().can.sign).toBe(false);
  });

  it('the absent guest is not a participant and cannot sign', async () => {
    expect((await (await as(w.guests[0])).post(`/api/meetings/${meetingId}/minutes/sign`)).statusCode).toBe(403);
  });
});
