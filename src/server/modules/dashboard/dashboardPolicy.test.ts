import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComplianceWorld, type ComplianceWorld } from '../../../../tests/helpers/complianceWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/** Who sees which dashboard: office staff their subtree, network leaders their network, teachers nothing. */
let t: TestApp;
let w: ComplianceWorld;
type Role = keyof ComplianceWorld['users'];
const clients = {} as Record<Role, TestClient>;
const q = (extra = '') => `/api/dashboard/compliance?date=2025-12-10${extra}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildComplianceWorld(t.db);
  for (const [role, u] of Object.entries(w.users)) clients[role as Role] = await t.client().login(u.email, u.password);
});
afterAll(() => t.close());

describe('dashboard: policy per role', () => {
  it('default scope per role; teachers and team heads get 403, anonymous 401', async () => {
    const expected: Record<Role, [number, string | null]> = {
      admin: [200, 'all'],
      specialist: [200, 'org'],
      communeLeader: [200, 'org'],
      principal: [200, 'network'], // lead school of network 1
      otherPrincipal: [200, 'network'], // lead school of network 2 and of the cluster
      networkLeader: [200, 'network'],
      teamHead: [403, null],
      teacher: [403, null],
      otherTeacher: [403, null],
    };
    for (const role of Object.keys(expected) as Role[]) {
      const res = await clients[role].get(q());
      expect([role, res.statusCode, res.statusCode === 200 ? res.json().scope.kind : null]).toEqual([role, ...expected[role]]);
    }
    expect((await t.client().get(q())).statusCode).toBe(401);
  });

  it('office staff may look at an org of their subtree, not at another commune', async () => {
    expect((await clients.specialist.get(q(`&orgId=${w.orgs.commune2.id}`))).statusCode).toBe(200);
    expect((await clients.communeLeader.get(q(`&orgId=${w.orgs.commune2.id}`))).statusCode).toBe(403);
    expect((await clients.communeLeader.get(q(`&orgId=${w.orgs.province.id}`))).statusCode).toBe(403);
    expect((await clients.teacher.get(q(`&orgId=${w.orgs.school1.id}`))).statusCode).toBe(403);
  });

  it('a network: its leader, its lead school, the office over it; not another network leader', async () => {
    const n2 = `&networkId=${w.networks.network2.id}`;
    expect((await clients.otherPrincipal.get(q(n2))).statusCode).toBe(200);
    expect((await clients.specialist.get(q(n2))).statusCode).toBe(200);
    expect((await clients.networkLeader.get(q(n2))).statusCode).toBe(403);
    expect((await clients.communeLeader.get(q(n2))).statusCode).toBe(403);
    expect((await clients.teacher.get(q(`&networkId=${w.networks.network1.id}`))).statusCode).toBe(403);
  });

  it('the XLSX follows the same policy', async () => {
    expect((await clients.teacher.get('/api/dashboard/compliance/networks.xlsx')).statusCode).toBe(403);
    expect((await clients.communeLeader.get(`/api/dashboard/compliance/networks.xlsx?orgId=${w.orgs.commune2.id}`)).statusCode).toBe(403);
  });

  it('an unknown network or org is a 404; a malformed id a 400 naming the field', async () => {
    expect((await clients.specialist.get(q('&networkId=00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    const bad = await clients.specialist.get(q('&orgId=abc'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'orgId', message: '«Đơn vị» không hợp lệ' });
  });
});

describe('dashboard: callers at the same moment share one computation', () => {
  it('same figures for the admin and the specialist on the same org, each their own choices; a 403 stays a 403', async () => {
    const org = `&orgId=${w.orgs.province.id}`;
    const [admin, specialist, teacher] = await Promise.all([
      clients.admin.get(q(org)),
      clients.specialist.get(q(org)),
      clients.teacher.get(q(org)),
    ]);
    expect([admin.statusCode, specialist.statusCode, teacher.statusCode]).toEqual([200, 200, 403]);
    const { choices: adminChoices, ...adminFigures } = admin.json();
    const { choices: specialistChoices, ...specialistFigures } = specialist.json();
    expect(specialistFigures).toEqual(adminFigures);
    expect(adminFigures.scope).toMatchObject({ kind: 'org', id: w.orgs.province.id });
    // The admin heads no office: no choices; the specialist's offices are offered.
    expect(adminChoices).toEqual([]);
    expect(specialistChoices.length).toBeGreaterThan(0);
    // Asked again one after the other, the answer is the same: sharing changes nothing in what is shown.
    const alone = await clients.specialist.get(q(org));
    const { choices: _c, ...aloneFigures } = alone.json();
    expect(aloneFigures).toEqual(specialistFigures);
  });
});
