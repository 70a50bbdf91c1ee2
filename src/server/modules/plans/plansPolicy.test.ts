import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, buildPlanItem } from '../../../../tests/factories';
import { buildPlanWorld, type PlanRole, type PlanWorld, planBody, planItemBody } from '../../../../tests/helpers/planWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/**
 * Per role, what each may do with a plan of network 1 (lead school 1, supervised by commune 1) and of team 1
 * (reviewed by school 1). "other*" roles work in commune 2.
 */
let t: TestApp;
let w: PlanWorld;
const clients = new Map<PlanRole, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPlanWorld(t.db);
  for (const [role, u] of Object.entries(w.users) as Array<[PlanRole, PlanWorld['users'][PlanRole]]>) {
    clients.set(role, await t.client().login(u.email, u.password));
  }
});
afterAll(() => t.close());

const ROLES: PlanRole[] = [
  'admin',
  'specialist',
  'communeLeader',
  'principal',
  'teamHead',
  'teacher',
  'networkLeader',
  'otherTeacher',
  'otherPrincipal',
];

type Owner = 'network' | 'team';

async function plan(owner: Owner, status: 'draft' | 'submitted' | 'approved') {
  const p = await buildPlan(t.db, {
    schoolYearId: w.year.id,
    ...(owner === 'network'
      ? { networkId: w.networks.network1.id, reviewerOrgId: w.orgs.commune1.id }
      : { orgId: w.orgs.team1.id, reviewerOrgId: w.orgs.school1.id }),
    status,
  });
  const item = await buildPlanItem(t.db, { planId: p.id, hostOrgId: w.orgs.school1.id, proposedDate: '2025-10-15' });
  return { id: p.id, itemId: item.id };
}

interface Case {
  name: string;
  owner: Owner;
  status: 'draft' | 'submitted' | 'approved';
  run: (c: TestClient, p: { id: string; itemId: string }) => Promise<{ statusCode: number }>;
  expect: Record<PlanRole, number>;
}

const update = (c: TestClient, p: { id: string }) => c.put(`/api/plans/${p.id}`, { title: 'Kế hoạch đã sửa', items: [planItemBody(w)] });

const cases: Case[] = [
  {
    name: 'read a network plan',
    owner: 'network',
    status: 'draft',
    run: (c, p) => c.get(`/api/plans/${p.id}`),
    expect: {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 200,
      teamHead: 200,
      teacher: 200,
      networkLeader: 200,
      otherTeacher: 403,
      otherPrincipal: 403,
    },
  },
  {
    name: 'edit a draft network plan',
    owner: 'network',
    status: 'draft',
    run: update,
    expect: {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 200,
      teamHead: 403,
      teacher: 403,
      networkLeader: 200,
      otherTeacher: 403,
      otherPrincipal: 403,
    },
  },
  {
    name: 'submit a network plan',
    owner: 'network',
    status: 'draft',
    run: (c, p) => c.post(`/api/plans/${p.id}/submit`),
    expect: {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 200,
      teamHead: 403,
      teacher: 403,
      networkLeader: 200,
      otherTeacher: 403,
      otherPrincipal: 403,
    },
  },
  {
    name: 'return a submitted network plan',
    owner: 'network',
    status: 'submitted',
    run: (c, p) => c.post(`/api/plans/${p.id}/return`, { comment: 'Bổ sung nội dung' }),
    expect: {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 403,
      teamHead: 403,
      teacher: 403,
      networkLeader: 403,
      otherTeacher: 403,
      otherPrincipal: 403,
    },
  },
  {
    name: 'approve a submitted network plan',
    owner: 'network',
    status: 'submitted',
    run: (c, p) => c.post(`/api/plans/${p.id}/approve`, {}),
    expect: {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 403,
      teamHead: 403,
      teacher: 403,
      networkLeader: 403,
      otherTeacher: 403,
      otherPrincipal: 403,
    },
  },
  {
    name: 'track an item of an approved network plan',
    owner: 'network',
    status: 'approved',
    run: (c, p) => c.post(`/api/plans/${p.id}/items/${p.itemId}/status`, { status: 'cancelled', reason: 'Trùng lịch thi' }),
    expect: {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 200,
      teamHead: 403,
      teacher: 403,
      networkLeader: 200,
      otherTeacher: 403,
      otherPrincipal: 403,
    },
  },
  {
    name: 'read a team plan',
    owner: 'team',
    status: 'draft',
    run: (c, p) => c.get(`/api/plans/${p.id}`),
    expect: {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 200,
      teamHead: 200,
      teacher: 200,
      networkLeader: 403,
      otherTeacher: 403,
      otherPrincipal: 403,
    },
  },
  {
    name: 'edit a draft team plan',
    owner: 'team',
    status: 'draft',
    run: update,
    expect: {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 200,
      teamHead: 200,
      teacher: 403,
      networkLeader: 403,
      otherTeacher: 403,
      otherPrincipal: 403,
    },
  },
  {
    name: 'approve a submitted team plan',
    owner: 'team',
    status: 'submitted',
    run: (c, p) => c.post(`/api/plans/${p.id}/approve`, {}),
    expect: {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 200,
      teamHead: 403,
      teacher: 403,
      networkLeader: 403,
      otherTeacher: 403,
      otherPrincipal: 403,
    },
  },
];

describe('plan policy per role', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const got: Partial<Record<PlanRole, number>> = {};
      for (const role of ROLES) {
        const p = await plan(c.owner, c.status);
        got[role] = (await c.run(clients.get(role) as TestClient, p)).statusCode;
      }
      expect(got).toEqual(c.expect);
    });
  }

  it('creating: leaders, lead-school managers and offices create network plans; others get 403', async () => {
    const got: Partial<Record<PlanRole, number>> = {};
    for (const role of ROLES) got[role] = (await (clients.get(role) as TestClient).post('/api/plans', planBody(w))).statusCode;
    expect(got).toEqual({
      admin: 201,
      specialist: 201,
      communeLeader: 201,
      principal: 201,
      teamHead: 403,
      teacher: 403,
      networkLeader: 201,
      otherTeacher: 403,
      otherPrincipal: 403,
    });
  });

  it('can flags follow the same rules', async () => {
    const p = await plan('network', 'submitted');
    const can = async (role: PlanRole) => (await (clients.get(role) as TestClient).get(`/api/plans/${p.id}`)).json().can;
    expect(await can('communeLeader')).toEqual({ update: false, submit: false, review: true, trackItems: false });
    expect(await can('networkLeader')).toEqual({ update: false, submit: false, review: false, trackItems: false });
    expect(await can('teacher')).toEqual({ update: false, submit: false, review: false, trackItems: false });
  });

  it('/plans/can tells the network and org pages whether to show the plans link and the create button', async () => {
    const can = async (role: PlanRole, q: string) => (await (clients.get(role) as TestClient).get(`/api/plans/can?${q}`)).json();
    const net = `networkId=${w.networks.network1.id}`;
    expect(await can('networkLeader', net)).toEqual({ read: true, draft: true });
    expect(await can('teacher', net)).toEqual({ read: true, draft: false });
    expect(await can('otherTeacher', net)).toEqual({ read: false, draft: false });
    expect(await can('teamHead', `orgId=${w.orgs.team1.id}`)).toEqual({ read: true, draft: true });
    expect(await can('teacher', `orgId=${w.orgs.team1.id}`)).toEqual({ read: true, draft: false });
  });
});
