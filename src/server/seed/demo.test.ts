import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, type TestApp, type TestClient } from '../../../tests/helpers/testApp';
import type { HomeData, Me, NetworkDetail, NetworkSummary, OrgSummary, OrgTreeNode, SchoolYear } from '../../shared/types';
import { type Executor, queryRows } from '../db/client';
import { seedDemo } from './demo';

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
let admin: TestClient;
let years: Map<string, string>;

/** Logs in one of the demo accounts. */
function as(email: string): Promise<TestClient> {
  return t.client().login(email, seeded.password);
}

/** Networks of a school year, by kind. */
async function networksOf(year: string, kind: string): Promise<NetworkSummary[]> {
  const res = await admin.get(`/api/networks?schoolYearId=${years.get(year)}&kind=${kind}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** A stable digest of everything the seed writes, with ids replaced by codes and names. */
async function digest(db: Executor): Promise<string> {
  const parts = await Promise.all([
    queryRows(db, sql`select code, name, short_name, type, levels::text, valid_from::text, valid_to::text from orgs order by code`),
    queryRows(
      db,
      sql`select o.code, p.code as parent, l.valid_from::text, l.valid_to::text from org_links l
          join orgs o on o.id = l.org_id join orgs p on p.id = l.parent_id order by 1, 3`,
    ),
    queryRows(
      db,
      sql`select o.code, s.code as subject from org_subjects x join orgs o on o.id = x.org_id join subjects s on s.id = x.subject_id order by 1, 2`,
    ),
    queryRows(db, sql`select code, full_name, email, gender from people order by code`),
    queryRows(
      db,
      sql`select p.code, o.code as org, m.position, m.valid_from::text, m.valid_to::text from memberships m
          join people p on p.id = m.person_id join orgs o on o.id = m.org_id order by 1, 2, 4`,
    ),
    queryRows(
      db,
      sql`select p.code, s.code as subject from person_subjects x join people p on p.id = x.person_id join subjects s on s.id = x.subject_id order by 1, 2`,
    ),
    queryRows(db, sql`select a.email, a.is_admin, p.code from accounts a join people p on p.id = a.person_id order by 1`),
    queryRows(
      db,
      sql`select y.code as year, s.code as supervisor, n.kind, n.name, lo.code as lead, pn.name as parent,
          n.decision_number, n.decision_date::text, n.description from networks n
          join school_years y on y.id = n.school_year_id join orgs s on s.id = n.supervising_org_id
          left join orgs lo on lo.id = n.lead_org_id left join networks pn on pn.id = n.parent_network_id order by 1, 2, 4`,
    ),
    queryRows(
      db,
      sql`select y.code as year, n.name, o.code, m.sort_order from network_members m join networks n on n.id = m.network_id
          join school_years y on y.id = n.school_year_id join orgs o on o.id = m.org_id order by 1, 2, 4`,
    ),
    queryRows(
      db,
      sql`select y.code as year, n.name, p.code, l.role from network_leaders l join networks n on n.id = l.network_id
          join school_years y on y.id = n.school_year_id join people p on p.id = l.person_id order by 1, 2, 3`,
    ),
  ]);
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

beforeAll(async () => {
  t = await createTestApp();
  seeded = await t.db.transaction((tx) => seedDemo(tx));
  admin = await as('admin@lientruong.vn');
  const list: SchoolYear[] = (await admin.get('/api/school-years')).json();
  years = new Map(list.map((y) => [y.code, y.id]));
});
afterAll(() => t?.close());

describe('demo data', () => {
  it('returns the eight easy log-ins in order, with the shared password', () => {
    expect(seeded.password).toBe('lientruong2026');
    expect(seeded.accounts.map((a) => a.email)).toEqual([
      'admin@lientruong.vn',
      'chuyenvien.so@lientruong.vn',
      'canbo.xa@lientruong.vn',
      'hieutruong@lientruong.vn',
      'totruong@lientruong.vn',
      'giaovien@lientruong.vn',
      'chuyenvien.bacgiang@lientruong.vn',
      'hieutruong.lucnam@lientruong.vn',
    ]);
    expect(seeded.accounts[3].role).toBe('Hiệu trưởng (cụm trưởng)');
    expect(seeded.counts).toMatchObject({ networks: 39 });
    expect(seeded.counts.people).toBe(seeded.counts.accounts);
  });

  it('creates school years 2022-2023 to 2026-2027, with the two terms', async () => {
    expect([...years.keys()].sort()).toEqual(['2022-2023', '2023-2024', '2024-2025', '2025-2026', '2026-2027']);
    const list: SchoolYear[] = (await admin.get('/api/school-years')).json();
    const current = list.find((y) => y.code === '2026-2027');
    expect(current).toMatchObject({ startDate: '2026-09-05', endDate: '2027-05-31' });
    expect(current?.terms.map((x) => [x.startDate, x.endDate])).toEqual([
      ['2026-09-05', '2027-01-17'],
      ['2027-01-20', '2027-05-31'],
    ]);
  });

  it('lets each demo account log in with the expected position', async () => {
    const me = async (email: string): Promise<Me> => (await (await as(email)).get('/api/auth/me')).json();
    const pos = (m: Me) => m.positions.map((p) => [p.orgName, p.position]);

    const a = await me('admin@lientruong.vn');
    expect(a).toMatchObject({ fullName: 'Quản trị hệ thống', isAdmin: true, positions: [] });
    expect(pos(await me('chuyenvien.so@lientruong.vn'))).toEqual([['Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh', 'specialist']]);
    expect(pos(await me('canbo.xa@lientruong.vn'))).toEqual([['Xã Phú Hòa Đông', 'office_leader']]);
    const hieu = await me('hieutruong@lientruong.vn');
    expect(hieu.fullName).toBe('Nguyễn Văn Hiếu');
    expect(pos(hieu)).toEqual([['Trường THCS Thị Trấn 2', 'principal']]);

    for (const [email, position, school] of [
      ['totruong@lientruong.vn', 'team_head', 'Trường THCS Tân Thạnh Đông'],
      ['giaovien@lientruong.vn', 'teacher', 'Trường THCS Hòa Phú'],
    ] as const) {
      const m = await me(email);
      expect(pos(m)).toEqual([['Tổ Toán - Tin', position]]);
      const team = (await admin.get(`/api/orgs/${m.positions[0].orgId}`)).json();
      expect(team.parent.name).toBe(school);
    }
  });

  it("keeps the commune officer's earlier post at the Phòng", async () => {
    const officer: Me = (await (await as('canbo.xa@lientruong.vn')).get('/api/auth/me')).json();
    const person = (await admin.get(`/api/people/${officer.personId}`)).json();
    expect(JSON.stringify(person)).toContain('Phòng Giáo dục và Đào tạo huyện Củ Chi');
  });

  it('moves THCS Tân Thạnh Đông from the Phòng to Xã Phú Hòa Đông on 1/7/2025', async () => {
    const tree = async (date: string): Promise<OrgTreeNode[]> => (await admin.get(`/api/orgs/tree?date=${date}`)).json().nodes;
    const parentName = (nodes: OrgTreeNode[], name: string) => {
      const node = nodes.find((n) => n.name === name);
      return nodes.find((n) => n.id === node?.parentId)?.name;
    };
    const before = await tree('2024-09-05');
    expect(parentName(before, 'Trường THCS Tân Thạnh Đông')).toBe('Phòng Giáo dục và Đào tạo huyện Củ Chi');
    expect(parentName(before, 'Phòng Giáo dục và Đào tạo huyện Củ Chi')).toBe('Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh');
    expect(before.some((n) => n.name === 'Xã Phú Hòa Đông')).toBe(false);

    const after = await tree('2025-09-05');
    expect(parentName(after, 'Trường THCS Tân Thạnh Đông')).toBe('Xã Phú Hòa Đông');
    expect(parentName(after, 'Xã Phú Hòa Đông')).toBe('Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh');
    expect(after.some((n) => n.type === 'district_office')).toBe(false);
    const cuChiSchools = after.filter((n) => n.type === 'school' && n.levels.includes('lower_secondary'));
    expect(cuChiSchools).toHaveLength(24);
    expect(after.find((n) => n.name === 'Trường TH-THCS Tân Trung')?.levels).toEqual(['primary', 'lower_secondary']);
  });

  it('forms Cụm 01, Cụm 02 and Nhóm 1…8 in 2024-2025 by Quyết định 140, and keeps them in 2025-2026', async () => {
    for (const year of ['2024-2025', '2025-2026', '2026-2027']) {
      const clusters = await networksOf(year, 'cluster');
      const groups = await networksOf(year, 'school_group');
      expect(clusters.map((c) => c.name)).toEqual(['Cụm 01 (THCS Củ Chi)', 'Cụm 02 (THCS Củ Chi)']);
      expect(groups).toHaveLength(8);
      const supervisor = year === '2024-2025' ? 'Phòng Giáo dục và Đào tạo huyện Củ Chi' : 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh';
      expect(new Set([...clusters, ...groups].map((n) => n.supervisingOrg.name))).toEqual(new Set([supervisor]));
      expect(groups.map((g) => g.memberCount)).toEqual(Array(8).fill(3));
    }
  });

  it("shows Cụm 01's twelve members, leader and two deputies as named in the seed", async () => {
    const [cum01] = await networksOf('2024-2025', 'cluster');
    const detail: NetworkDetail = (await admin.get(`/api/networks/${cum01.id}`)).json();
    expect(detail.decisionNumber).toBe('140/QĐ-PGDĐT');
    expect(detail.decisionDate).toBe('2024-09-11');
    expect(detail.members).toHaveLength(12);
    expect(detail.members[0].name).toBe('Trường THCS Tân Phú Trung');
    expect(detail.members[11].name).toBe('Trường THCS Tân Thạnh Đông');
    expect(detail.leaders.map((l) => [l.fullName, l.role, l.orgName])).toEqual([
      ['Nguyễn Văn Hiếu', 'leader', 'Trường THCS Thị Trấn 2'],
      ['Hồ Văn Nghĩa', 'deputy', 'Trường THCS Tân Thạnh Đông'],
      ['Thân Lê Hồng Nhung', 'deputy', 'Trường THCS Tân Phú Trung'],
    ]);
    expect(detail.childNetworks.map((c) => c.name)).toEqual(['Nhóm liên trường số 1 (Tân Thạnh Đông – Hòa Phú – Tân Thạnh Tây)']);

    const [, cum02] = await networksOf('2024-2025', 'cluster');
    const d2: NetworkDetail = (await admin.get(`/api/networks/${cum02.id}`)).json();
    expect(d2.members.map((m) => m.name)).toContain('Trường TH-THCS Tân Trung');
    // Deputies come back sorted by name, and the order of "Đ" and "N" depends on the database's collation.
    expect(d2.leaders[0]).toMatchObject({ fullName: 'Nguyễn Văn Quý', role: 'leader', orgName: 'Trường TH-THCS Tân Trung' });
    expect(new Set(d2.leaders.slice(1).map((l) => `${l.fullName} (${l.role})`))).toEqual(
      new Set(['Nguyễn Thanh Điền (deputy)', 'Đoàn Thị Hoa (deputy)']),
    );
  });

  it('leaves Nhóm 2 (mixed clusters) without a parent network, and leads each group by its lead school', async () => {
    const groups = await networksOf('2025-2026', 'school_group');
    const nhom2 = groups.find((g) => g.name.startsWith('Nhóm liên trường số 2 '));
    expect(nhom2?.parentNetworkId).toBeNull();
    expect(nhom2?.leadOrg?.name).toBe('Trường TH-THCS Tân Trung');
    const nhom1 = groups.find((g) => g.name.startsWith('Nhóm liên trường số 1 '));
    expect(nhom1?.parentNetworkId).not.toBeNull();
    const detail: NetworkDetail = (await admin.get(`/api/networks/${nhom1?.id}`)).json();
    expect(detail.leaders).toEqual([expect.objectContaining({ fullName: 'Hồ Văn Nghĩa', role: 'leader' })]);
    expect(detail.description).toMatch(/sắp xếp đơn vị hành chính năm 2025/);
  });

  it('forms the nine Bến Tre district groups of 2022-2023, each led by its THPT principal', async () => {
    const groups = await networksOf('2022-2023', 'district_group');
    expect(groups).toHaveLength(9);
    expect(new Set(groups.map((g) => g.supervisingOrg.name))).toEqual(new Set(['Sở Giáo dục và Đào tạo tỉnh Bến Tre']));
    expect(groups.map((g) => g.leadOrg?.name).sort()).toEqual(
      [
        'Phan Thanh Giản',
        'Lê Hoàng Chiểu',
        'Phan Văn Trị',
        'Nguyễn Đình Chiểu',
        'Trần Văn Ơn',
        'Trần Văn Kiệt',
        'Ngô Văn Cấn',
        'Che Guevara',
        'Lê Hoài Đôn',
      ]
        .map((n) => `Trường THPT ${n}`)
        .sort(),
    );
    const chauThanh = groups.find((g) => g.name.endsWith('huyện Châu Thành'));
    const detail: NetworkDetail = (await admin.get(`/api/networks/${chauThanh?.id}`)).json();
    expect(detail.members.map((m) => m.name)).toEqual([
      'Trường THPT Trần Văn Ơn',
      'Trường THPT Diệp Minh Châu',
      'Trung tâm GDNN-GDTX huyện Châu Thành',
    ]);
    expect(detail.leaders).toEqual([
      expect.objectContaining({ role: 'leader', orgName: 'Trường THPT Trần Văn Ơn', position: 'principal' }),
    ]);
    expect(detail.decisionNumber).toBeNull();
  });

  it("shows the teacher's school, Nhóm 1 and Cụm 01 on the home page of 2026-2027", async () => {
    const home: HomeData = (await (await as('giaovien@lientruong.vn')).get('/api/home')).json();
    expect(home.schoolYear?.code).toBe('2026-2027');
    expect(home.orgs.map((o) => o.name)).toEqual(['Tổ Toán - Tin']);
    const names = home.networks.map((n) => n.name);
    expect(names).toContain('Cụm 01 (THCS Củ Chi)');
    expect(names).toContain('Nhóm liên trường số 1 (Tân Thạnh Đông – Hòa Phú – Tân Thạnh Tây)');
    expect(names).toHaveLength(2);
  });

  it('finds "tan thanh dong" without diacritics, the school first', async () => {
    const found: OrgSummary[] = (await admin.get('/api/orgs/search?q=tan%20thanh%20dong')).json();
    expect(found[0].name).toBe('Trường THCS Tân Thạnh Đông');
  });

  it('gives everyone a unique ASCII e-mail and an account', async () => {
    const rows = await queryRows<{ email: string; n: number }>(
      t.db,
      sql`select a.email, (select count(*)::int from people) as n from accounts a order by a.email`,
    );
    expect(rows).toHaveLength(rows[0].n);
    for (const r of rows) expect(r.email).toMatch(/^[a-z0-9.]+@lientruong\.vn$/);
    expect(new Set(rows.map((r) => r.email)).size).toBe(rows.length);
  });

  it('writes the same data on every run', async () => {
    const other = await createTestDatabase();
    try {
      await other.database.db.transaction((tx) => seedDemo(tx));
      expect(await digest(other.database.db)).toBe(await digest(t.db));
    } finally {
      await other.drop();
    }
  });
});
