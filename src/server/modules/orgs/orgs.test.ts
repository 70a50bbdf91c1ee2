import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, linkOrg } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/** The org tree keeps history: a school moved from a district office to a commune shows under each at its time. */
let t: TestApp;
let admin: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const so = await buildOrg(t.db, { type: 'province_department', code: 'SO-HCM', name: 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh' });
  const phong = await buildOrg(t.db, {
    type: 'district_office',
    code: 'PGD-CUCHI',
    name: 'Phòng Giáo dục và Đào tạo huyện Củ Chi',
    parentId: so.id,
    linkTo: '2025-06-30',
    validTo: '2025-06-30',
  });
  const xa = await buildOrg(t.db, {
    type: 'commune',
    code: 'XA-PHD',
    name: 'Xã Phú Hòa Đông',
    parentId: so.id,
    linkFrom: '2025-07-01',
    validFrom: '2025-07-01',
  });
  const school = await buildOrg(t.db, { code: 'THCS-TTD', name: 'Trường THCS Tân Thạnh Đông', parentId: phong.id, linkTo: '2025-06-30' });
  await linkOrg(t.db, school.id, xa.id, '2025-07-01');
  const other = await buildOrg(t.db, { code: 'THCS-HP', name: 'Trường THCS Hòa Phú', parentId: phong.id, linkTo: '2025-06-30' });
  await linkOrg(t.db, other.id, xa.id, '2025-07-01');
  Object.assign(ids, { so: so.id, phong: phong.id, xa: xa.id, school: school.id, other: other.id });
  const u = await buildUser(t.db, { isAdmin: true, email: 'admin@orgs.vn' });
  admin = await t.client().login(u.email, u.password);
});
afterAll(() => t.close());

type Node = { id: string; parentId: string | null; name: string };

describe('org tree with history', () => {
  it('2024-2025 shows the school under the district office; 2025-2026 under its commune', async () => {
    const before = (await admin.get('/api/orgs/tree?date=2024-09-05')).json();
    const after = (await admin.get('/api/orgs/tree?date=2025-09-05')).json();
    const find = (nodes: Node[], id: string) => nodes.find((n) => n.id === id);
    expect(find(before.nodes, ids.school)?.parentId).toBe(ids.phong);
    expect(find(before.nodes, ids.xa)).toBeUndefined();
    expect(find(after.nodes, ids.school)?.parentId).toBe(ids.xa);
    expect(find(after.nodes, ids.phong)).toBeUndefined();
  });

  it('the org page lists the parent history and the ancestors at the asked date', async () => {
    const d = (await admin.get(`/api/orgs/${ids.school}?date=2024-10-01`)).json();
    expect(d.ancestors.map((a: Node) => a.name)).toEqual([
      'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh',
      'Phòng Giáo dục và Đào tạo huyện Củ Chi',
    ]);
    expect(
      d.parentHistory.map((h: { parent: Node; validFrom: string; validTo: string | null }) => [h.parent.name, h.validFrom, h.validTo]),
    ).toEqual([
      ['Phòng Giáo dục và Đào tạo huyện Củ Chi', '2000-01-01', '2025-06-30'],
      ['Xã Phú Hòa Đông', '2025-07-01', null],
    ]);
    const now = (await admin.get(`/api/orgs/${ids.school}`)).json();
    expect(now.parent.name).toBe('Xã Phú Hòa Đông');
  });

  it('one rule for children as of a date: an office ended on its own (links left open) is no child after its end', async () => {
    const ended = await buildOrg(t.db, {
      type: 'district_office',
      code: 'PGD-THU',
      name: 'Phòng Giáo dục và Đào tạo Thử',
      parentId: ids.so,
      validTo: '2025-06-30',
    });
    const childrenOf = async (date: string) =>
      ((await admin.get(`/api/orgs/${ids.so}?date=${date}`)).json().children as Node[]).map((c) => c.id);
    expect(await childrenOf('2025-03-01')).toContain(ended.id);
    expect(await childrenOf('2025-09-01')).not.toContain(ended.id);
    const tree = (await admin.get('/api/orgs/tree?date=2025-09-01')).json().nodes as Array<{ id: string }>;
    expect(tree.map((n) => n.id)).not.toContain(ended.id);
    const { childrenOnMany } = await import('../reports/repo');
    expect((await childrenOnMany(t.db, [ids.so], '2025-03-01')).map((c) => c.id)).toContain(ended.id);
    expect((await childrenOnMany(t.db, [ids.so], '2025-09-01')).map((c) => c.id)).not.toContain(ended.id);
  });

  it('search ignores diacritics and case', async () => {
    for (const q of ['tan thanh dong', 'TÂN THẠNH ĐÔNG', 'thanh dong']) {
      const res = (await admin.get(`/api/orgs/search?q=${encodeURIComponent(q)}`)).json();
      expect(res[0]?.name, q).toBe('Trường THCS Tân Thạnh Đông');
    }
    const byCode = (await admin.get('/api/orgs/search?q=thcs-hp')).json();
    expect(byCode.map((o: Node) => o.name)).toContain('Trường THCS Hòa Phú');
    const none = (await admin.get('/api/orgs/search?q=khong%20co%20truong%20nay')).json();
    expect(none).toEqual([]);
    // A code typed exactly comes first, before names that merely contain the same letters («Hòa Phú», «Phú Hòa Đông»).
    await buildOrg(t.db, { code: 'HOA', name: 'Trường Tiểu học Bình Mỹ', parentId: ids.so });
    const exact = (await admin.get('/api/orgs/search?q=hoa')).json() as Node[];
    expect(exact[0]?.name).toBe('Trường Tiểu học Bình Mỹ');
    expect(exact.map((o) => o.name)).toContain('Trường THCS Hòa Phú');
  });

  it('moving an org ends the old link the day before and keeps history; moves into itself are refused', async () => {
    const xa2 = (
      await admin.post('/api/orgs', { code: 'XA-ANT', name: 'Xã An Nhơn Tây', type: 'commune', parentId: ids.so, validFrom: '2025-07-01' })
    ).json();
    const early = await admin.post(`/api/orgs/${ids.other}/move`, { parentId: xa2.id, validFrom: '2025-07-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toEqual([
      { field: 'validFrom', message: 'Ngày chuyển phải sau 01/07/2025, ngày bắt đầu trực thuộc hiện tại' },
    ]);
    const moved = await admin.post(`/api/orgs/${ids.other}/move`, { parentId: xa2.id, validFrom: '2026-01-01' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parent.name).toBe('Xã An Nhơn Tây');
    expect(moved.json().parentHistory.map((h: { validTo: string | null }) => h.validTo)).toEqual(['2025-06-30', '2025-12-31', null]);
    const tree = (await admin.get('/api/orgs/tree?date=2025-10-01')).json();
    expect(tree.nodes.find((n: Node) => n.id === ids.other).parentId).toBe(ids.xa);
    const cycle = await admin.post(`/api/orgs/${ids.xa}/move`, { parentId: ids.so, validFrom: '2026-02-01' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().fields[0].message).toBe('Đơn vị đang trực thuộc đơn vị này');
    const audit = (await admin.get(`/api/audit?entityType=org&entityId=${ids.other}`)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'move',
      before: { parentId: ids.xa },
      after: { parentId: xa2.id, validFrom: '2026-01-01' },
    });
  });

  it('an org write is audited with values before and after', async () => {
    const res = await admin.put(`/api/orgs/${ids.school}`, {
      code: 'THCS-TTD',
      name: 'Trường THCS Tân Thạnh Đông',
      type: 'school',
      levels: ['lower_secondary'],
      address: 'Ấp 1, xã Phú Hòa Đông',
    });
    expect(res.statusCode).toBe(200);
    const audit = (await admin.get(`/api/audit?entityType=org&entityId=${ids.school}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'update', before: { address: null }, after: { address: 'Ấp 1, xã Phú Hòa Đông' } });
    expect(audit.items[0].actorName).toBeTruthy();
  });
});
