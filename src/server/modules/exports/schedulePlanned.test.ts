import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedPlan, buildScheduleWorld, type ScheduleWorld } from '../../../../tests/helpers/planScheduleWorld';
import { planBody } from '../../../../tests/helpers/planWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/**
 * Issue 15, point 7: Mẫu 1 comes from the approved plan's items joined with the meetings already made from them, so
 * the term schedule can be published before any meeting exists; a scheduled item is printed once, as its meeting.
 */
let t: TestApp;
let w: ScheduleWorld;
let leader: TestClient;
let reviewer: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildScheduleWorld(t.db);
  leader = await t.client().login(w.users.networkLeader.email, w.users.networkLeader.password);
  reviewer = await t.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
});
afterAll(() => t.close());

/** The rows of the network's term-1 schedule XLSX (below the heading), as cell texts. */
async function rows(c: TestClient, query = `networkId=${w.networks.network1.id}&term=1`): Promise<string[][]> {
  const res = await c.get(`/api/exports/schedule.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1)
      out.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))));
  });
  return out;
}

describe('Mẫu 1 from the approved plan', () => {
  it('prints the approved plan before any meeting exists, then each item once, as its meeting', async () => {
    // A plan that is only a draft is not printed.
    const draft = await leader.post('/api/plans', planBody(w, { items: [{ ...planBody(w).items[0], content: 'Bản nháp chưa duyệt' }] }));
    expect(draft.statusCode, draft.body).toBe(201);
    const plan = await approvedPlan(w, leader, reviewer);

    const before = await rows(reviewer);
    // Two items with a date; the undated one cannot be placed in the schedule.
    expect(before).toHaveLength(2);
    expect(before[0]).toEqual([
      '1',
      '2025-10-15',
      '7h30 - 10h30',
      'Toán',
      'Thao giảng môn Toán 8: Định lý Pythagore',
      'Trường THCS Tân Thạnh Đông, Phòng học 8A1',
      '25',
      'Theo kế hoạch',
    ]);
    expect(before[1][2]).toBe('13h30 - 16h30');
    expect(before[1][7]).toContain('Kết hợp');
    expect(before.flat().join(' ')).not.toContain('Bản nháp chưa duyệt');

    const scheduled = await leader.post(`/api/plans/${plan.id}/schedule`);
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const after = await rows(reviewer);
    expect(after).toHaveLength(2);
    expect(after[0][4]).toBe('Thao giảng môn Toán 8: Định lý Pythagore');
    expect(after[0][5]).toBe('Trường THCS Tân Thạnh Đông, Phòng học 8A1, Ấp Cây Sộp, xã Tân Thạnh Đông');
    expect(after[0].join(' | ')).not.toContain('Theo kế hoạch');
    // The hybrid meeting is a draft until its links are added: "Dự kiến".
    expect(after[1][7]).toContain('Dự kiến');
  });

  it("shows the items in the schedule of an org subtree that hosts them (the commune's)", async () => {
    const c = await t.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
    const list = await rows(c, `orgId=${w.orgs.commune1.id}&schoolYearId=${w.year.id}&term=1`);
    expect(list.some((r) => r[4] === 'Chuyên đề: dạy học giải quyết vấn đề môn Toán 9')).toBe(true);
  });
});
