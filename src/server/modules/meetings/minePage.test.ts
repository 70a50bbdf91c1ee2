import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInvitations, buildMeeting } from '../../../../tests/factories';
import { buildMeetingWorld, type MeetingWorld } from '../../../../tests/helpers/meetingWorld';
import { clientPool } from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import type { MeetingSummary, MinePage } from '../../../shared/meetings';

let t: TestApp;
let w: MeetingWorld;
let as: ReturnType<typeof clientPool>;

/** The day the pages split on, and the guest's meetings around it. */
const DAY = '2025-11-20';
const vnDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMeetingWorld(t.db);
  as = clientPool(t);
  const base = { hostOrgId: w.orgs.school1.id, schoolYearId: w.year.id };
  const invite = async (key: string, o: Partial<Parameters<typeof buildMeeting>[1]>) => {
    const m = await buildMeeting(t.db, { ...base, title: `Buổi ${key}`, ...o });
    await buildInvitations(t.db, m.id, [w.users.guest.person.id]);
    ids[key] = m.id;
  };
  // Twelve weekly meetings from 2025-09-04: eleven before DAY, the twelfth on DAY + 7.
  for (let i = 0; i < 12; i += 1) {
    const day = new Date(Date.UTC(2025, 8, 4 + 7 * i)).toISOString().slice(0, 10);
    await invite(`tuần ${i + 1}`, { startsAt: at(day === '2025-11-20' ? '2025-11-27' : day, '07:30') });
  }
  // Two at the same time after DAY (the cursor must cut between them), a two-day one that started before DAY and
  // ends on it (upcoming), one that ended the evening before DAY (past), a cancelled one (listed) and an invitation
  // to a draft (not listed to the invitee).
  await invite('cùng giờ A', { startsAt: at('2025-12-04', '13:30') });
  await invite('cùng giờ B', { startsAt: at('2025-12-04', '13:30') });
  await invite('hai ngày', { startsAt: at('2025-11-19', '07:30'), endsAt: at(DAY, '11:00') });
  await invite('tối hôm trước', { startsAt: at('2025-11-19', '18:00'), endsAt: at('2025-11-19', '23:59') });
  await invite('đã hủy', { startsAt: at('2025-12-11', '07:30'), status: 'cancelled' });
  await invite('nháp', { startsAt: at('2025-12-18', '07:30'), status: 'draft', chairPersonId: w.users.chair.person.id });
});
afterAll(() => t.close());

/** Every page of one list, following the cursors. */
async function pages(user: { email: string; password: string }, period: 'upcoming' | 'past', limit: number) {
  const c = await as(user);
  const all: MinePage[] = [];
  let after: string | null = null;
  do {
    const res = await c.get(`/api/meetings/mine/${period}?date=${DAY}&limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as MinePage;
    all.push(page);
    after = page.next;
  } while (after && all.length < 50);
  return all;
}

const key = (m: MeetingSummary) => `${m.startsAt}_${m.id}`;

describe('"my meetings" a page at a time', () => {
  it('pages the upcoming meetings soonest first, every one once, and ends with no cursor', async () => {
    const all = await (await as(w.users.guest)).get('/api/meetings/mine');
    const expected = (all.json() as MeetingSummary[]).filter((m) => vnDay(m.endsAt) >= DAY);
    const got = await pages(w.users.guest, 'upcoming', 2);
    const lines = got.flatMap((p) => p.meetings);
    expect(got.at(-1)?.next).toBeNull();
    expect(got.slice(0, -1).every((p) => p.meetings.length === 2 && p.next !== null)).toBe(true);
    expect(lines.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    expect(lines.map(key)).toEqual(lines.map(key).sort());
    expect(lines.map((m) => m.title)).toEqual(
      expect.arrayContaining(['Buổi hai ngày', 'Buổi cùng giờ A', 'Buổi cùng giờ B', 'Buổi đã hủy', 'Buổi tuần 12']),
    );
    expect(lines.map((m) => m.title)).not.toContain('Buổi nháp');
    expect(lines.map((m) => m.title)).not.toContain('Buổi tối hôm trước');
    // The same lines as the whole list gives, roles and subjects included.
    for (const m of lines) expect(m).toEqual(expected.find((e) => e.id === m.id));
  });

  it('cuts between two meetings at the same time without losing or repeating either', async () => {
    const upcoming = (await pages(w.users.guest, 'upcoming', 1)).flatMap((p) => p.meetings);
    const same = upcoming.filter((m) => m.title.startsWith('Buổi cùng giờ'));
    expect(same.map((m) => m.id).sort()).toEqual([ids['cùng giờ A'], ids['cùng giờ B']].sort());
    expect(new Set(upcoming.map((m) => m.id)).size).toBe(upcoming.length);
  });

  it('pages the past meetings latest first', async () => {
    const got = await pages(w.users.guest, 'past', 5);
    const lines = got.flatMap((p) => p.meetings);
    expect(lines.map((m) => m.title)).toEqual(['Buổi tối hôm trước', ...Array.from({ length: 11 }, (_, i) => `Buổi tuần ${11 - i}`)]);
    expect(got.map((p) => p.meetings.length)).toEqual([5, 5, 2]);
    expect(got.at(-1)?.next).toBeNull();
  });

  it("shows the chair their draft, and another teacher none of the guest's meetings", async () => {
    const chair = (await pages(w.users.chair, 'upcoming', 20)).flatMap((p) => p.meetings);
    expect(chair.map((m) => m.id)).toEqual([ids.nháp]);
    expect(chair[0].myRoles).toEqual(['chair']);
    const other = [...(await pages(w.users.networkTeacher, 'upcoming', 20)), ...(await pages(w.users.networkTeacher, 'past', 20))];
    const guestIds = new Set(Object.values(ids));
    expect(other.flatMap((p) => p.meetings).filter((m) => guestIds.has(m.id))).toEqual([]);
  });

  it('splits on today when no date is given', async () => {
    const c = await as(w.users.guest);
    // Every fixture meeting is in 2025, before today (2026 or later): all of them are past.
    const up = (await c.get('/api/meetings/mine/upcoming')).json() as MinePage;
    expect(up.meetings.filter((m) => Object.values(ids).includes(m.id))).toEqual([]);
    const past = (await c.get('/api/meetings/mine/past?limit=100')).json() as MinePage;
    expect(past.meetings.filter((m) => Object.values(ids).includes(m.id)).length).toBe(Object.keys(ids).length - 1);
  });

  it('refuses a bad cursor, limit or date naming the field, and anonymous callers', async () => {
    const c = await as(w.users.guest);
    for (const [query, field, label] of [
      ['after=2025-11-20_abc', 'after', 'Vị trí trang'],
      [`after=${encodeURIComponent(`2025-13-45T07:00:00Z_${ids['tuần 1']}`)}`, 'after', 'Vị trí trang'],
      ['limit=0', 'limit', 'Số dòng mỗi trang'],
      ['limit=101', 'limit', 'Số dòng mỗi trang'],
      ['limit=abc', 'limit', 'Số dòng mỗi trang'],
      ['date=2025-02-30', 'date', 'Ngày'],
    ] as const) {
      const res = await c.get(`/api/meetings/mine/upcoming?${query}`);
      expect(res.statusCode, query).toBe(400);
      const body = res.json() as { fields: Array<{ field: string; message: string }> };
      expect(body.fields.map((f) => f.field)).toEqual([field]);
      expect(body.fields[0].message).toContain(label);
    }
    expect((await t.client().get('/api/meetings/mine/past')).statusCode).toBe(401);
  });
});
