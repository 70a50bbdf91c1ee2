import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, buildOrg, buildPerson, buildSchoolYear, buildUser } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/**
 * Lists that page (issue 16, point 5): more than 1,000 networks page through by cursor, each exactly once, with the
 * total in X-Total-Count and the next page in Link; staff lists page by cursor too, with their total.
 */
let t: TestApp;
let admin: TestClient;
const NETWORKS = 1_030;
const networkIds = new Set<string>();
let schoolId = '';
const personIds = new Set<string>();

beforeAll(async () => {
  t = await createTestApp();
  const offices: Array<{ id: string }> = [];
  for (let i = 0; i < 16; i++) offices.push(await buildOrg(t.db, { type: 'district_office', name: `Phòng Giáo dục và Đào tạo số ${i}` }));
  const school = await buildOrg(t.db, { parentId: offices[0].id, name: 'Trường THCS Phân Trang' });
  schoolId = school.id;
  const older = await buildSchoolYear(t.db, { code: '2024-2025' });
  const newer = await buildSchoolYear(t.db, { code: '2025-2026' });
  await t.db.transaction(async (tx) => {
    for (let i = 0; i < NETWORKS; i++) {
      // Two years, two kinds, and sixteen networks to a name (one per office): ties the order breaks by id alone.
      const network = await buildNetwork(tx, {
        schoolYearId: i % 3 === 0 ? older.id : newer.id,
        kind: i % 2 === 0 ? 'cluster' : 'school_group',
        name: `Cụm chuyên môn số ${Math.floor(i / 16)}`,
        supervisingOrgId: offices[i % 16].id,
        memberOrgIds: [school.id],
      });
      networkIds.add(network.id);
    }
  });
  for (let i = 0; i < 7; i++) {
    const p = await buildPerson(t.db, {
      fullName: i < 4 ? 'Nguyễn Văn An' : `Trần Thị Bình ${i}`,
      positions: [{ orgId: school.id, position: 'teacher' }],
    });
    personIds.add(p.id);
  }
  const u = await buildUser(t.db, { isAdmin: true, email: 'admin@paging.vn' });
  admin = await t.client().login(u.email, u.password);
}, 120_000);
afterAll(() => t.close());

type Row = { id: string; schoolYearCode: string };

describe('GET /api/networks pages by cursor', () => {
  it('answers 1,000 by default, says the total, and pages through every network exactly once', async () => {
    const first = await admin.get('/api/networks');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toHaveLength(1000);
    expect(first.headers['x-total-count']).toBe(String(NETWORKS));
    expect(first.headers.link).toMatch(/^<\/api\/networks\?cursor=[\w-]+>; rel="next"$/);

    const seen: Row[] = [];
    let url: string | null = '/api/networks?limit=150';
    let pages = 0;
    while (url) {
      const res = await admin.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-total-count']).toBe(String(NETWORKS));
      const rows: Row[] = res.json();
      expect(rows.length).toBeLessThanOrEqual(150);
      seen.push(...rows);
      pages++;
      const link = res.headers.link as string | undefined;
      url = link ? (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null) : null;
      if (url) expect(new URL(url, 'http://x').searchParams.get('limit')).toBe('150');
    }
    expect(pages).toBe(Math.ceil(NETWORKS / 150));
    expect(seen).toHaveLength(NETWORKS);
    expect(new Set(seen.map((r) => r.id))).toEqual(networkIds);
    // Newest school year first, as the unpaged list.
    const firstOlder = seen.findIndex((r) => r.schoolYearCode === '2024-2025');
    expect(seen.slice(firstOlder).every((r) => r.schoolYearCode === '2024-2025')).toBe(true);
  });

  it('gives the same order paged as in one page, and no next page after the last', async () => {
    const all = (await admin.get('/api/networks?limit=1000&kind=cluster')).json() as Row[];
    const total = Number((await admin.get('/api/networks?limit=1&kind=cluster')).headers['x-total-count']);
    expect(all).toHaveLength(total);
    const paged: Row[] = [];
    let cursor = '';
    for (;;) {
      const res = await admin.get(`/api/networks?kind=cluster&limit=97${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...res.json());
      if (!res.headers['x-next-cursor']) break;
      cursor = res.headers['x-next-cursor'] as string;
    }
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
  });

  it('refuses a limit out of range and a cursor that is not one, naming the field', async () => {
    const big = await admin.get('/api/networks?limit=1001');
    expect(big.statusCode).toBe(400);
    const bad = await admin.get('/api/networks?cursor=khong-phai-con-tro');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([{ field: 'cursor', message: 'Con trỏ trang không hợp lệ' }]);
  });
});

describe('GET /api/people pages by cursor', () => {
  it('pages through a staff list with equal names, every person once, with the total', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/people?orgId=${schoolId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(personIds.size);
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((p: { id: string }) => p.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(personIds.size);
    expect(new Set(seen)).toEqual(personIds);
  });

  it('still pages by number, and says when there is no next page', async () => {
    const res = await admin.get(`/api/people?orgId=${schoolId}&page=1&pageSize=50`);
    expect(res.json()).toMatchObject({ total: personIds.size, page: 1, pageSize: 50, nextCursor: null });
    expect(res.json().items).toHaveLength(personIds.size);
  });
});
