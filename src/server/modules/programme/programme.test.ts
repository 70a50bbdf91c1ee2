import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssignment, buildMeeting, buildSchoolYear } from '../../../../tests/factories';
import { tableCounts } from '../../../../tests/helpers/counts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { buildWorld, type Role, type World } from '../../../../tests/helpers/world';
import type { AssignmentView } from '../../../shared/programme';
import { subjects } from '../../db/schema';

/**
 * The province programme through HTTP (seed 002 Phụ lục I): the Sở assigns, the unit links its meeting, statuses and
 * due dates; every role allowed and refused; bad input answered with a Vietnamese message naming the field, nothing stored.
 */

let t: TestApp;
let w: World;
let toan: string;
const as: Partial<Record<Role, TestClient>> = {};

async function client(role: Role): Promise<TestClient> {
  if (!as[role]) as[role] = await t.client().login(w.users[role].email, w.users[role].password);
  return as[role] as TestClient;
}

const body = (over: Record<string, unknown> = {}) => ({
  schoolYearId: w.year.id,
  level: 'lower_secondary',
  unitOrgId: w.orgs.school1.id,
  subjectId: toan,
  grade: 8,
  month: '2025-10',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  toan = (await t.db.select().from(subjects)).find((s) => s.code === 'toan')?.id as string;
});
afterAll(async () => t?.close());

describe('assigning province-level meetings', () => {
  it('lets Sở staff and admins assign, and refuses every other role without storing anything', async () => {
    const made = await (await client('specialist')).post('/api/assignments', body());
    expect(made.statusCode).toBe(201);
    const a = made.json<AssignmentView>();
    expect(a).toMatchObject({
      unitName: 'Trường THCS Tân Thạnh Đông',
      subjectName: 'Toán',
      grade: 8,
      month: '2025-10',
      level: 'lower_secondary',
    });
    expect(a.provinceName).toBe('Sở GD&ĐT Thử nghiệm');
    expect(a.can).toEqual({ edit: true, link: true });
    expect((await (await client('admin')).post('/api/assignments', body({ month: '2025-11' }))).statusCode).toBe(201);
    for (const role of ['communeLeader', 'principal', 'teamHead', 'teacher', 'otherPrincipal'] as const) {
      const before = await tableCounts(t.db);
      const res = await (await client(role)).post('/api/assignments', body());
      expect(res.statusCode, role).toBe(403);
      expect(await tableCounts(t.db)).toEqual(before);
    }
  });

  it('refuses a second assignment of the same unit, subject and level in one month, by creating or editing', async () => {
    const sở = await client('specialist');
    const before = await tableCounts(t.db);
    const twice = await sở.post('/api/assignments', body({ grade: 9, notes: 'Trùng' }));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields).toEqual([
      { field: 'month', message: 'Đơn vị đã được phân công sinh hoạt môn này, cấp học này trong tháng này' },
    ]);
    expect(await tableCounts(t.db)).toEqual(before);
    const december = await sở.post('/api/assignments', body({ month: '2025-12' }));
    expect(december.statusCode).toBe(201);
    const moved = await sở.put(`/api/assignments/${december.json<AssignmentView>().id}`, body({ month: '2025-10' }));
    expect(moved.statusCode).toBe(400);
    expect(moved.json().fields[0].field).toBe('month');
    const id = december.json<AssignmentView>().id;
    expect((await sở.put(`/api/assignments/${id}`, body({ month: '2025-12', grade: 9 }))).statusCode).toBe(200);
    expect((await sở.delete(`/api/assignments/${id}`)).statusCode).toBe(204);
  });

  it('shows each unit its own assignments, offices their area, other schools nothing', async () => {
    await buildAssignment(t.db, {
      provinceOrgId: w.orgs.province.id,
      schoolYearId: w.year.id,
      unitOrgId: w.orgs.school2.id,
      subjectId: toan,
      month: '2026-03',
    });
    const seen = async (role: Role) =>
      (await (await client(role)).get(`/api/assignments?schoolYearId=${w.year.id}`))
        .json<AssignmentView[]>()
        .map((a) => a.unitName)
        .sort();
    expect(await seen('specialist')).toEqual(['Trường THCS An Nhơn Tây', 'Trường THCS Tân Thạnh Đông', 'Trường THCS Tân Thạnh Đông']);
    expect(await seen('communeLeader')).toEqual(['Trường THCS Tân Thạnh Đông', 'Trường THCS Tân Thạnh Đông']);
    expect(await seen('principal')).toHaveLength(2);
    expect(await seen('teacher')).toHaveLength(2);
    expect(await seen('otherPrincipal')).toEqual(['Trường THCS An Nhơn Tây']);
    expect(await seen('otherTeacher')).toEqual(['Trường THCS An Nhơn Tây']);
    const byMonth = (await (await client('specialist')).get(`/api/assignments?schoolYearId=${w.year.id}&month=2025-11`)).json<
      AssignmentView[]
    >();
    expect(byMonth.map((a) => a.month)).toEqual(['2025-11']);
    const own = (await (await client('specialist')).get(`/api/assignments?month=2025-10`)).json<AssignmentView[]>()[0];
    expect((await (await client('otherPrincipal')).get(`/api/assignments/${own.id}`)).statusCode).toBe(403);
    expect((await (await client('teacher')).get(`/api/assignments/${own.id}`)).json<AssignmentView>().can).toEqual({
      edit: false,
      link: false,
    });
  });

  it('lets the unit link its meeting: status, due date one week before, refusals', async () => {
    const [a] = (await (await client('principal')).get(`/api/assignments?month=2025-10`)).json<AssignmentView[]>();
    expect(a.status).toBe('overdue');
    expect(a.dueDate).toBeNull();
    const meeting = await buildMeeting(t.db, {
      hostOrgId: w.orgs.school1.id,
      schoolYearId: w.year.id,
      title: 'SHCM cấp tỉnh môn Toán 8',
      startsAt: new Date('2025-10-21T07:30:00+07:00'),
      status: 'held',
    });
    const elsewhere = await buildMeeting(t.db, {
      hostOrgId: w.orgs.school2.id,
      schoolYearId: w.year.id,
      startsAt: new Date('2025-10-22T07:30:00+07:00'),
    });
    const options = (await (await client('principal')).get(`/api/assignments/${a.id}/meetings`)).json<Array<{ id: string }>>();
    expect(options.map((m) => m.id)).toEqual([meeting.id]);
    for (const role of ['teamHead', 'teacher', 'otherPrincipal'] as const) {
      const res = await (await client(role)).put(`/api/assignments/${a.id}/meeting`, { meetingId: meeting.id });
      expect(res.statusCode, role).toBe(403);
    }
    const wrong = await (await client('principal')).put(`/api/assignments/${a.id}/meeting`, { meetingId: elsewhere.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0]).toMatchObject({ field: 'meetingId' });
    expect(wrong.json().message).toContain('không do đơn vị được phân công tổ chức');
    const linked = await (await client('principal')).put(`/api/assignments/${a.id}/meeting`, { meetingId: meeting.id });
    expect(linked.statusCode).toBe(200);
    expect(linked.json<AssignmentView>()).toMatchObject({ status: 'held', dueDate: '2025-10-14', meeting: { id: meeting.id } });
    const [other] = (await (await client('principal')).get(`/api/assignments?month=2025-11`)).json<AssignmentView[]>();
    const twice = await (await client('principal')).put(`/api/assignments/${other.id}/meeting`, { meetingId: meeting.id });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('đã gắn với một phân công khác');
  });

  it('creates the unit meeting prefilled from the assignment and links it', async () => {
    const future = await buildSchoolYear(t.db, { code: '2027-2028' });
    const made = await (await client('specialist')).post('/api/assignments', body({ schoolYearId: future.id, month: '2027-12' }));
    const a = made.json<AssignmentView>();
    expect(a.status).toBe('not_scheduled');
    expect((await (await client('teacher')).post(`/api/assignments/${a.id}/meeting`, {})).statusCode).toBe(403);
    const res = await (await client('principal')).post(`/api/assignments/${a.id}/meeting`, {});
    expect(res.statusCode).toBe(201);
    const { meetingId, assignment } = res.json<{ meetingId: string; assignment: AssignmentView }>();
    expect(assignment).toMatchObject({ status: 'scheduled', dueDate: '2027-12-08', meeting: { id: meetingId } });
    const meeting = (await (await client('principal')).get(`/api/meetings/${meetingId}`)).json();
    expect(meeting.title).toBe('Sinh hoạt chuyên môn cấp tỉnh môn Toán 8');
    expect(meeting.hostOrg?.id ?? meeting.hostOrgId).toBe(w.orgs.school1.id);
    expect(meeting.mode).toBe('hybrid');
  });

  it('answers bad input with a Vietnamese message naming the field and stores nothing', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ month: '2024-10' }, 'month', 'Tháng phải nằm trong năm học 2025-2026'],
      [{ month: '2025-13' }, 'month', 'Tháng phải có dạng năm-tháng'],
      [{ unitOrgId: randomUUID() }, 'unitOrgId', 'Đơn vị không tồn tại'],
      [{ unitOrgId: w.orgs.team1.id }, 'unitOrgId', 'Đơn vị tổ chức phải là'],
      [{ subjectId: randomUUID() }, 'subjectId', 'Môn học không tồn tại'],
      [{ subjectId: undefined }, 'subjectId', '«Môn học» là bắt buộc'],
      [{ level: 'upper_secondary' }, 'level', 'Cấp học không phù hợp'],
      [{ grade: 13 }, 'grade', '«Khối lớp» phải nhỏ hơn hoặc bằng 12'],
    ];
    for (const [over, field, message] of cases) {
      const before = await tableCounts(t.db);
      const res = await (await client('specialist')).post('/api/assignments', body(over));
      expect(res.statusCode, field).toBe(400);
      const fields = res.json().fields as Array<{ field: string; message: string }>;
      expect(fields.find((f) => f.field === field)?.message, field).toContain(message);
      expect(await tableCounts(t.db)).toEqual(before);
    }
  });
});
