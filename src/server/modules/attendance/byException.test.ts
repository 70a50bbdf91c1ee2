import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../../tests/helpers/counts';
import {
  buildMinutesMeeting,
  buildMinutesWorld,
  clientPool,
  type MinutesRole,
  type MinutesWorld,
} from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { AttendanceSheet } from '../../../shared/minutes';

/**
 * Issue 15, point 5: attendance by exception. QR check-ins are present; the secretary types only the exceptions and
 * "Tất cả có mặt" (`othersPresent`) records everyone else not yet recorded as present, in the same transaction.
 */
let t: TestApp;
let w: MinutesWorld;
let as: (u: { email: string; password: string }) => Promise<TestClient>;
const user = (r: MinutesRole) => as(w.users[r]);

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://lientruong.test' });
  w = await buildMinutesWorld(t.db);
  as = clientPool(t);
});
afterAll(() => t.close());

const byPerson = (sheet: AttendanceSheet) => new Map(sheet.rows.map((r) => [r.personId, r]));

describe('attendance by exception', () => {
  it('keeps QR check-ins, records the exceptions, and everyone else present with one action', async () => {
    const { meeting, guests } = await buildMinutesMeeting(t.db, w, { startsAt: new Date(Date.now() - 10 * 60_000) });
    const secretary = await user('teamHead');
    const code = (await secretary.get(`/api/meetings/${meeting.id}/checkin-code`)).json().path as string;
    const qr = await (await user('teacher')).post(`/api/checkin${code.slice('/checkin'.length)}`);
    expect(qr.statusCode, qr.body).toBe(200);

    const res = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [
        { personId: guests[0].person.id, status: 'late' },
        { personId: guests[1].person.id, status: 'absent', reason: 'Ốm' },
      ],
      othersPresent: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json() as AttendanceSheet;
    const rows = byPerson(sheet);
    expect(rows.get(w.users.teacher.person.id)).toMatchObject({ status: 'present', method: 'qr' });
    expect(rows.get(w.users.teamHead.person.id)).toMatchObject({ status: 'present', method: 'secretary' });
    expect(rows.get(guests[0].person.id)).toMatchObject({ status: 'late' });
    expect(rows.get(guests[1].person.id)).toMatchObject({ status: 'absent', reason: 'Ốm' });
    expect(rows.get(guests[2].person.id)).toMatchObject({ status: 'present', method: 'secretary' });
    expect(sheet.rows.filter((r) => !r.status)).toEqual([]);
    expect(sheet.summary).toMatchObject({ invited: 5, attended: 4 });
  });

  it('"all present" again leaves every recorded exception as it was', async () => {
    const { meeting, guests } = await buildMinutesMeeting(t.db, w);
    const secretary = await user('teamHead');
    const first = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [{ personId: guests[2].person.id, status: 'excused', reason: 'Đi tập huấn' }],
    });
    expect(first.statusCode, first.body).toBe(200);
    const again = await secretary.put(`/api/meetings/${meeting.id}/attendance`, { othersPresent: true });
    expect(again.statusCode, again.body).toBe(200);
    const rows = byPerson(again.json());
    expect(rows.get(guests[2].person.id)).toMatchObject({ status: 'excused', reason: 'Đi tập huấn' });
    expect([...rows.values()].filter((r) => r.status === 'present')).toHaveLength(4);
  });

  it('refuses a batch with nothing in it, naming the field, and a missing reason beside "all present", writing nothing', async () => {
    const { meeting, guests } = await buildMinutesMeeting(t.db, w);
    const secretary = await user('teamHead');
    const before = await tableCounts(t.db);
    const empty = await secretary.put(`/api/meetings/${meeting.id}/attendance`, { entries: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe('entries');
    const noReason = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [{ personId: guests[0].person.id, status: 'excused' }],
      othersPresent: true,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].field).toBe('entries.0.reason');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('only those who record attendance may mark everyone present', async () => {
    const { meeting } = await buildMinutesMeeting(t.db, w);
    const res = await (await user('teacher')).put(`/api/meetings/${meeting.id}/attendance`, { othersPresent: true });
    expect(res.statusCode).toBe(403);
    const sheet = (await (await user('teamHead')).get(`/api/meetings/${meeting.id}/attendance`)).json() as AttendanceSheet;
    expect(sheet.rows.every((r) => r.status === null)).toBe(true);
  });
});
