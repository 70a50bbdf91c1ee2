import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildMinutes, buildNetwork, buildTeam } from '../../../../tests/factories';
import { tableCounts } from '../../../../tests/helpers/counts';
import {
  buildMinutesMeeting,
  buildMinutesWorld,
  clientPool,
  type MinutesRole,
  type MinutesWorld,
} from '../../../../tests/helpers/minutesWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { queryRows } from '../../db/client';
import { meetingSubjects, orgSubjects } from '../../db/schema';

let t: TestApp;
let w: MinutesWorld;
let as: (u: { email: string; password: string }) => Promise<TestClient>;
const user = (r: MinutesRole) => as(w.users[r]);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMinutesWorld(t.db, { guests: 2 });
  as = clientPool(t);
});
afterAll(() => t.close());

/** A held meeting with attendance recorded: teacher and team head present, guest 1 late, guest 2 excused. */
async function heldMeeting() {
  const m = await buildMinutesMeeting(t.db, w);
  const res = await (await user('teamHead')).put(`/api/meetings/${m.meeting.id}/attendance`, {
    entries: [
      { personId: w.users.teacher.person.id, status: 'present' },
      { personId: w.users.teamHead.person.id, status: 'present' },
      { personId: w.guests[0].person.id, status: 'late' },
      { personId: w.guests[1].person.id, status: 'excused', reason: 'Đi tập huấn' },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  return m;
}

describe('minutes', () => {
  it('shows a prefilled draft without creating anything, then saves sanitised text with versions', async () => {
    const { meeting } = await heldMeeting();
    const secretary = await user('teamHead');
    const before = await tableCounts(t.db);
    const view = (await secretary.get(`/api/meetings/${meeting.id}/minutes`)).json();
    expect(await tableCounts(t.db)).toEqual(before);
    expect(view).toMatchObject({ id: null, status: 'draft', version: 0, can: { edit: true, startSigning: true, sign: false } });
    expect(view.facts).toMatchObject({
      place: 'Trường THCS Tân Thạnh Đông',
      hostOrgName: 'Trường THCS Tân Thạnh Đông',
      plannedCount: 6,
      presentCount: 3,
      absentees: [{ fullName: 'Giáo viên khách 02', unitName: 'Trường THCS Tân Thạnh Tây', status: 'excused', reason: 'Đi tập huấn' }],
      chairName: 'Hồ Văn Nghĩa',
      secretaryName: 'Tổ trưởng 1',
    });
    expect(view.participants.map((p: { role: string }) => p.role)).toEqual(['participant', 'participant', 'secretary', 'chair']);

    const saved = await secretary.put(`/api/meetings/${meeting.id}/minutes`, {
      discussion: '<p onclick="x()">Tiết dạy <b>đạt</b> mục tiêu<script>alert(1)</script></p>',
      recommendations: '<ul><li>Tăng thời gian thảo luận nhóm</li></ul><img src=x>',
      baseVersion: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      discussion: '<p>Tiết dạy <strong>đạt</strong> mục tiêu</p>',
      recommendations: '<ul><li>Tăng thời gian thảo luận nhóm</li></ul>',
    });
    const second = await secretary.put(`/api/meetings/${meeting.id}/minutes`, {
      discussion: '<p>Bản 2</p>',
      recommendations: '',
      baseVersion: 1,
    });
    expect(second.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const stale = await secretary.put(`/api/meetings/${meeting.id}/minutes`, { discussion: 'cũ', recommendations: '', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('signing: frozen text, chair last, lock in the same transaction, refusals afterwards, verify and addendum', async () => {
    const { meeting } = await heldMeeting();
    const secretary = await user('teamHead');
    const chair = await user('principal');
    const admin = await user('admin');
    await secretary.put(`/api/meetings/${meeting.id}/minutes`, { discussion: '<p>Góp ý</p>', recommendations: '<p>Kiến nghị</p>' });
    expect((await secretary.post(`/api/meetings/${meeting.id}/minutes/sign`)).statusCode).toBe(409);
    const started = await secretary.post(`/api/meetings/${meeting.id}/minutes/start-signing`);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'signing', textHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const edit = await secretary.put(`/api/meetings/${meeting.id}/minutes`, { discussion: 'sửa', recommendations: '' });
    expect(edit.statusCode).toBe(409);
    const att = await secretary.put(`/api/meetings/${meeting.id}/attendance`, {
      entries: [{ personId: w.users.teacher.person.id, status: 'late' }],
    });
    expect(att.statusCode).toBe(409);

    expect((await (await user('sameSchoolTeacher')).post(`/api/meetings/${meeting.id}/minutes/sign`)).statusCode).toBe(403);
    expect((await (await user('communeLeader')).post(`/api/meetings/${meeting.id}/minutes/sign`)).statusCode).toBe(403);
    const early = await chair.post(`/api/meetings/${meeting.id}/minutes/sign`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('Chủ trì ký sau cùng. Còn 3 người chưa ký: Giáo viên 1, Tổ trưởng 1, Giáo viên khách 01');

    for (const c of [await user('teacher'), secretary, await as(w.guests[0])]) {
      const r = await c.post(`/api/meetings/${meeting.id}/minutes/sign`);
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await secretary.post(`/api/meetings/${meeting.id}/minutes/sign`)).statusCode).toBe(200); // idempotent
    const locked = (await chair.post(`/api/meetings/${meeting.id}/minutes/sign`)).json();
    expect(locked).toMatchObject({ status: 'locked', lockedAt: expect.any(String) });
    expect(locked.signatures).toHaveLength(4);
    expect(locked.signatures.at(-1)).toMatchObject({ fullName: 'Hồ Văn Nghĩa', role: 'chair', textHash: locked.textHash });
    const [m] = await queryRows<{ status: string }>(t.db, sql`select status from meetings where id = ${meeting.id}`);
    expect(m.status).toBe('minutes_locked');

    for (const c of [secretary, chair, admin]) {
      const put = await c.put(`/api/meetings/${meeting.id}/minutes`, { discussion: 'sửa sau khóa', recommendations: '' });
      expect(put.statusCode).toBe(409);
      expect(put.json().code).toBe('MINUTES_LOCKED');
      expect((await c.post(`/api/meetings/${meeting.id}/minutes/start-signing`)).json().code).toBe('MINUTES_LOCKED');
      expect((await c.post(`/api/meetings/${meeting.id}/minutes/sign`)).json().code).toBe('MINUTES_LOCKED');
      const a = await c.put(`/api/meetings/${meeting.id}/attendance`, {
        entries: [{ personId: w.users.teacher.person.id, status: 'late' }],
      });
      expect(a.json().code).toBe('MINUTES_LOCKED');
    }

    const verify = (await (await user('networkPrincipal')).get(`/api/meetings/${meeting.id}/minutes/verify`)).json();
    expect(verify).toMatchObject({ status: 'locked', textMatches: true, allSignaturesMatch: true, computedHash: locked.textHash });

    const add = await secretary.post(`/api/meetings/${meeting.id}/minutes/addenda`, { content: '<p>Đính chính: sĩ số là 4</p>' });
    expect(add.statusCode, add.body).toBe(201);
    const addendum = add.json().addenda[0];
    expect(addendum).toMatchObject({ content: '<p>Đính chính: sĩ số là 4</p>', textHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(add.json().discussion).toBe('<p>Góp ý</p>');
    expect((await (await user('teacher')).post(`/api/meetings/${meeting.id}/minutes/addenda`, { content: 'x' })).statusCode).toBe(403);
    const signedAdd = await (await user('teacher')).post(`/api/meetings/${meeting.id}/minutes/addenda/${addendum.id}/sign`);
    expect(signedAdd.json().addenda[0].signatures.map((s: { fullName: string }) => s.fullName)).toEqual(['Giáo viên 1']);
    expect((await admin.post(`/api/meetings/${meeting.id}/minutes/addenda/${addendum.id}/sign`)).statusCode).toBe(403);
  });

  it('verify detects text changed behind the application\u2019s back', async () => {
    const { meeting } = await heldMeeting();
    const secretary = await user('teamHead');
    await secretary.put(`/api/meetings/${meeting.id}/minutes`, { discussion: '<p>Nội dung gốc</p>', recommendations: '' });
    await secretary.post(`/api/meetings/${meeting.id}/minutes/start-signing`);
    await secretary.post(`/api/meetings/${meeting.id}/minutes/sign`);
    await t.db.execute(sql`update minutes set discussion = '<p>Nội dung đã bị sửa</p>' where meeting_id = ${meeting.id}`);
    const v = (await secretary.get(`/api/meetings/${meeting.id}/minutes/verify`)).json();
    expect(v).toMatchObject({ textMatches: false, allSignaturesMatch: false, signatures: [{ fullName: 'Tổ trưởng 1', matches: false }] });
  });

  it('refuses to start signing before the meeting or without discussion points', async () => {
    const future = await buildMinutesMeeting(t.db, w, { startsAt: new Date(Date.now() + 86_400_000) });
    const secretary = await user('teamHead');
    await secretary.put(`/api/meetings/${future.meeting.id}/minutes`, { discussion: '<p>x</p>', recommendations: '' });
    expect((await secretary.post(`/api/meetings/${future.meeting.id}/minutes/start-signing`)).statusCode).toBe(409);
    const empty = await heldMeeting();
    const res = await secretary.post(`/api/meetings/${empty.meeting.id}/minutes/start-signing`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('discussion');
  });
});

describe('team meeting count', () => {
  it('counts the team\u2019s own held meetings plus locked group minutes on one of its subjects', async () => {
    const [math] = await queryRows<{ id: string }>(t.db, sql`select id from subjects order by sort_order limit 1`);
    const [other] = await queryRows<{ id: string }>(t.db, sql`select id from subjects order by sort_order offset 1 limit 1`);
    const team = await buildTeam(t.db, { name: 'Tổ Toán (đếm)', parentId: w.orgs.school1b.id });
    await t.db.insert(orgSubjects).values({ orgId: team.id, subjectId: math.id });
    const group = await buildNetwork(t.db, {
      schoolYearId: w.year.id,
      supervisingOrgId: w.orgs.commune1.id,
      memberOrgIds: [w.orgs.school1.id, w.orgs.school1b.id],
      kind: 'school_group',
      name: 'Nhóm đếm',
    });
    const at = (d: string) => new Date(`${d}T07:30:00+07:00`);
    const base = { schoolYearId: w.year.id };
    await buildMeeting(t.db, { ...base, hostOrgId: team.id, status: 'held', startsAt: at('2025-10-01') });
    await buildMeeting(t.db, { ...base, hostOrgId: team.id, status: 'cancelled', startsAt: at('2025-10-02') });
    const g1 = await buildMeeting(t.db, {
      ...base,
      hostOrgId: w.orgs.school1.id,
      networkId: group.id,
      status: 'minutes_locked',
      startsAt: at('2025-10-08'),
    });
    const g2 = await buildMeeting(t.db, {
      ...base,
      hostOrgId: w.orgs.school1.id,
      networkId: group.id,
      status: 'held',
      startsAt: at('2025-10-09'),
    });
    const g3 = await buildMeeting(t.db, {
      ...base,
      hostOrgId: w.orgs.school1.id,
      networkId: group.id,
      status: 'minutes_locked',
      startsAt: at('2025-10-10'),
    });
    const g4 = await buildMeeting(t.db, {
      ...base,
      hostOrgId: w.orgs.school1.id,
      networkId: group.id,
      status: 'minutes_locked',
      startsAt: at('2025-11-20'),
    });
    await t.db.insert(meetingSubjects).values([
      { meetingId: g1.id, subjectId: math.id },
      { meetingId: g2.id, subjectId: math.id },
      { meetingId: g3.id, subjectId: other.id },
      { meetingId: g4.id, subjectId: math.id },
    ]);
    await buildMinutes(t.db, { meetingId: g1.id, status: 'locked', textHash: 'h' });
    await buildMinutes(t.db, { meetingId: g2.id, status: 'signing', textHash: 'h' });
    await buildMinutes(t.db, { meetingId: g3.id, status: 'locked', textHash: 'h' });
    await buildMinutes(t.db, { meetingId: g4.id, status: 'locked', textHash: 'h' });

    const url = `/api/orgs/${team.id}/meetings-count?from=2025-10-01&to=2025-10-31`;
    const res = await (await user('networkPrincipal')).get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ own: 1, group: 1, total: 2 });
    expect(res.json().meetings.map((m: { id: string; source: string }) => m.source)).toEqual(['own', 'group']);
    expect((await (await user('otherTeacher')).get(url)).statusCode).toBe(403);
    expect((await (await user('communeLeader')).get(url)).statusCode).toBe(200);
  });
});
