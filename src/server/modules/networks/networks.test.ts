import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { buildWorld, type World } from '../../../../tests/helpers/world';

let t: TestApp;
let w: World;
let office: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  office = await t.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
});
afterAll(() => t.close());

describe('networks', () => {
  it('an office forms a cluster with a leader and two deputies; it shows on the members\u2019 home', async () => {
    const res = await office.post('/api/networks', {
      kind: 'cluster',
      name: 'Cụm chuyên môn 01',
      schoolYearId: w.year.id,
      supervisingOrgId: w.orgs.commune1.id,
      memberOrgIds: [w.orgs.school1.id, w.orgs.school1b.id],
      leadOrgId: w.orgs.school1.id,
      decisionNumber: '140/QĐ-UBND',
      decisionDate: '2025-09-11',
      leaders: [
        { personId: w.users.principal.person.id, role: 'leader' },
        { personId: w.users.teamHead.person.id, role: 'deputy' },
        { personId: w.users.teacher.person.id, role: 'deputy' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({
      kind: 'cluster',
      name: 'Cụm chuyên môn 01',
      decisionNumber: '140/QĐ-UBND',
      schoolYearCode: '2025-2026',
      memberCount: 2,
    });
    expect(n.leaders.map((l: { fullName: string; role: string; orgName: string }) => [l.role, l.fullName, l.orgName])).toEqual([
      ['leader', 'Hồ Văn Nghĩa', 'Trường THCS Tân Thạnh Đông'],
      ['deputy', 'Giáo viên 1', 'Tổ Toán - Tin'],
      ['deputy', 'Tổ trưởng 1', 'Tổ Toán - Tin'],
    ]);
    expect(n.supervisingOrg.name).toBe('Xã Phú Hòa Đông');
    expect(n.leadOrg.name).toBe('Trường THCS Tân Thạnh Đông');

    const teacher = await t.client().login(w.users.teacher.email, w.users.teacher.password);
    const home = (await teacher.get(`/api/home?schoolYearId=${w.year.id}`)).json();
    expect(home.networks.map((x: { name: string; myRole: string | null }) => [x.name, x.myRole])).toEqual(
      expect.arrayContaining([
        ['Cụm chuyên môn 01', 'deputy'],
        ['Nhóm xã 1', null],
      ]),
    );
    expect(home.networks.map((x: { name: string }) => x.name)).not.toContain('Nhóm xã 2');
  });

  it('a third deputy, two leaders or a school group nested in another year are refused', async () => {
    const base = {
      kind: 'cluster',
      name: 'Cụm sai',
      schoolYearId: w.year.id,
      supervisingOrgId: w.orgs.commune1.id,
      memberOrgIds: [w.orgs.school1.id, w.orgs.school1b.id],
    };
    const p = w.users;
    const deputies = await office.post('/api/networks', {
      ...base,
      leaders: [
        { personId: p.principal.person.id, role: 'leader' },
        { personId: p.teamHead.person.id, role: 'deputy' },
        { personId: p.teacher.person.id, role: 'deputy' },
        { personId: p.otherTeacher.person.id, role: 'deputy' },
      ],
    });
    expect(deputies.json().fields).toEqual([{ field: 'leaders', message: 'Tối đa hai phó trưởng' }]);
    const twoLeaders = await office.post('/api/networks', {
      ...base,
      leaders: [
        { personId: p.principal.person.id, role: 'leader' },
        { personId: p.teamHead.person.id, role: 'leader' },
      ],
    });
    expect(twoLeaders.json().fields).toEqual([{ field: 'leaders', message: 'Mỗi mạng lưới chỉ có một trưởng' }]);
  });

  it('nests a school group in a cluster, filters lists, updates and deletes with audit', async () => {
    const cluster = (await office.get(`/api/networks?q=cum chuyen mon&schoolYearId=${w.year.id}`)).json();
    expect(cluster.map((x: { name: string }) => x.name)).toEqual(['Cụm chuyên môn 01']);
    const group = await office.post('/api/networks', {
      kind: 'school_group',
      name: 'Nhóm liên trường số 1',
      schoolYearId: w.year.id,
      supervisingOrgId: w.orgs.commune1.id,
      parentNetworkId: cluster[0].id,
      memberOrgIds: [w.orgs.school1.id, w.orgs.school1b.id],
      leadOrgId: w.orgs.school1b.id,
    });
    expect(group.statusCode, group.body).toBe(201);
    expect(group.json().parentNetwork).toEqual({ id: cluster[0].id, name: 'Cụm chuyên môn 01' });
    const parent = (await office.get(`/api/networks/${cluster[0].id}`)).json();
    expect(parent.childNetworks.map((c: { name: string }) => c.name)).toEqual(['Nhóm liên trường số 1']);
    const groups = (await office.get(`/api/networks?kind=school_group&orgId=${w.orgs.school1b.id}`)).json();
    expect(groups.map((x: { name: string }) => x.name).sort()).toEqual(['Nhóm liên trường số 1', 'Nhóm xã 1']);

    const body = {
      ...group.json(),
      kind: 'school_group',
      schoolYearId: w.year.id,
      supervisingOrgId: w.orgs.commune1.id,
      parentNetworkId: cluster[0].id,
      memberOrgIds: [w.orgs.school1.id, w.orgs.school1b.id],
      leadOrgId: w.orgs.school1.id,
      name: 'Nhóm liên trường số 1 (đổi tên)',
      leaders: [],
    };
    const upd = await office.put(`/api/networks/${group.json().id}`, {
      kind: body.kind,
      name: body.name,
      schoolYearId: body.schoolYearId,
      supervisingOrgId: body.supervisingOrgId,
      parentNetworkId: body.parentNetworkId,
      memberOrgIds: body.memberOrgIds,
      leadOrgId: body.leadOrgId,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().leadOrg.name).toBe('Trường THCS Tân Thạnh Đông');
    expect((await office.delete(`/api/networks/${group.json().id}`)).statusCode).toBe(204);
    expect((await office.get(`/api/networks/${group.json().id}`)).statusCode).toBe(404);
    const audit = (await office.get(`/api/audit?entityType=network&entityId=${group.json().id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
    expect(audit.items[1].before.name).toBe('Nhóm liên trường số 1');
    expect(audit.items[1].after.name).toBe('Nhóm liên trường số 1 (đổi tên)');
  });
});

describe('audit labels', () => {
  it('audit rows carry a readable name of the record', async () => {
    const admin = await t.client().login(w.users.admin.email, w.users.admin.password);
    const rows = (await admin.get('/api/audit?entityType=network')).json().items as Array<{ label: string | null; entityId: string }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.label, r.entityId).toMatch(/^(Cụm|Nhóm)/);
  });
});
