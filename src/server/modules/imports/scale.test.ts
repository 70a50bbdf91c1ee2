import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, STAFF_HEADER, upload, waitForJob } from '../../../../tests/fixtures/imports/files';
import { buildImportWorld } from '../../../../tests/fixtures/imports/world';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { queryRows } from '../../db/client';

const N = 10_000;
let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const w = await buildImportWorld(t.db);
  admin = await t.client().login(w.users.admin.email, w.users.admin.password);
});
afterAll(() => t.close());

function rows(): string[][] {
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ'];
  const orgs = ['TTD-TOAN', 'THCS-TTD', 'ANT-VAN', 'THCS-ANT'];
  return Array.from({ length: N }, (_, i) => [
    `GV${String(i).padStart(5, '0')}`,
    `${family[i % family.length]} Văn Thử ${i}`,
    `gv${i}@truong.edu.vn`,
    `09${String(i).padStart(8, '0')}`,
    i % 2 ? 'Nam' : 'Nữ',
    orgs[i % orgs.length],
    'Giáo viên',
    i % 3 ? 'Toán' : 'Ngữ văn, Lịch sử',
  ]);
}

describe('a 10,000-row staff CSV', () => {
  it('imports, then re-imports with no change', async () => {
    const file = csvOf(STAFF_HEADER, rows(), { bom: true });
    const started = Date.now();
    const res = await upload(admin, 'staff', 'giao-vien.csv', file);
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(admin, res.json().id, 600_000);
    const ms = Date.now() - started;
    console.info(`[imports] ${N} staff rows on ${t.database.kind}: ${ms} ms (upload to done)`);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'done', total: N, processed: N, summary: { created: N, updated: 0, unchanged: 0 } });
    const [c] = await queryRows<{ people: number; memberships: number; subjects: number; audit: number }>(
      t.db,
      sql`select (select count(*)::int from people where email like 'gv%@truong.edu.vn') as people,
          (select count(*)::int from memberships) as memberships, (select count(*)::int from person_subjects) as subjects,
          (select count(*)::int from audit_log where entity_type = 'person') as audit`,
    );
    expect(c.people).toBe(N);
    expect(c.memberships).toBe(N + 3);
    expect(c.subjects).toBe(Math.floor((N * 2) / 3) + Math.ceil(N / 3) * 2);
    expect(c.audit).toBe(N);

    const again = Date.now();
    const res2 = await upload(admin, 'staff', 'giao-vien.csv', file);
    const job2 = await waitForJob(admin, res2.json().id, 600_000);
    console.info(`[imports] ${N} unchanged staff rows on ${t.database.kind}: ${Date.now() - again} ms`);
    expect(job2.summary).toEqual({ created: 0, updated: 0, unchanged: N });
  });
});
