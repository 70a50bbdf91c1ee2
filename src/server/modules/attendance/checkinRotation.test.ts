import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildMinutesMeeting,
  buildMinutesWorld,
  clientPool,
  type MinutesRole,
  type MinutesWorld,
} from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

let t: TestApp;
let w: MinutesWorld;
let as: (u: { email: string; password: string }) => Promise<TestClient>;
const user = (r: MinutesRole) => as(w.users[r]);
const EXPIRED = 'Mã QR đã hết hạn, hãy quét lại mã đang hiển thị trên màn hình của thư ký';

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://lientruong.test' });
  w = await buildMinutesWorld(t.db);
  as = clientPool(t);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => t.close());

/** Freezes the clock (Date only) at `at`, 5 s into a 30-second window so the window arithmetic below is exact. */
function freezeAt(at: number): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}

async function setup() {
  const start = Math.floor(Date.now() / 30_000) * 30_000 + 5_000;
  freezeAt(start);
  const { meeting } = await buildMinutesMeeting(t.db, w, { startsAt: new Date(start - 5 * 60_000) });
  const secretary = await user('teamHead');
  const shown = await secretary.get(`/api/meetings/${meeting.id}/checkin-code`);
  expect(shown.statusCode, shown.body).toBe(200);
  const path = shown.json().path as string;
  const api = `/api/checkin${path.slice('/checkin'.length)}`;
  const teacherRow = async () => {
    const sheet = (await secretary.get(`/api/meetings/${meeting.id}/attendance`)).json();
    return sheet.rows.find((r: { personId: string }) => r.personId === w.users.teacher.person.id);
  };
  return { meeting, start, shown: shown.json(), api, teacherRow };
}

describe('rotating QR check-in code', () => {
  it('never shows the stored secret; the code changes every 30 seconds', async () => {
    const { meeting, start, shown } = await setup();
    expect(JSON.stringify(shown)).not.toContain(meeting.checkinSecret);
    expect(shown.path).toMatch(new RegExp(`^/checkin/${meeting.id}/[A-Za-z0-9_-]{16}$`));
    expect(new Date(shown.codeExpiresAt).getTime()).toBe(start + 25_000);
    vi.setSystemTime(start + 30_000);
    const next = (await (await user('teamHead')).get(`/api/meetings/${meeting.id}/checkin-code`)).json();
    expect(next.path).not.toBe(shown.path);
  });

  it('accepts the code of the current window', async () => {
    const { api, teacherRow } = await setup();
    const res = await (await user('teacher')).post(api);
    expect(res.statusCode, res.body).toBe(200);
    expect(await teacherRow()).toMatchObject({ status: 'present', method: 'qr' });
  });

  it('accepts the code of the previous window (shown just before it rotated)', async () => {
    const { start, api, teacherRow } = await setup();
    vi.setSystemTime(start + 30_000);
    const res = await (await user('teacher')).post(api);
    expect(res.statusCode, res.body).toBe(200);
    expect(await teacherRow()).toMatchObject({ status: 'present', method: 'qr' });
  });

  it('refuses a code two windows old (a forwarded photo) with a clear message and writes nothing', async () => {
    const { meeting, start, api, teacherRow } = await setup();
    vi.setSystemTime(start + 60_000);
    const teacher = await user('teacher');
    const res = await teacher.post(api);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().message).toBe(EXPIRED);
    expect((await teacher.get(api)).statusCode).toBe(403);
    expect(await teacherRow()).toMatchObject({ status: null, method: null });
    // The landing page names the meeting only for a live code.
    vi.setSystemTime(start);
    const preview = await teacher.get(api);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ meetingTitle: meeting.title, expiresAt: new Date(start + 55_000).toISOString() });
  });

  it('refuses a forged code and the raw stored secret, writing nothing', async () => {
    const { meeting, teacherRow } = await setup();
    const teacher = await user('teacher');
    for (const code of [randomBytes(12).toString('base64url'), meeting.checkinSecret]) {
      const res = await teacher.post(`/api/checkin/${meeting.id}/${code}`);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().message).toBe(EXPIRED);
    }
    expect(await teacherRow()).toMatchObject({ status: null, method: null });
  });
});
