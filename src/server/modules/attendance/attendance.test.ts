import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAttendance } from '../../../../tests/factories';
import { tableCounts } from '../../../../tests/helpers/counts';
import {
  buildMinutesMeeting,
  buildMinutesWorld,
  clientPool,
  type MinutesRole,
  type MinutesWorld,
} from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { TravelRow } from './repo';
import { travelBatches } from './travel';

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

describe('attendance sheet', () => {
  it('lists invitees with venue, saves a batch in one go and counts per venue', async () => {
    const { meeting, central, bridge, guests } = await buildMinutesMeeting(t.db, w);
    const secretary = await user('teamHead');
    const sheet = (await secretary.get(`/api/meetings/${meeting.id}/attendance`)).json();
    expect(sheet.can).toEqual({ record: true, showCheckinCode: true });
    expect(sheet.rows).toHaveLength(5);
    expect(sheet.rows[0].venue).toMatchObject({ id: central.id, isCentral: true });
    expect(sheet.rows.find((r: { personId: string }) => r.personId === guests[0].person.id).unitName).toBe('Trường THCS Tân Thạnh Tây');

    const res = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [
        { personId: w.users.teacher.person.id, status: 'present' },
        { personId: w.users.teamHead.person.id, status: 'present' },
        { personId: guests[0].person.id, status: 'late' },
        { personId: guests[1].person.id, status: 'excused', reason: 'Ốm' },
        { personId: guests[2].person.id, status: 'absent', reason: 'Không báo' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const summary = (await (await user('networkPrincipal')).get(`/api/meetings/${meeting.id}/attendance/summary`)).json();
    expect(summary).toMatchObject({ plannedCount: 6, invited: 5, attended: 3 });
    expect(summary.venues).toEqual([
      {
        venue: { id: central.id, name: central.name, isCentral: true },
        invited: 2,
        present: 2,
        late: 0,
        excused: 0,
        absent: 0,
        unrecorded: 0,
      },
      {
        venue: { id: bridge.id, name: bridge.name, isCentral: false },
        invited: 3,
        present: 0,
        late: 1,
        excused: 1,
        absent: 1,
        unrecorded: 0,
      },
    ]);
  });

  it('takes an unexcused absence without a reason, and the minutes say «vắng không lý do»', async () => {
    const { meeting } = await buildMinutesMeeting(t.db, w);
    const secretary = await user('teamHead');
    const res = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [
        { personId: w.users.teacher.person.id, status: 'present' },
        { personId: w.users.teamHead.person.id, status: 'absent' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const docx = await secretary.get(`/api/exports/minutes/${meeting.id}.docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    const xml = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml.replace(/<[^>]+>/g, '')).toContain(': vắng không lý do.');
  });

  it('refuses an excused absence without its reason or a person not invited, and writes nothing', async () => {
    const { meeting } = await buildMinutesMeeting(t.db, w);
    const secretary = await user('teamHead');
    const before = await tableCounts(t.db);
    const noReason = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [
        { personId: w.users.teacher.person.id, status: 'present' },
        { personId: w.users.teamHead.person.id, status: 'excused' },
      ],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toEqual([{ field: 'entries.1.reason', message: 'Cần ghi lý do vắng có phép' }]);
    const stranger = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [
        { personId: w.users.teacher.person.id, status: 'present' },
        { personId: w.users.otherTeacher.person.id, status: 'present' },
      ],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().fields[0].field).toBe('entries.1.personId');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it.each<[MinutesRole, number]>([
    ['teamHead', 200],
    ['principal', 200],
    ['communeLeader', 200],
    ['specialist', 200],
    ['admin', 200],
    ['teacher', 403],
    ['networkPrincipal', 403],
    ['otherPrincipal', 403],
    ['otherTeacher', 403],
  ])('recording attendance as %s → %i', async (role, status) => {
    const { meeting } = await buildMinutesMeeting(t.db, w);
    const c = await user(role);
    const put = await c.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [{ personId: w.users.teacher.person.id, status: 'present' }],
    });
    expect(put.statusCode, put.body).toBe(status);
    expect((await c.get(`/api/meetings/${meeting.id}/attendance`)).statusCode).toBe(status);
    expect((await c.get(`/api/meetings/${meeting.id}/checkin-code`)).statusCode).toBe(status);
  });
});

describe('QR check-in', () => {
  const checkin = async (role: MinutesRole, path: string) => (await user(role)).post(`/api/checkin${path.slice('/checkin'.length)}`);
  /** The link the secretary's screen shows right now (its code rotates every 30 seconds). */
  const shown = async (meetingId: string): Promise<string> =>
    (await (await user('teamHead')).get(`/api/meetings/${meetingId}/checkin-code`)).json().path;

  it('shows a link to the secretary; a teacher checks in once, present before start + 15 min', async () => {
    const { meeting } = await buildMinutesMeeting(t.db, w, { startsAt: new Date(Date.now() - 5 * 60_000) });
    const code = (await (await user('teamHead')).get(`/api/meetings/${meeting.id}/checkin-code`)).json();
    expect(code.url).toBe(`https://lientruong.test${code.path}`);
    expect(code.path).toMatch(new RegExp(`^/checkin/${meeting.id}/[A-Za-z0-9_-]{16}$`));
    const first = await checkin('teacher', code.path);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'present', alreadyCheckedIn: false });
    const again = await checkin('teacher', code.path);
    expect(again.json()).toMatchObject({ status: 'present', alreadyCheckedIn: true, checkedInAt: first.json().checkedInAt });
    const sheet = (await (await user('teamHead')).get(`/api/meetings/${meeting.id}/attendance`)).json();
    const row = sheet.rows.find((r: { personId: string }) => r.personId === w.users.teacher.person.id);
    expect(row).toMatchObject({ status: 'present', method: 'qr' });
    expect(row.venue.isCentral).toBe(true);

    // The secretary then saves the whole sheet: the unchanged QR row keeps how and when it was recorded.
    const secretary = await user('teamHead');
    const entries = sheet.rows.map((r: { personId: string; status: string | null }) =>
      r.personId === w.users.teacher.person.id
        ? { personId: r.personId, status: 'present' }
        : { personId: r.personId, status: 'excused', reason: 'Đi tập huấn' },
    );
    const saved = await secretary.put(`/api/meetings/${meeting.id}/attendance`, { entries });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    const after = (await secretary.get(`/api/meetings/${meeting.id}/attendance`)).json();
    const kept = after.rows.find((r: { personId: string }) => r.personId === w.users.teacher.person.id);
    expect(kept).toMatchObject({ status: 'present', method: 'qr', checkedInAt: row.checkedInAt });
  });

  it('marks late after start + 15 minutes, refuses outside the window, a wrong secret and strangers', async () => {
    const late = await buildMinutesMeeting(t.db, w, { startsAt: new Date(Date.now() - 20 * 60_000) });
    const res = await checkin('teacher', await shown(late.meeting.id));
    expect(res.json().status).toBe('late');

    const early = await buildMinutesMeeting(t.db, w, { startsAt: new Date(Date.now() + 40 * 60_000) });
    const tooEarly = await checkin('teacher', await shown(early.meeting.id));
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().message).toBe('Chưa đến giờ điểm danh');
    const soon = await buildMinutesMeeting(t.db, w, { startsAt: new Date(Date.now() + 20 * 60_000) });
    expect((await checkin('teacher', await shown(soon.meeting.id))).json().status).toBe('present');

    const over = await buildMinutesMeeting(t.db, w, { startsAt: new Date(Date.now() - 3 * 3_600_000) });
    const tooLate = await checkin('teacher', await shown(over.meeting.id));
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().message).toBe('Buổi sinh hoạt đã kết thúc');

    expect((await checkin('teacher', `/checkin/${late.meeting.id}/sai-ma`)).statusCode).toBe(403);
    const otherMeetingsCode = (await shown(early.meeting.id)).split('/').pop();
    expect((await checkin('teacher', `/checkin/${late.meeting.id}/${otherMeetingsCode}`)).statusCode).toBe(403);
    const stranger = await checkin('otherTeacher', await shown(late.meeting.id));
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json().message).toContain('không có trong danh sách mời');
    expect((await t.client().post(`/api/checkin${(await shown(late.meeting.id)).slice('/checkin'.length)}`)).statusCode).toBe(401);
  });
});

describe('travel-allowance export', () => {
  it('lists who attended meetings hosted in the org subtree, for office staff and host managers only', async () => {
    const { meeting, guests } = await buildMinutesMeeting(t.db, w, {
      title: 'Chuyên đề công tác phí',
      startsAt: new Date('2025-10-20T07:30:00+07:00'),
    });
    await (await user('teamHead')).put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [
        { personId: guests[0].person.id, status: 'present' },
        { personId: guests[1].person.id, status: 'absent', reason: 'Ốm' },
      ],
    });
    const url = `/api/attendance/travel.xlsx?from=2025-10-01&to=2025-10-31&orgId=${w.orgs.commune1.id}`;
    const res = await (await user('communeLeader')).get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['TT', 'Họ và tên', 'Đơn vị', 'Buổi sinh hoạt', 'Ngày', 'Đơn vị tổ chức', 'Điểm cầu', 'Tình trạng']);
    expect(rows.slice(1)).toEqual([
      [
        1,
        'Giáo viên khách 01',
        'Trường THCS Tân Thạnh Tây',
        'Chuyên đề công tác phí',
        '20/10/2025',
        'Trường THCS Tân Thạnh Đông',
        'Điểm cầu Tân Thạnh Tây',
        'Có mặt',
      ],
    ]);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Công tác phí');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(ws.columns.map((c) => c.width)).toEqual([6, 28, 32, 40, 12, 32, 28, 14]);
    expect(ws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect((await (await user('principal')).get(url.replace(w.orgs.commune1.id, w.orgs.school1.id))).statusCode).toBe(200);
    expect((await (await user('principal')).get(url)).statusCode).toBe(403);
    expect((await (await user('teacher')).get(url)).statusCode).toBe(403);
    expect((await (await user('otherPrincipal')).get(url)).statusCode).toBe(403);
    expect((await (await user('communeLeader')).get(url.replace('from=2025-10-01', 'from=2025-11-30'))).statusCode).toBe(400);
  });
});

describe('travel-allowance export, paged', () => {
  it('reads the rows a page of meetings at a time: one meeting per page gives the same rows, in the same order', async () => {
    // Two meetings share their start and title (the page boundary falls between them), a third is earlier.
    const same = new Date('2025-11-12T07:30:00+07:00');
    const made = [
      await buildMinutesMeeting(t.db, w, { title: 'Chuyên đề B', startsAt: same }),
      await buildMinutesMeeting(t.db, w, { title: 'Chuyên đề B', startsAt: same }),
      await buildMinutesMeeting(t.db, w, { title: 'Chuyên đề A', startsAt: new Date('2025-11-05T07:30:00+07:00') }),
    ];
    for (const { meeting, guests } of made) {
      await buildAttendance(t.db, { meetingId: meeting.id, personId: guests[1].person.id });
      await buildAttendance(t.db, { meetingId: meeting.id, personId: guests[0].person.id, status: 'late' });
      await buildAttendance(t.db, { meetingId: meeting.id, personId: guests[2].person.id, status: 'absent', reason: 'Ốm' });
    }
    const range = { from: '2025-11-01', to: '2025-11-30' };
    const read = async (perPage: number) => {
      const rows: TravelRow[] = [];
      for await (const batch of travelBatches(t.db, [w.orgs.school1.id], range, '2025-11-30', perPage)) rows.push(...batch);
      return rows;
    };
    const whole = await read(200);
    expect(whole.map((r) => [r.meetingTitle, r.startsAt, r.fullName, r.status])).toEqual([
      ['Chuyên đề A', '2025-11-05', 'Giáo viên khách 01', 'late'],
      ['Chuyên đề A', '2025-11-05', 'Giáo viên khách 02', 'present'],
      ['Chuyên đề B', '2025-11-12', 'Giáo viên khách 01', 'late'],
      ['Chuyên đề B', '2025-11-12', 'Giáo viên khách 02', 'present'],
      ['Chuyên đề B', '2025-11-12', 'Giáo viên khách 01', 'late'],
      ['Chuyên đề B', '2025-11-12', 'Giáo viên khách 02', 'present'],
    ]);
    expect(await read(1)).toEqual(whole);
    expect(await read(2)).toEqual(whole);

    const res = await (await user('communeLeader')).get(
      `/api/attendance/travel.xlsx?from=2025-11-01&to=2025-11-30&orgId=${w.orgs.commune1.id}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = (wb.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(sheet.slice(1).map((r) => [r[0], r[1], r[3], r[7]])).toEqual(
      whole.map((r, i) => [i + 1, r.fullName, r.meetingTitle, r.status === 'late' ? 'Đến muộn' : 'Có mặt']),
    );
  });

  it('takes the dates in Vietnam time: a meeting at 23:30 on the last day is in, one at midnight after it is out', async () => {
    const at = ['2025-12-31T23:59:00+07:00', '2026-01-01T00:00:00+07:00', '2026-01-31T23:30:00+07:00', '2026-02-01T00:00:00+07:00'];
    for (const [i, startsAt] of at.entries()) {
      const { meeting, guests } = await buildMinutesMeeting(t.db, w, { title: `Ranh giới ${i}`, startsAt: new Date(startsAt) });
      await buildAttendance(t.db, { meetingId: meeting.id, personId: guests[0].person.id });
    }
    const rows: TravelRow[] = [];
    for await (const batch of travelBatches(t.db, [w.orgs.school1.id], { from: '2026-01-01', to: '2026-01-31' }, '2026-01-31', 1)) {
      rows.push(...batch);
    }
    expect(rows.map((r) => [r.meetingTitle, r.startsAt])).toEqual([
      ['Ranh giới 1', '2026-01-01'],
      ['Ranh giới 2', '2026-01-31'],
    ]);
  });
});
