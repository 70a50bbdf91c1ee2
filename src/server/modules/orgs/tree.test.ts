import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildTeam, buildUser, linkOrg } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/** The org tree by root and depth (issue 16, point 5), on a date before and after the 1 July 2025 reform. */
let t: TestApp;
let admin: TestClient;
let teacher: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const so = await buildOrg(t.db, { type: 'province_department', name: 'Sở Giáo dục và Đào tạo Cây Thử' });
  const phong = await buildOrg(t.db, {
    type: 'district_office',
    name: 'Phòng Giáo dục và Đào tạo huyện Cũ',
    parentId: so.id,
    linkTo: '2025-06-30',
    validTo: '2025-06-30',
  });
  const xa = await buildOrg(t.db, { type: 'commune', name: 'Xã Mới', parentId: so.id, linkFrom: '2025-07-01', validFrom: '2025-07-01' });
  const school = await buildOrg(t.db, { name: 'Trường THCS Gốc', parentId: phong.id, linkTo: '2025-06-30' });
  await linkOrg(t.db, school.id, xa.id, '2025-07-01');
  const team = await buildTeam(t.db, { parentId: school.id, name: 'Tổ Khoa học tự nhiên' });
  const other = await buildOrg(t.db, { type: 'province_department', name: 'Sở Giáo dục và Đào tạo Khác' });
  const otherSchool = await buildOrg(t.db, { name: 'Trường THCS Ngoài Cây', parentId: other.id });
  Object.assign(ids, {
    so: so.id,
    phong: phong.id,
    xa: xa.id,
    school: school.id,
    team: team.id,
    other: other.id,
    otherSchool: otherSchool.id,
  });
  const u = await buildUser(t.db, { isAdmin: true, email: 'admin@tree.vn' });
  admin = await t.client().login(u.email, u.password);
  const v = await buildUser(t.db, { email: 'gv@tree.vn', positions: [{ orgId: otherSchool.id, position: 'teacher' }] });
  teacher = await t.client().login(v.email, v.password);
});
afterAll(() => t.close());

type Node = { id: string; parentId: string | null };

async function tree(client: TestClient, query: string): Promise<Node[]> {
  const res = await client.get(`/api/orgs/tree?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().nodes;
}

const idsOf = (nodes: Node[]) => nodes.map((n) => n.id).sort();
const sorted = (...xs: string[]) => [...xs].sort();

describe('GET /api/orgs/tree by root and depth', () => {
  it('answers the subtree of a root as it stood on the date', async () => {
    expect(idsOf(await tree(admin, `date=2024-10-01&rootId=${ids.so}`))).toEqual(sorted(ids.so, ids.phong, ids.school, ids.team));
    expect(idsOf(await tree(admin, `date=2025-10-01&rootId=${ids.so}`))).toEqual(sorted(ids.so, ids.xa, ids.school, ids.team));
    const nodes = await tree(admin, `date=2025-10-01&rootId=${ids.school}`);
    expect(nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ids.school, parentId: ids.xa }),
        expect.objectContaining({ id: ids.team, parentId: ids.school }),
      ]),
    );
    expect(nodes).toHaveLength(2);
  });

  it('stops at the depth asked (0 = the root alone)', async () => {
    expect(idsOf(await tree(admin, `date=2024-10-01&rootId=${ids.so}&depth=0`))).toEqual([ids.so]);
    expect(idsOf(await tree(admin, `date=2024-10-01&rootId=${ids.so}&depth=1`))).toEqual(sorted(ids.so, ids.phong));
    expect(idsOf(await tree(admin, `date=2024-10-01&rootId=${ids.so}&depth=2`))).toEqual(sorted(ids.so, ids.phong, ids.school));
  });

  it('counts the depth from the top orgs when no root is given, and answers the whole tree with neither', async () => {
    const whole = await tree(admin, 'date=2024-10-01');
    const tops = whole.filter((n) => n.parentId === null).map((n) => n.id);
    expect(tops).toEqual(expect.arrayContaining([ids.so, ids.other]));
    expect(idsOf(await tree(admin, 'date=2024-10-01&depth=0'))).toEqual(sorted(...tops));
    const oneDown = whole.filter((n) => n.parentId === null || tops.includes(n.parentId)).map((n) => n.id);
    expect(idsOf(await tree(admin, 'date=2024-10-01&depth=1'))).toEqual(sorted(...oneDown));
    expect(oneDown).toContain(ids.otherSchool);
    expect(oneDown).not.toContain(ids.school);
    expect(idsOf(await tree(admin, 'date=2024-10-01&depth=12'))).toEqual(idsOf(whole));
  });

  it('lets every logged-in user read a subtree, as the whole tree', async () => {
    expect(idsOf(await tree(teacher, `date=2024-10-01&rootId=${ids.phong}`))).toEqual(sorted(ids.phong, ids.school, ids.team));
    const anonymous = await t.client().get(`/api/orgs/tree?rootId=${ids.so}`);
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a root that does not exist on the date, and a depth out of range, naming the field', async () => {
    const ended = await admin.get(`/api/orgs/tree?date=2025-10-01&rootId=${ids.phong}`);
    expect(ended.statusCode).toBe(400);
    expect(ended.json().fields).toEqual([{ field: 'rootId', message: 'Đơn vị gốc không tồn tại vào ngày đã chọn' }]);
    const unknown = await admin.get('/api/orgs/tree?rootId=6f1c2a4e-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].field).toBe('rootId');
    const deep = await admin.get(`/api/orgs/tree?rootId=${ids.so}&depth=13`);
    expect(deep.statusCode).toBe(400);
    expect(JSON.stringify(deep.json())).toContain('depth');
  });
});
