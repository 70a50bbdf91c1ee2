import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const u = await buildUser(t.db, { isAdmin: true, email: 'admin@sy.vn' });
  admin = await t.client().login(u.email, u.password);
});
afterAll(() => t.close());

const year = (code: string, s: number) => ({
  code,
  startDate: `${s}-09-05`,
  endDate: `${s + 1}-05-31`,
  terms: [
    { number: 1, startDate: `${s}-09-05`, endDate: `${s + 1}-01-17` },
    { number: 2, startDate: `${s + 1}-01-20`, endDate: `${s + 1}-05-31` },
  ],
});

describe('school years', () => {
  it('creates, lists newest first, updates, refuses duplicates and bad codes', async () => {
    expect((await admin.post('/api/school-years', year('2024-2025', 2024))).statusCode).toBe(201);
    const created = await admin.post('/api/school-years', year('2025-2026', 2025));
    expect(created.json().terms).toHaveLength(2);
    const list = (await admin.get('/api/school-years')).json();
    expect(list.map((y: { code: string }) => y.code)).toEqual(['2025-2026', '2024-2025']);
    const dup = await admin.post('/api/school-years', year('2025-2026', 2025));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toEqual([{ field: 'code', message: 'Mã đã tồn tại' }]);
    const bad = await admin.post('/api/school-years', year('2025-2027', 2025));
    expect(bad.json().fields).toEqual([{ field: 'code', message: 'Năm học phải gồm hai năm liên tiếp, ví dụ 2024-2025' }]);
    const upd = await admin.put(`/api/school-years/${created.json().id}`, { ...year('2025-2026', 2025), endDate: '2026-06-15' });
    expect(upd.json().endDate).toBe('2026-06-15');
    const overlap = await admin.put(`/api/school-years/${created.json().id}`, {
      ...year('2025-2026', 2025),
      terms: [
        { number: 1, startDate: '2025-09-05', endDate: '2026-02-01' },
        { number: 2, startDate: '2026-01-20', endDate: '2026-05-31' },
      ],
    });
    expect(overlap.json().fields).toEqual([{ field: 'terms.1.startDate', message: 'Học kỳ II phải bắt đầu sau khi học kỳ I kết thúc' }]);
  });
});
