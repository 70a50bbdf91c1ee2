import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../../tests/helpers/counts';
import { buildPlanWorld, type PlanWorld, planBody, planItemBody } from '../../../../tests/helpers/planWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/** Bad plan input: a 4xx naming the field, and nothing stored. */
let t: TestApp;
let w: PlanWorld;
let leader: TestClient;
let before: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPlanWorld(t.db);
  leader = await t.client().login(w.users.networkLeader.email, w.users.networkLeader.password);
});
afterAll(() => t.close());
beforeEach(async () => {
  before = await tableCounts(t.db);
});

async function expectUnchanged() {
  expect(await tableCounts(t.db)).toEqual(before);
}

type Fields = Array<{ field: string; message: string }>;

describe('plans: bad input', () => {
  it('missing content is named', async () => {
    const { content: _omit, ...item } = planItemBody(w);
    const res = await leader.post('/api/plans', planBody(w, { items: [item] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'items.0.content', message: '«Nội dung (mục 1)» là bắt buộc' }]);
    await expectUnchanged();
  });

  it('grade 13 is refused', async () => {
    const res = await leader.post('/api/plans', planBody(w, { items: [planItemBody(w, { grade: 13 })] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'items.0.grade', message: '«Khối lớp (mục 1)» phải nhỏ hơn hoặc bằng 12' }]);
    await expectUnchanged();
  });

  it('items out of time order and a malformed time are named', async () => {
    const res = await leader.post(
      '/api/plans',
      planBody(w, {
        items: [
          planItemBody(w, { proposedDate: '2025-11-05', proposedTime: '13:30' }),
          planItemBody(w, { proposedDate: '2025-11-05', proposedTime: '07:30' }),
          planItemBody(w, { proposedDate: '2025-10-01', proposedTime: '25:00' }),
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields as Fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'items.1.proposedTime', message: 'Buổi 2 dự kiến trước buổi liền trên: hãy xếp các buổi theo thứ tự ngày giờ' },
        { field: 'items.2.proposedTime', message: 'Giờ phải có dạng giờ:phút, ví dụ 07:30' },
      ]),
    );
    await expectUnchanged();
  });

  it('a date outside the term is named', async () => {
    const res = await leader.post('/api/plans', planBody(w, { items: [planItemBody(w, { proposedDate: '2026-03-10' })] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { field: 'items.0.proposedDate', message: 'Buổi 1: ngày dự kiến phải trong học kỳ I (05/09/2025 – 17/01/2026)' },
    ]);
    await expectUnchanged();
  });

  it('an unknown host org, presenter or subject is named', async () => {
    const res = await leader.post(
      '/api/plans',
      planBody(w, { items: [planItemBody(w, { hostOrgId: randomUUID(), presenterPersonId: randomUUID(), subjectIds: [randomUUID()] })] }),
    );
    expect(res.statusCode).toBe(400);
    expect((res.json().fields as Fields).map((f) => f.field).sort()).toEqual([
      'items.0.hostOrgId',
      'items.0.presenterPersonId',
      'items.0.subjectIds',
    ]);
    expect((res.json().fields as Fields).find((f) => f.field === 'items.0.hostOrgId')?.message).toBe(
      'Buổi 1: đơn vị tổ chức không tồn tại',
    );
    await expectUnchanged();
  });

  it('neither or both owners, an unknown kind, a missing title are named', async () => {
    const both = await leader.post('/api/plans', planBody(w, { orgId: w.orgs.school1.id }));
    expect(both.statusCode).toBe(400);
    expect((both.json().fields as Fields)[0]).toEqual({
      field: 'networkId',
      message: 'Chọn đúng một mạng lưới hoặc một đơn vị lập kế hoạch',
    });
    const kind = await leader.post('/api/plans', planBody(w, { title: '', items: [planItemBody(w, { kind: 'picnic' })] }));
    expect(kind.statusCode).toBe(400);
    expect((kind.json().fields as Fields).map((f) => f.field).sort()).toEqual(['items.0.kind', 'title']);
    await expectUnchanged();
  });

  it('an update with bad input leaves the plan and its items as they were', async () => {
    const plan = (await leader.post('/api/plans', planBody(w))).json();
    before = await tableCounts(t.db);
    const res = await leader.put(`/api/plans/${plan.id}`, {
      title: 'Kế hoạch mới',
      items: [planItemBody(w), planItemBody(w, { hostOrgId: randomUUID(), proposedDate: '2025-12-01' })],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json().fields as Fields)[0].field).toBe('items.1.hostOrgId');
    await expectUnchanged();
    const after = (await leader.get(`/api/plans/${plan.id}`)).json();
    expect(after.title).toBe(plan.title);
    expect(after.items.map((i: { id: string }) => i.id)).toEqual(plan.items.map((i: { id: string }) => i.id));
  });

  it('a plan with no items cannot be submitted; an unknown plan is 404', async () => {
    const plan = (await leader.post('/api/plans', planBody(w, { items: [] }))).json();
    before = await tableCounts(t.db);
    const res = await leader.post(`/api/plans/${plan.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'items', message: 'Kế hoạch cần ít nhất một buổi sinh hoạt trước khi gửi duyệt' }]);
    expect((await leader.get(`/api/plans/${randomUUID()}`)).statusCode).toBe(404);
    await expectUnchanged();
  });
});
