import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../../tests/helpers/counts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { buildWorld, type Role, type World } from '../../../../tests/helpers/world';

/** Rules: who may write (per role, own scope and another's), everyone reads; bad input is named and stores nothing. */
let t: TestApp;
let w: World;
const clients = {} as Record<Role, TestClient>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const [role, u] of Object.entries(w.users)) clients[role as Role] = await t.client().login(u.email, u.password);
});
afterAll(() => t.close());

const url = (orgId: string) => `/api/orgs/${orgId}/rules/${w.year.id}`;
const preset = (role: Role, orgId: string) => clients[role].post(`${url(orgId)}/preset`, { preset: 'cu_chi' });

describe('rules: policy per role', () => {
  it('everyone logged in reads; anonymous gets 401', async () => {
    for (const role of Object.keys(clients) as Role[]) expect((await clients[role].get(url(w.orgs.commune1.id))).statusCode).toBe(200);
    expect((await t.client().get(url(w.orgs.commune1.id))).statusCode).toBe(401);
  });

  it('on commune 1: admin, the Sở specialist and the commune leader write; school and team staff are refused', async () => {
    const expected: Record<Role, number> = {
      admin: 200,
      specialist: 200,
      communeLeader: 200,
      principal: 403,
      teamHead: 403,
      teacher: 403,
      otherTeacher: 403,
      otherPrincipal: 403,
    };
    for (const role of Object.keys(expected) as Role[])
      expect([role, (await preset(role, w.orgs.commune1.id)).statusCode]).toEqual([role, expected[role]]);
  });

  it('the commune 1 leader may not write the rules of commune 2 or of the Sở', async () => {
    expect((await preset('communeLeader', w.orgs.commune2.id)).statusCode).toBe(403);
    expect((await preset('communeLeader', w.orgs.province.id)).statusCode).toBe(403);
    const view = await clients.communeLeader.get(url(w.orgs.commune2.id));
    expect(view.json().can.edit).toBe(false);
  });

  it('a school cannot carry rules even for an office user (409 in Vietnamese)', async () => {
    const res = await preset('specialist', w.orgs.school1.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Chỉ Sở GD&ĐT');
  });
});

describe('rules: bad input', () => {
  let before: Record<string, number>;
  beforeEach(async () => {
    before = await tableCounts(t.db);
  });
  const expectUnchanged = async () => expect(await tableCounts(t.db)).toEqual(before);
  const form = (over: Record<string, unknown> = {}) => ({
    quotas: [{ target: 'school_group', per: 'term', minCount: 2 }],
    teamIntervalDays: 14,
    planDueDate: '2025-09-15',
    breaks: [],
    ...over,
  });
  const put = (body: unknown) => clients.specialist.put(url(w.orgs.commune2.id), body);

  it('a negative count is named', async () => {
    const res = await put(form({ quotas: [{ target: 'cluster', per: 'term', minCount: -1 }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'quotas.0.minCount', message: '«Số buổi tối thiểu (mục 1)» phải lớn hơn hoặc bằng 0' }]);
    await expectUnchanged();
  });

  it('a negative preparation lead time is named', async () => {
    const res = await put(form({ preparationDaysBefore: -3 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toEqual({
      field: 'preparationDaysBefore',
      message: '«Số ngày nộp báo cáo chuẩn bị trước buổi» phải lớn hơn hoặc bằng 0',
    });
    await expectUnchanged();
  });

  it('a date outside the school year is named', async () => {
    const res = await put(form({ planDueDate: '2024-09-15', yearReportDue: '2026-06-16' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { field: 'planDueDate', message: '«Hạn nộp kế hoạch» phải nằm trong năm học 2025-2026 (05/09/2025 – 31/05/2026)' },
      { field: 'yearReportDue', message: '«Hạn báo cáo năm học» phải nằm trong năm học 2025-2026 (05/09/2025 – 31/05/2026)' },
    ]);
    await expectUnchanged();
  });

  it('a break ending before it starts is named, on the form and on the breaks editor', async () => {
    const bad = [{ startDate: '2026-02-20', endDate: '2026-02-10', label: 'Nghỉ Tết', kind: 'holiday' }];
    for (const res of [
      await put(form({ breaks: bad })),
      await clients.specialist.put(`${url(w.orgs.commune2.id)}/breaks`, { breaks: bad }),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toEqual([
        { field: 'breaks.0.endDate', message: 'Ngày kết thúc của thời gian nghỉ phải sau hoặc bằng ngày bắt đầu' },
      ]);
    }
    await expectUnchanged();
  });

  it('a break outside the year, an empty break name, a wrong kind and a missing interval are named', async () => {
    const res = await put(
      form({
        teamIntervalDays: undefined,
        breaks: [
          { startDate: '2026-07-01', endDate: '2026-07-05', label: 'Hè', kind: 'holiday' },
          { startDate: '2026-02-10', endDate: '2026-02-12', label: ' ', kind: 'holiday' },
          { startDate: '2026-03-10', endDate: '2026-03-12', label: 'Thi', kind: 'party' },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields as Array<{ field: string; message: string }>;
    expect(fields.map((f) => f.field).sort()).toEqual(['breaks.1.label', 'breaks.2.kind', 'teamIntervalDays']);
    expect(fields.find((f) => f.field === 'teamIntervalDays')?.message).toBe('«Số ngày giữa hai lần sinh hoạt tổ» là bắt buộc');
    await expectUnchanged();
    const out = await put(form({ breaks: [{ startDate: '2026-07-01', endDate: '2026-07-05', label: 'Hè', kind: 'holiday' }] }));
    expect(out.statusCode).toBe(400);
    expect(out.json().fields[0].field).toBe('breaks.0.startDate');
    expect(out.json().fields[0].message).toContain('Thời gian nghỉ (mục 1)');
    await expectUnchanged();
  });

  it('a per-subject flag that is not yes/no is named', async () => {
    const res = await put(form({ quotas: [{ target: 'school_group', per: 'term', minCount: 2, perSubject: 'có' }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveLength(1);
    expect(res.json().fields[0].field).toBe('quotas.0.perSubject');
    expect(res.json().fields[0].message).toContain('Tính cho từng môn');
    await expectUnchanged();
  });

  it('a duplicated quota and an unknown preset are named', async () => {
    const dup = await put(
      form({
        quotas: [
          { target: 'cluster', per: 'term', minCount: 1 },
          { target: 'cluster', per: 'term', minCount: 2 },
        ],
      }),
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0].field).toBe('quotas.1.target');
    const p = await clients.specialist.post(`${url(w.orgs.commune2.id)}/preset`, { preset: 'ha_noi' });
    expect(p.statusCode).toBe(400);
    expect(p.json().fields[0].message).toContain('«Mẫu quy định»');
    await expectUnchanged();
  });
});
