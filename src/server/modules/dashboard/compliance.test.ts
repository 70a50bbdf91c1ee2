import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComplianceWorld, type ComplianceWorld } from '../../../../tests/helpers/complianceWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { ComplianceView } from '../../../shared/dashboard';

/** The compliance dashboard on a known term (tests/helpers/complianceWorld.ts), through the real HTTP app. */
let t: TestApp;
let w: ComplianceWorld;
let specialist: TestClient;
let view: ComplianceView;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildComplianceWorld(t.db);
  specialist = await t.client().login(w.users.specialist.email, w.users.specialist.password);
  const res = await specialist.get('/api/dashboard/compliance?date=2025-12-10');
  expect(res.statusCode).toBe(200);
  view = res.json();
});
afterAll(() => t.close());

describe('compliance: the Sở specialist on 10/12/2025', () => {
  it('looks at term 1 of 2025-2026 over the Sở subtree', () => {
    expect(view.schoolYear.code).toBe('2025-2026');
    expect(view.term).toEqual({ number: 1, startDate: '2025-09-05', endDate: '2026-01-17' });
    expect(view.scope).toEqual({ kind: 'org', id: w.orgs.province.id, name: 'Sở GD&ĐT Thử nghiệm' });
  });

  it('networks against their quota: the group that met once in its plan’s subject and the cluster that never met are behind', () => {
    const byName = Object.fromEntries(view.networks.map((n) => [n.name, n]));
    expect(Object.keys(byName).sort()).toEqual(['Cụm 01 thử nghiệm', 'Nhóm xã 1', 'Nhóm xã 2']);
    // school groups count per subject of their plan (seed 001): network 1 plans Ngữ văn and Toán, each met twice
    expect(byName['Nhóm xã 1']).toMatchObject({
      required: 4,
      held: 4,
      perSubject: true,
      subjectsBehind: [],
      scheduled: 0,
      behind: false,
      planId: w.plan1.id,
      planStatus: 'approved',
    });
    // network 2 plans Toán only: 2 held meetings in all, but 1 in Toán (the Ngữ văn one is outside its plan)
    expect(byName['Nhóm xã 2']).toMatchObject({
      required: 2,
      held: 1,
      perSubject: true,
      subjectsBehind: ['Toán'],
      scheduled: 1,
      behind: true,
      planId: w.plan2.id,
      planStatus: 'submitted',
    });
    expect(byName['Cụm 01 thử nghiệm']).toMatchObject({
      required: 1,
      held: 0,
      perSubject: false,
      subjectsBehind: [],
      scheduled: 1,
      behind: true,
      planId: null,
    });
    expect(view.summary).toMatchObject({ networks: 3, networksBehind: 2 });
  });

  it('teams against the two-week rule (90 school days ÷ 14 = 6): team 2 with 3 is behind, team 1 with 6 is not', () => {
    expect(view.summary).toMatchObject({ teams: 2, teamsBehind: 1 });
    expect(view.teams).toEqual([
      expect.objectContaining({
        id: w.orgs.team2.id,
        schoolName: 'Trường THCS An Nhơn Tây',
        count: 3,
        expected: 6,
        intervalDays: 14,
        behind: true,
      }),
    ]);
    expect(view.teams[0].lastMeetingAt).toBe(new Date('2025-11-05T14:00:00+07:00').toISOString());
  });

  it('plans: the cluster has none 86 days after 15/9; network 2 waits for approval', () => {
    expect(view.plans).toEqual([
      {
        networkId: w.cluster.id,
        networkName: 'Cụm 01 thử nghiệm',
        id: null,
        status: 'missing',
        dueDate: '2025-09-15',
        state: 'overdue',
        daysLate: 86,
      },
      {
        networkId: w.networks.network2.id,
        networkName: 'Nhóm xã 2',
        id: w.plan2.id,
        status: 'submitted',
        dueDate: '2025-09-15',
        state: 'awaiting_review',
        daysLate: 86,
      },
    ]);
    expect(view.summary).toMatchObject({ plansOverdue: 1, plansDueSoon: 0, plansAwaitingReview: 1 });
  });

  it('term-1 reports due 20/12: network 2 (draft) and the cluster (none) are due soon; network 1 submitted', () => {
    expect(view.reports?.map((r) => [r.networkName, r.status, r.state, r.dueDate])).toEqual([
      ['Cụm 01 thử nghiệm', 'missing', 'due_soon', '2025-12-20'],
      ['Nhóm xã 2', 'draft', 'due_soon', '2025-12-20'],
    ]);
    expect(view.summary).toMatchObject({ reportsOverdue: 0, reportsDueSoon: 2 });
  });

  it('upcoming meetings of the next 30 days in the whole area, soonest first', () => {
    expect(view.upcoming.map((m) => m.id)).toEqual([w.meetings.teamNext.id, w.meetings.clusterNext.id, w.meetings.n2next.id]);
    expect(view.upcoming[1]).toMatchObject({ networkName: 'Cụm 01 thử nghiệm', hostOrgName: 'Trường THCS An Nhơn Tây' });
  });

  it('participation: present ÷ invited by subject and by school', () => {
    expect(view.participation.total).toMatchObject({ invited: 6, present: 5, rate: 0.833 });
    expect(view.participation.bySubject).toEqual([
      { id: w.subjects.van, name: 'Ngữ văn', invited: 4, present: 3, rate: 0.75 },
      { id: w.subjects.toan, name: 'Toán', invited: 2, present: 2, rate: 1 },
    ]);
    const byOrg = Object.fromEntries(view.participation.byOrg.map((r) => [r.name, [r.invited, r.present]]));
    expect(byOrg).toEqual({
      'Trường THCS Tân Thạnh Đông': [3, 3],
      'Trường THCS Tân Thạnh Tây': [2, 2],
      'Trường THCS An Nhơn Tây': [1, 0],
    });
    expect(view.summary.participationRate).toBe(0.833);
  });

  it('after 20/12 the two reports are overdue', async () => {
    const later: ComplianceView = (await specialist.get('/api/dashboard/compliance?date=2025-12-22')).json();
    expect(later.summary).toMatchObject({ reportsOverdue: 2, reportsDueSoon: 0 });
    expect(later.reports?.every((r) => r.daysLate === 2)).toBe(true);
  });
});

describe('compliance: narrower scopes', () => {
  it('the commune 1 leader sees network 1 and the cluster (a member school is theirs), and team 1 only', async () => {
    const c = await t.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
    const v: ComplianceView = (await c.get('/api/dashboard/compliance?date=2025-12-10')).json();
    expect(v.scope.name).toBe('Xã Phú Hòa Đông');
    expect(v.networks.map((n) => n.name).sort()).toEqual(['Cụm 01 thử nghiệm', 'Nhóm xã 1']);
    expect(v.summary).toMatchObject({ networksBehind: 1, teams: 1, teamsBehind: 0, upcoming: 2 });
  });

  it('the network leader sees their network only, its meetings only', async () => {
    const c = await t.client().login(w.users.networkLeader.email, w.users.networkLeader.password);
    const v: ComplianceView = (await c.get('/api/dashboard/compliance?date=2025-12-10')).json();
    expect(v.scope).toEqual({ kind: 'network', id: w.networks.network1.id, name: 'Nhóm xã 1' });
    expect(v.networks.map((n) => n.name)).toEqual(['Nhóm xã 1']);
    expect(v.summary).toMatchObject({ networksBehind: 0, upcoming: 0, participationRate: 0.833 });
  });
});

describe('compliance: the JSON body', () => {
  it('is gzipped for a client that accepts it, with the same content as the plain body', async () => {
    const plain = await specialist.get('/api/dashboard/compliance?date=2025-12-10');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    const zipped = await specialist.request('GET', '/api/dashboard/compliance?date=2025-12-10', undefined, {
      'accept-encoding': 'gzip, br',
    });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    const body = gunzipSync(zipped.rawPayload).toString('utf8');
    expect(zipped.rawPayload.length).toBeLessThan(body.length);
    expect(JSON.parse(body)).toEqual(plain.json());
    expect(plain.json()).toEqual(view);
  });
});

describe('compliance: XLSX of each table', () => {
  it('the networks table as a spreadsheet, with the same numbers', async () => {
    const res = await specialist.get('/api/dashboard/compliance/networks.xlsx?date=2025-12-10');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('tong-quan-tuan-thu-so-buoi-theo-quy-dinh-2025-2026-hk1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe('Mạng lưới');
    const rows = [2, 3, 4].map((i) => [
      ws.getRow(i).getCell(2).value,
      ws.getRow(i).getCell(5).value,
      ws.getRow(i).getCell(6).value,
      ws.getRow(i).getCell(8).value,
      ws.getRow(i).getCell(9).value,
    ]);
    expect(ws.getRow(1).getCell(9).value).toBe('Môn chưa đủ số buổi');
    // empty cells read back as null
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Nhóm xã 1', 4, 4, null, null],
        ['Nhóm xã 2', 2, 1, 'x', 'Toán'],
        ['Cụm 01 thử nghiệm', 1, 0, 'x', null],
      ]),
    );
  });

  it('every table exports; an unknown table is a 400 naming the field', async () => {
    for (const table of ['teams', 'plans', 'reports', 'upcoming', 'participation'])
      expect((await specialist.get(`/api/dashboard/compliance/${table}.xlsx?date=2025-12-10`)).statusCode).toBe(200);
    const bad = await specialist.get('/api/dashboard/compliance/salaries.xlsx');
    expect(bad.statusCode).toBe(400);
    const date = await specialist.get('/api/dashboard/compliance?date=2025-13-40');
    expect(date.statusCode).toBe(400);
    expect(date.json().fields[0].message).toContain('«Ngày»');
  });
});
