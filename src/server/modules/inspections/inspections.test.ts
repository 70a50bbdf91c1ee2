import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../../tests/fixtures/imports/files';
import { tableCounts } from '../../../../tests/helpers/counts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { buildWorld, type Role, type World } from '../../../../tests/helpers/world';
import type { InspectionAreaView, InspectionView } from '../../../shared/inspections';

/**
 * Inspections through HTTP (seed 002 §II.2, Phụ lục II): the Sở's plan by area and month, an inspection per unit with
 * the nine-item checklist, the unit's documents due 3 days before; every role allowed and refused; bad input refused
 * with a Vietnamese message naming the field and nothing stored.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'lt-inspections-'));
let t: TestApp;
let w: World;
let inspection: InspectionView;
const as: Partial<Record<Role, TestClient>> = {};

async function client(role: Role): Promise<TestClient> {
  if (!as[role]) as[role] = await t.client().login(w.users[role].email, w.users[role].password);
  return as[role] as TestClient;
}

const PDF = Buffer.from('%PDF-1.4\n% thời khóa biểu\n');
const ratings = ['met', 'met', 'partly', 'met', 'not_met', 'met', 'met', 'partly', 'met'] as const;
const checklist = ratings.map((rating, i) => ({
  position: i + 1,
  rating,
  finding: i === 4 ? 'Chưa có kế hoạch bồi dưỡng giáo viên mới' : null,
}));

function upload(c: TestClient, id: string, name: string, content: Buffer, kind = 'timetable') {
  const { body, headers } = multipart(name, content);
  return c.request('POST', `/api/inspections/${id}/documents?documentKind=${kind}`, body, headers);
}

beforeAll(async () => {
  t = await createTestApp({ dataDir, uploadLimitBytes: 64 * 1024 });
  w = await buildWorld(t.db);
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the inspection plan (Phụ lục II)', () => {
  it('lets the Sở record an area and its month; others are refused; everyone in the province reads it', async () => {
    const input = {
      schoolYearId: w.year.id,
      provinceOrgId: w.orgs.province.id,
      label: 'Xã Phú Hòa Đông',
      areaOrgIds: [w.orgs.commune1.id],
      month: '2025-11',
    };
    expect((await (await client('specialist')).post('/api/inspection-areas', input)).statusCode).toBe(201);
    for (const role of ['communeLeader', 'principal', 'teacher'] as const) {
      const before = await tableCounts(t.db);
      expect((await (await client(role)).post('/api/inspection-areas', input)).statusCode, role).toBe(403);
      expect(await tableCounts(t.db)).toEqual(before);
    }
    const areas = (await (await client('otherTeacher')).get(`/api/inspection-areas?schoolYearId=${w.year.id}`)).json<
      InspectionAreaView[]
    >();
    expect(areas.map((a) => [a.label, a.month, a.areaNames])).toEqual([['Xã Phú Hòa Đông', '2025-11', ['Xã Phú Hòa Đông']]]);
    expect(areas[0].can.edit).toBe(false);
  });

  it('refuses a month outside the school year and an unknown area org, naming the field', async () => {
    const base = { schoolYearId: w.year.id, provinceOrgId: w.orgs.province.id, label: 'Xã An Nhơn Tây', month: '2025-12' };
    for (const [over, field, message] of [
      [{ month: '2026-07' }, 'month', 'Tháng phải nằm trong năm học 2025-2026'],
      [{ areaOrgIds: [randomUUID()] }, 'areaOrgIds', 'không tồn tại'],
      [{ label: '' }, 'label', '«Địa bàn» không được để trống'],
    ] as const) {
      const before = await tableCounts(t.db);
      const res = await (await client('specialist')).post('/api/inspection-areas', { ...base, ...over });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().fields.find((f: { field: string }) => f.field === field)?.message).toContain(message);
      expect(await tableCounts(t.db)).toEqual(before);
    }
  });
});

describe('an inspection of a school', () => {
  it('is planned by the Sở only, with the documents due 3 days before the visit', async () => {
    const [area] = (await (await client('specialist')).get(`/api/inspection-areas?schoolYearId=${w.year.id}`)).json<InspectionAreaView[]>();
    const input = {
      schoolYearId: w.year.id,
      areaId: area.id,
      unitOrgId: w.orgs.school1.id,
      visitDate: '2025-11-18',
      inspectors: ['Trần Văn An - Trưởng đoàn', 'Lê Thị Bình - Thành viên'],
    };
    for (const role of ['communeLeader', 'principal', 'teamHead'] as const) {
      expect((await (await client(role)).post('/api/inspections', input)).statusCode, role).toBe(403);
    }
    const res = await (await client('specialist')).post('/api/inspections', input);
    expect(res.statusCode).toBe(201);
    inspection = res.json<InspectionView>();
    expect(inspection).toMatchObject({
      targetName: 'Trường THCS Tân Thạnh Đông',
      status: 'planned',
      documentsDueDate: '2025-11-15',
      areaLabel: 'Xã Phú Hòa Đông',
    });
    expect(inspection.checklist).toHaveLength(9);
    expect(inspection.checklist[0].text).toContain('kế hoạch giáo dục năm học 2025-2026');
    expect(inspection.checklist.every((c) => c.rating === null)).toBe(true);
    // 18/11/2025 is behind us and nothing is recorded: overdue, in the list too
    expect(inspection.overdue).toBe(true);
    const list = (await (await client('specialist')).get(`/api/inspections?schoolYearId=${w.year.id}`)).json<InspectionView[]>();
    expect(list.find((i) => i.id === inspection.id)?.overdue).toBe(true);
  });

  it('is read by the Sở, the commune above and the school managers; not by teachers nor other schools', async () => {
    const sees = async (role: Role) =>
      (await (await client(role)).get(`/api/inspections?schoolYearId=${w.year.id}`)).json<InspectionView[]>().length;
    expect(await sees('specialist')).toBe(1);
    expect(await sees('communeLeader')).toBe(1);
    expect(await sees('principal')).toBe(1);
    expect(await sees('teacher')).toBe(0);
    expect(await sees('otherPrincipal')).toBe(0);
    for (const role of ['teacher', 'otherPrincipal', 'otherTeacher'] as const)
      expect((await (await client(role)).get(`/api/inspections/${inspection.id}`)).statusCode, role).toBe(403);
    const mine = (await (await client('principal')).get(`/api/inspections/${inspection.id}`)).json<InspectionView>();
    expect(mine.can).toEqual({ edit: false, upload: true });
  });

  it('takes the unit documents: type and size checked, other schools refused, nothing stored on refusal', async () => {
    const principal = await client('principal');
    const ok = await upload(principal, inspection.id, 'Thời khóa biểu.pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'timetable', fileName: 'Thời khóa biểu.pdf' });
    const cases: Array<[TestClient, string, Buffer, number, string]> = [
      [principal, 'virus.exe', Buffer.from('MZ...'), 400, 'không được nhận'],
      [principal, 'báo cáo.pdf', Buffer.from('không phải pdf'), 400, 'không đúng định dạng'],
      [principal, 'lớn.pdf', Buffer.concat([PDF, Buffer.alloc(70 * 1024)]), 413, 'quá lớn'],
    ];
    for (const [c, name, content, status, message] of cases) {
      const before = await tableCounts(t.db);
      const res = await upload(c, inspection.id, name, content);
      expect(res.statusCode, name).toBe(status);
      expect(res.json().fields[0]).toMatchObject({ field: 'file' });
      expect(res.json().message).toContain(message);
      expect(await tableCounts(t.db)).toEqual(before);
    }
    for (const role of ['otherPrincipal', 'teacher'] as const) {
      const before = await tableCounts(t.db);
      expect((await upload(await client(role), inspection.id, 'x.pdf', PDF)).statusCode, role).toBe(403);
      expect(await tableCounts(t.db)).toEqual(before);
    }
    const bad = await upload(principal, inspection.id, 'x.pdf', PDF, 'photo');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('documentKind');
    const view = (await (await client('specialist')).get(`/api/inspections/${inspection.id}`)).json<InspectionView>();
    expect(view.documents.map((d) => d.fileName)).toEqual(['Thời khóa biểu.pdf']);
    const file = await (await client('specialist')).get(`/api/inspection-documents/${view.documents[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await (await client('otherPrincipal')).get(`/api/inspection-documents/${view.documents[0].id}`)).statusCode).toBe(403);
    expect(existsSync(path.join(dataDir, 'files'))).toBe(true);
  });

  it('records the nine-item checklist; a missing item is refused naming it', async () => {
    const missing = checklist.slice(0, 8);
    const before = await tableCounts(t.db);
    const res = await (await client('specialist')).put(`/api/inspections/${inspection.id}/record`, { checklist: missing, findings: 'Tốt' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toContainEqual({ field: 'checklist.8', message: expect.stringContaining('Nội dung kiểm tra 9') });
    const noFindings = await (await client('specialist')).put(`/api/inspections/${inspection.id}/record`, { checklist, findings: '' });
    expect(noFindings.json().fields[0]).toMatchObject({ field: 'findings', message: '«Nhận xét chung» không được để trống' });
    const badRating = await (await client('specialist')).put(`/api/inspections/${inspection.id}/record`, {
      checklist: checklist.map((c, i) => (i === 2 ? { ...c, rating: 'good' } : c)),
      findings: 'Tốt',
    });
    expect(badRating.json().fields[0].field).toBe('checklist.2.rating');
    expect(await tableCounts(t.db)).toEqual(before);
    expect(
      (await (await client('principal')).put(`/api/inspections/${inspection.id}/record`, { checklist, findings: 'Tốt' })).statusCode,
    ).toBe(403);
    const done = await (await client('specialist')).put(`/api/inspections/${inspection.id}/record`, {
      checklist,
      findings: 'Nhà trường thực hiện tốt kế hoạch giáo dục.',
      recommendations: 'Xây dựng kế hoạch bồi dưỡng giáo viên mới.',
    });
    expect(done.statusCode).toBe(200);
    const v = done.json<InspectionView>();
    expect(v.status).toBe('recorded');
    expect(v.overdue).toBe(false);
    expect(v.checklist.map((c) => c.rating)).toEqual([...ratings]);
    expect(v.checklist[4].finding).toBe('Chưa có kế hoạch bồi dưỡng giáo viên mới');
    expect(v.can.upload).toBe(false);
  });

  it('refuses an unknown unit, a date outside the year, a missing target', async () => {
    const base = { schoolYearId: w.year.id, unitOrgId: w.orgs.school2.id, visitDate: '2025-12-02', inspectors: ['Trần Văn An'] };
    for (const [over, field, message] of [
      [{ unitOrgId: randomUUID() }, 'unitOrgId', 'không tồn tại'],
      [{ visitDate: '2026-08-01' }, 'visitDate', 'Ngày kiểm tra phải trong năm học 2025-2026'],
      [{ unitOrgId: null }, 'unitOrgId', 'Chọn đúng một đơn vị hoặc một mạng lưới'],
      [{ inspectors: [] }, 'inspectors', '«Thành viên đoàn kiểm tra» phải có ít nhất 1 mục'],
      [{ unitOrgId: w.orgs.commune2.id }, 'unitOrgId', 'phải là trường hoặc trung tâm'],
    ] as const) {
      const before = await tableCounts(t.db);
      const res = await (await client('specialist')).post('/api/inspections', { ...base, ...over });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().fields.find((f: { field: string }) => f.field === field)?.message, field).toContain(message);
      expect(await tableCounts(t.db)).toEqual(before);
    }
  });

  it('inspects a network: its leaders side reads it', async () => {
    const res = await (await client('admin')).post('/api/inspections', {
      schoolYearId: w.year.id,
      networkId: w.networks.network2.id,
      visitDate: '2026-03-10',
      inspectors: ['Trần Văn An'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().targetName).toBe('Nhóm xã 2');
    expect((await (await client('otherPrincipal')).get(`/api/inspections/${res.json().id}`)).statusCode).toBe(200);
    expect((await (await client('principal')).get(`/api/inspections/${res.json().id}`)).statusCode).toBe(403);
  });
});
