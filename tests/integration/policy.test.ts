import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';
import { buildWorld, type Role, type World } from '../helpers/world';

/**
 * Per role, reading and writing on its own org and on another: allowed exactly where it should be.
 * Each row: role, request, expected status. "own" = commune 1 / school 1 / team 1; "other" = commune 2 / school 2.
 */
let t: TestApp;
let w: World;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const [role, u] of Object.entries(w.users) as Array<[Role, World['users'][Role]]>) {
    clients.set(role, await t.client().login(u.email, u.password));
  }
});
afterAll(() => t.close());

const ROLES: Role[] = ['admin', 'specialist', 'communeLeader', 'principal', 'teamHead', 'teacher'];
type Expect = Record<Role, number> | Partial<Record<Role, number>>;

function orgBody(over: Record<string, unknown>) {
  return { code: `X-${Math.random().toString(36).slice(2, 8)}`, name: 'Đơn vị mới', type: 'team', levels: [], ...over };
}
function personBody(orgId: string) {
  return {
    fullName: 'Giáo viên Mới',
    email: `moi${Math.random().toString(36).slice(2, 8)}@tn.vn`,
    positions: [{ orgId, position: 'teacher' }],
  };
}
function networkBody(w: World, supervisingOrgId: string, members: string[]) {
  return {
    kind: 'school_group',
    name: `Nhóm ${Math.random().toString(36).slice(2, 8)}`,
    schoolYearId: w.year.id,
    supervisingOrgId,
    memberOrgIds: members,
  };
}

interface Case {
  name: string;
  run: (c: TestClient, w: World) => Promise<{ statusCode: number; body: string }>;
  expect: Expect;
}

const cases: Case[] = [
  {
    name: 'read own school staff',
    run: (c, w) => c.get(`/api/orgs/${w.orgs.school1.id}/people`),
    expect: { admin: 200, specialist: 200, communeLeader: 200, principal: 200, teamHead: 200, teacher: 200 },
  },
  {
    name: 'read other school staff',
    run: (c, w) => c.get(`/api/orgs/${w.orgs.school2.id}/people`),
    expect: { admin: 200, specialist: 200, communeLeader: 403, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'read other school public page',
    run: (c, w) => c.get(`/api/orgs/${w.orgs.school2.id}`),
    expect: { admin: 200, specialist: 200, communeLeader: 200, principal: 200, teamHead: 200, teacher: 200 },
  },
  {
    name: 'read a colleague',
    run: (c, w) => c.get(`/api/people/${w.users.teacher.person.id}`),
    expect: { admin: 200, specialist: 200, communeLeader: 200, principal: 200, teamHead: 200, teacher: 200 },
  },
  {
    name: 'read a teacher of another school',
    run: (c, w) => c.get(`/api/people/${w.users.otherTeacher.person.id}`),
    expect: { admin: 200, specialist: 200, communeLeader: 403, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'edit own school',
    run: (c, w) =>
      c.put(`/api/orgs/${w.orgs.school1.id}`, {
        code: 'THCS-TTD',
        name: 'Trường THCS Tân Thạnh Đông',
        type: 'school',
        levels: ['lower_secondary'],
      }),
    expect: { admin: 200, specialist: 200, communeLeader: 200, principal: 200, teamHead: 403, teacher: 403 },
  },
  {
    name: 'edit other school',
    run: (c, w) =>
      c.put(`/api/orgs/${w.orgs.school2.id}`, {
        code: 'THCS-ANT',
        name: 'Trường THCS An Nhơn Tây',
        type: 'school',
        levels: ['lower_secondary'],
      }),
    expect: { admin: 200, specialist: 200, communeLeader: 403, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'edit own team',
    run: (c, w) => c.put(`/api/orgs/${w.orgs.team1.id}`, { code: 'TTD-TOAN', name: 'Tổ Toán - Tin', type: 'team' }),
    expect: { admin: 200, specialist: 200, communeLeader: 200, principal: 200, teamHead: 200, teacher: 403 },
  },
  {
    name: 'create team in own school',
    run: (c, w) => c.post('/api/orgs', orgBody({ parentId: w.orgs.school1.id })),
    expect: { admin: 201, specialist: 201, communeLeader: 201, principal: 201, teamHead: 403, teacher: 403 },
  },
  {
    name: 'create team in other school',
    run: (c, w) => c.post('/api/orgs', orgBody({ parentId: w.orgs.school2.id })),
    expect: { admin: 201, specialist: 201, communeLeader: 403, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'create school in own commune',
    run: (c, w) => c.post('/api/orgs', orgBody({ type: 'school', levels: ['primary'], parentId: w.orgs.commune1.id })),
    expect: { admin: 201, specialist: 201, communeLeader: 201, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'add a teacher to own team',
    run: (c, w) => c.post('/api/people', personBody(w.orgs.team1.id)),
    expect: { admin: 201, specialist: 201, communeLeader: 201, principal: 201, teamHead: 403, teacher: 403 },
  },
  {
    name: 'add a teacher to other school',
    run: (c, w) => c.post('/api/people', personBody(w.orgs.team2.id)),
    expect: { admin: 201, specialist: 201, communeLeader: 403, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'form a network of own commune',
    run: (c, w) => c.post('/api/networks', networkBody(w, w.orgs.commune1.id, [w.orgs.school1.id, w.orgs.school1b.id])),
    expect: { admin: 201, specialist: 201, communeLeader: 201, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'form a network of other commune',
    run: (c, w) => c.post('/api/networks', networkBody(w, w.orgs.commune2.id, [w.orgs.school2.id, w.orgs.school2b.id])),
    expect: { admin: 201, specialist: 201, communeLeader: 403, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'read a network of other commune',
    run: (c, w) => c.get(`/api/networks/${w.networks.network2.id}`),
    expect: { admin: 200, specialist: 200, communeLeader: 200, principal: 200, teamHead: 200, teacher: 200 },
  },
  {
    name: 'list accounts',
    run: (c) => c.get('/api/accounts'),
    expect: { admin: 200, specialist: 403, communeLeader: 403, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'read the audit log',
    run: (c) => c.get('/api/audit'),
    expect: { admin: 200, specialist: 403, communeLeader: 200, principal: 403, teamHead: 403, teacher: 403 },
  },
  {
    name: 'create a school year',
    run: (c) =>
      c.post('/api/school-years', {
        code: `${2030 + ROLES.indexOf('admin')}-${2031}`,
        startDate: '2030-09-05',
        endDate: '2031-05-31',
        terms: [
          { number: 1, startDate: '2030-09-05', endDate: '2031-01-15' },
          { number: 2, startDate: '2031-01-18', endDate: '2031-05-31' },
        ],
      }),
    expect: { admin: 201, specialist: 403, communeLeader: 403, principal: 403, teamHead: 403, teacher: 403 },
  },
];

describe('policy matrix: each role on its own scope and on another', () => {
  for (const c of cases) {
    for (const role of ROLES) {
      const expected = c.expect[role];
      if (expected === undefined) continue;
      it(`${role} · ${c.name} → ${expected}`, async () => {
        const res = await c.run(clients.get(role) as TestClient, w);
        expect(res.statusCode, res.body).toBe(expected);
        if (expected === 403) expect(JSON.parse(res.body).message).toBe('Bạn không có quyền thực hiện thao tác này');
      });
    }
  }
});

describe('responses say what the user may do', () => {
  it('org page can-flags follow the role', async () => {
    const byRole = async (role: Role, orgId: string) => (await (clients.get(role) as TestClient).get(`/api/orgs/${orgId}`)).json().can;
    expect(await byRole('principal', w.orgs.school1.id)).toEqual({
      update: true,
      createChild: true,
      move: false,
      viewStaff: true,
      manageStaff: true,
    });
    expect(await byRole('principal', w.orgs.school2.id)).toEqual({
      update: false,
      createChild: false,
      move: false,
      viewStaff: false,
      manageStaff: false,
    });
    expect(await byRole('teacher', w.orgs.school1.id)).toEqual({
      update: false,
      createChild: false,
      move: false,
      viewStaff: true,
      manageStaff: false,
    });
    expect(await byRole('communeLeader', w.orgs.school1.id)).toMatchObject({ update: true, move: true, manageStaff: true });
    const net = (await (clients.get('communeLeader') as TestClient).get(`/api/networks/${w.networks.network1.id}`)).json();
    expect(net.can).toEqual({ update: true, delete: true });
    const net2 = (await (clients.get('communeLeader') as TestClient).get(`/api/networks/${w.networks.network2.id}`)).json();
    expect(net2.can).toEqual({ update: false, delete: false });
  });

  it('the people list only holds people the user may read', async () => {
    const names = async (role: Role) =>
      ((await (clients.get(role) as TestClient).get('/api/people?pageSize=200')).json().items as Array<{ fullName: string }>).map(
        (p) => p.fullName,
      );
    const teacherSees = await names('teacher');
    expect(teacherSees).toContain('Giáo viên 1');
    expect(teacherSees).toContain('Hồ Văn Nghĩa');
    expect(teacherSees).not.toContain('Giáo viên 2');
    expect(teacherSees).not.toContain('Hiệu trưởng 2');
    expect(await names('specialist')).toEqual(expect.arrayContaining(['Giáo viên 1', 'Giáo viên 2', 'Hiệu trưởng 2']));
    const filtered = await (clients.get('teacher') as TestClient).get(`/api/people?orgId=${w.orgs.school2.id}`);
    expect(filtered.statusCode).toBe(403);
  });

  it('an office leader reads audit rows of their own subtree only', async () => {
    const rows = (await (clients.get('communeLeader') as TestClient).get('/api/audit?pageSize=200')).json().items as Array<{
      entityType: string;
      after: { supervisingOrgId?: string; parentId?: string };
    }>;
    const all = (await (clients.get('admin') as TestClient).get('/api/audit?pageSize=200')).json().items as unknown[];
    expect(rows.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(rows.length);
    for (const r of rows) {
      if (r.entityType === 'network') expect(r.after.supervisingOrgId).toBe(w.orgs.commune1.id);
    }
  });
});
