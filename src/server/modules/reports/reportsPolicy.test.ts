import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../../../tests/factories';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildPlanWorld, type PlanRole, type PlanWorld } from '../../../../tests/helpers/planWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { ReportDetail } from '../../../shared/reports';
import { attachments } from '../../db/schema';

/**
 * Reports per role on the policy world: network 1 (Nhóm xã 1: school 1 and school 1b, lead school 1, supervised by
 * commune 1, led by `networkLeader`), and team 1 of school 1. Who drafts, submits, reviews and reads; who reads a
 * roll-up; other schools see nothing. Bad input gets a 4xx naming the field in Vietnamese and writes nothing.
 */

let t: TestApp;
let w: PlanWorld;
const as: Partial<Record<PlanRole, TestClient>> = {};
let reportId: string;
let teamReportId: string;

const client = async (role: PlanRole) => {
  if (!as[role]) as[role] = await t.client().login(w.users[role].email, w.users[role].password);
  return as[role] as TestClient;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPlanWorld(t.db);
});

afterAll(async () => {
  await t?.close();
});

const networkBody = () => ({ networkId: w.networks.network1.id, schoolYearId: w.year.id, termNumber: 1 });

describe('network report', () => {
  it.each<[PlanRole, number]>([
    ['teamHead', 403],
    ['teacher', 403],
    ['otherTeacher', 403],
    ['otherPrincipal', 403],
    ['networkLeader', 201],
  ])('%s creates → %i', async (role, status) => {
    const res = await (await client(role)).post('/api/reports', networkBody());
    expect(res.statusCode, res.body).toBe(status);
    if (status === 201) reportId = res.json().id;
  });

  it.each<[PlanRole, number]>([
    ['admin', 200],
    ['specialist', 200],
    ['communeLeader', 200],
    ['principal', 200],
    ['networkLeader', 200],
    ['teamHead', 403],
    ['teacher', 403],
    ['otherTeacher', 403],
    ['otherPrincipal', 403],
  ])('%s reads → %i', async (role, status) => {
    const res = await (await client(role)).get(`/api/reports/${reportId}`);
    expect(res.statusCode).toBe(status);
    const list = (await (await client(role)).get(`/api/reports?networkId=${w.networks.network1.id}`)).json();
    expect(list).toHaveLength(status === 200 ? 1 : 0);
  });

  it('the drafter sees edit and submit; the reviewer sees neither until it is submitted', async () => {
    const mine: ReportDetail = (await (await client('networkLeader')).get(`/api/reports/${reportId}`)).json();
    expect(mine.can).toEqual({ update: true, submit: true, review: false });
    const theirs: ReportDetail = (await (await client('communeLeader')).get(`/api/reports/${reportId}`)).json();
    expect(theirs.can.review).toBe(false);
  });

  it.each<[PlanRole, number]>([
    ['teacher', 403],
    ['otherPrincipal', 403],
    ['principal', 200],
  ])('%s submits → %i', async (role, status) => {
    const res = await (await client(role)).post(`/api/reports/${reportId}/submit`);
    expect(res.statusCode).toBe(status);
  });

  it.each<[PlanRole, number]>([
    ['networkLeader', 403],
    ['principal', 403],
    ['otherPrincipal', 403],
    ['communeLeader', 200],
  ])('%s returns → %i', async (role, status) => {
    const res = await (await client(role)).post(`/api/reports/${reportId}/return`, { comment: 'Bổ sung số liệu' });
    expect(res.statusCode).toBe(status);
  });

  it('the Sở specialist (office above the reviewer) accepts after a resubmission; the leader is told both times', async () => {
    expect((await (await client('networkLeader')).post(`/api/reports/${reportId}/submit`)).json().status).toBe('resubmitted');
    const res = await (await client('specialist')).post(`/api/reports/${reportId}/accept`, {});
    expect(res.json().status).toBe('accepted');
    const notices = (await (await client('networkLeader')).get('/api/notifications')).json();
    const kinds = notices.items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['report_returned', 'report_accepted']));
    expect(notices.items.find((n: { kind: string }) => n.kind === 'report_returned').body).toBe('Ý kiến: Bổ sung số liệu');
  });
});

describe('photos', () => {
  it('a drafter picks a photo attached to a held meeting of the period; others are refused', async () => {
    const body = { networkId: w.networks.network1.id, schoolYearId: w.year.id, termNumber: 2 };
    const created = await (await client('networkLeader')).post('/api/reports', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const meeting = await buildMeeting(t.db, {
      hostOrgId: w.orgs.school1.id,
      schoolYearId: w.year.id,
      networkId: w.networks.network1.id,
      termNumber: 2,
      status: 'held',
      startsAt: new Date('2026-03-10T07:30:00+07:00'),
    });
    const [photo] = await t.db
      .insert(attachments)
      .values({
        meetingId: meeting.id,
        fileName: 'anh-thao-giang.jpg',
        mimeType: 'image/jpeg',
        size: 10,
        storageKey: 'x',
        sha256: 'ab'.repeat(32),
      })
      .returning();
    const r: ReportDetail = (await (await client('networkLeader')).get(`/api/reports/${id}`)).json();
    expect(r.photos.map((p) => p.fileName)).toEqual(['anh-thao-giang.jpg']);
    const res = await (await client('networkLeader')).put(`/api/reports/${id}`, { photoIds: [photo.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().photoIds).toEqual([photo.id]);
  });
});

describe('team report', () => {
  it('the team head drafts; a teacher may not; the principal (reviewer) accepts', async () => {
    const body = { orgId: w.orgs.team1.id, schoolYearId: w.year.id, termNumber: 2 };
    expect((await (await client('teacher')).post('/api/reports', body)).statusCode).toBe(403);
    const res = await (await client('teamHead')).post('/api/reports', body);
    expect(res.statusCode, res.body).toBe(201);
    teamReportId = res.json().id;
    expect(res.json().reviewerOrg.id).toBe(w.orgs.school1.id);
    expect((await (await client('teamHead')).post(`/api/reports/${teamReportId}/submit`)).statusCode).toBe(200);
    expect((await (await client('otherPrincipal')).post(`/api/reports/${teamReportId}/accept`, {})).statusCode).toBe(403);
    expect((await (await client('principal')).post(`/api/reports/${teamReportId}/accept`, {})).statusCode).toBe(200);
  });
});

describe('roll-up', () => {
  it.each<[PlanRole, number]>([
    ['admin', 200],
    ['specialist', 200],
    ['communeLeader', 200],
    ['principal', 403],
    ['networkLeader', 403],
    ['teacher', 403],
    ['otherPrincipal', 403],
  ])('%s reads the roll-up of commune 1 → %i', async (role, status) => {
    const res = await (await client(role)).get(`/api/reports/rollup?orgId=${w.orgs.commune1.id}&schoolYearId=${w.year.id}&termNumber=1`);
    expect(res.statusCode).toBe(status);
    if (status === 200) {
      const names = res.json().rows.map((r: { name: string }) => r.name);
      expect(names).toEqual(expect.arrayContaining(['Nhóm xã 1', 'Trường THCS Tân Thạnh Đông', 'Trường THCS Tân Thạnh Tây']));
      expect(names).not.toContain('Nhóm xã 2');
    }
  });

  it('a principal reads the roll-up of their own school', async () => {
    const res = await (await client('principal')).get(`/api/reports/rollup?orgId=${w.orgs.school1.id}&schoolYearId=${w.year.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: { name: string }) => r.name)).toEqual(['Tổ Toán - Tin']);
  });
});

describe('bad input: 4xx naming the field in Vietnamese, nothing written', () => {
  const cases: Array<
    [string, () => Promise<{ statusCode: number; json: () => { fields: Array<{ field: string; message: string }> } }>, string, RegExp]
  > = [
    [
      'no school year',
      async () => (await client('networkLeader')).post('/api/reports', { networkId: w.networks.network1.id }),
      'schoolYearId',
      /Năm học/,
    ],
    [
      'network and org',
      async () => (await client('admin')).post('/api/reports', { ...networkBody(), orgId: w.orgs.school1.id }),
      'networkId',
      /mạng lưới hoặc một đơn vị/,
    ],
    [
      'term 3',
      async () => (await client('networkLeader')).post('/api/reports', { ...networkBody(), termNumber: 3 }),
      'termNumber',
      /Học kỳ/,
    ],
    [
      'narrative too long',
      async () =>
        (await client('networkLeader')).post('/api/reports', { ...networkBody(), termNumber: null, advantages: 'x'.repeat(8001) }),
      'advantages',
      /Những thuận lợi và khó khăn/,
    ],
    [
      'photo of no meeting',
      async () =>
        (await client('networkLeader')).post('/api/reports', {
          ...networkBody(),
          termNumber: null,
          photoIds: ['00000000-0000-4000-8000-000000000000'],
        }),
      'photoIds',
      /Ảnh được chọn/,
    ],
    ['same period twice', async () => (await client('networkLeader')).post('/api/reports', networkBody()), 'termNumber', /Đã có báo cáo/],
    [
      'province has no parent',
      async () => (await client('admin')).post('/api/reports', { orgId: w.orgs.province.id, schoolYearId: w.year.id }),
      'orgId',
      /cấp trên/,
    ],
    [
      'return without comment',
      async () => (await client('principal')).post(`/api/reports/${teamReportId}/return`, {}),
      'comment',
      /Ý kiến/,
    ],
    [
      'roll-up of term 5',
      async () => (await client('admin')).get(`/api/reports/rollup?orgId=${w.orgs.commune1.id}&schoolYearId=${w.year.id}&termNumber=5`),
      'termNumber',
      /Học kỳ/,
    ],
  ];

  it.each(cases)('%s', async (_name, send, field, message) => {
    const before = await tableCounts(t.db);
    const res = await send();
    expect(res.statusCode).toBe(400);
    const f = res.json().fields.find((x) => x.field === field);
    expect(f?.message).toMatch(message);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
