import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, buildOrg, buildSchoolYear, buildUser } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/** Networks are formed per school year: roll-over copies one into the next year, rotating leadership moves on. */
let t: TestApp;
let office: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const y1 = await buildSchoolYear(t.db, { code: '2024-2025' });
  const y2 = await buildSchoolYear(t.db, { code: '2025-2026' });
  const so = await buildOrg(t.db, { type: 'province_department', name: 'Sở GD&ĐT Thử' });
  const a = await buildOrg(t.db, { type: 'center', name: 'Trung tâm GDNN-GDTX A', parentId: so.id });
  const b = await buildOrg(t.db, { type: 'center', name: 'Trung tâm GDNN-GDTX B', parentId: so.id });
  const c = await buildOrg(t.db, { type: 'center', name: 'Trung tâm GDNN-GDTX C', parentId: so.id });
  const dirA = await buildUser(t.db, { fullName: 'Giám đốc A', positions: [{ orgId: a.id, position: 'principal' }] });
  const dirB = await buildUser(t.db, { fullName: 'Giám đốc B', positions: [{ orgId: b.id, position: 'principal' }] });
  const rotating = await buildNetwork(t.db, {
    kind: 'cluster',
    name: 'Cụm GDTX số 1',
    schoolYearId: y1.id,
    supervisingOrgId: so.id,
    memberOrgIds: [a.id, b.id, c.id],
    leadOrgId: a.id,
    leadershipMode: 'rotating',
    leaders: [{ personId: dirA.person.id, role: 'leader' }],
  });
  const named = await buildNetwork(t.db, {
    kind: 'school_group',
    name: 'Nhóm GDTX A-B',
    schoolYearId: y1.id,
    supervisingOrgId: so.id,
    memberOrgIds: [a.id, b.id],
    leadOrgId: b.id,
    parentNetworkId: rotating.id,
    leaders: [{ personId: dirB.person.id, role: 'leader' }],
  });
  const specialist = await buildUser(t.db, { email: 'cv@gdtx.vn', positions: [{ orgId: so.id, position: 'specialist' }] });
  office = await t.client().login(specialist.email, specialist.password);
  Object.assign(ids, { y1: y1.id, y2: y2.id, rotating: rotating.id, named: named.id, b: b.id });
});
afterAll(() => t.close());

describe('roll-over to the next school year', () => {
  it('rotating leadership passes to the next member and its principal; the nested group follows its parent', async () => {
    const r = await office.post(`/api/networks/${ids.rotating}/roll-over`, { schoolYearId: ids.y2 });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      name: 'Cụm GDTX số 1',
      schoolYearCode: '2025-2026',
      leadershipMode: 'rotating',
      leadOrg: { name: 'Trung tâm GDNN-GDTX B' },
    });
    expect(r.json().leaders.map((l: { fullName: string; role: string }) => [l.fullName, l.role])).toEqual([['Giám đốc B', 'leader']]);
    const g = await office.post(`/api/networks/${ids.named}/roll-over`, { schoolYearId: ids.y2 });
    expect(g.statusCode, g.body).toBe(201);
    expect(g.json()).toMatchObject({ leadOrg: { name: 'Trung tâm GDNN-GDTX B' }, parentNetwork: { id: r.json().id } });
    expect(g.json().leaders.map((l: { fullName: string }) => l.fullName)).toEqual(['Giám đốc B']);
  });

  it('refuses the same year and a second copy', async () => {
    const same = await office.post(`/api/networks/${ids.rotating}/roll-over`, { schoolYearId: ids.y1 });
    expect(same.json().fields).toEqual([{ field: 'schoolYearId', message: 'Hãy chọn một năm học khác năm học của mạng lưới' }]);
    const again = await office.post(`/api/networks/${ids.rotating}/roll-over`, { schoolYearId: ids.y2 });
    expect(again.statusCode).toBe(400);
    expect(again.json().fields[0].message).toBe('Năm học 2025-2026 đã có mạng lưới «Cụm GDTX số 1»');
  });
});
