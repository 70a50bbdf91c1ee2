import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, importFile } from '../../../../tests/fixtures/imports/files';
import { buildReformWorld, type ReformWorld } from '../../../../tests/helpers/reformWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { OrgEnding } from '../../../shared/orgEnding';
import type { Rollup } from '../../../shared/reports';

/**
 * The 1 July 2025 reform filed through the API (issue 16, point 1): the Sở ends its district offices on 30/06/2025,
 * each ending says what still points at the office, then the schools move under the new communes from 01/07/2025.
 * Everything of 2024-2025 reads as before; 2025-2026 lists only the new units, and no dissolved unit is flagged.
 */
let t: TestApp;
let w: ReformWorld;
let so: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildReformWorld(t.db);
  so = await t.client().login(w.specialist.email, w.specialist.password);
}, 120_000);
afterAll(() => t?.close());

async function ok<T>(path: string): Promise<T> {
  const res = await so.get(path);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

type Node = { id: string; parentId: string | null };
const treeOf = async (date: string) => (await ok<{ nodes: Node[] }>(`/api/orgs/tree?date=${date}&rootId=${w.so.id}`)).nodes;
const childrenOf = async (id: string, date: string) => (await ok<{ children: Node[] }>(`/api/orgs/${id}?date=${date}`)).children;
const rollupOf = (orgId: string, yearId: string, term?: 1) =>
  ok<Rollup>(`/api/reports/rollup?orgId=${orgId}&schoolYearId=${yearId}${term ? `&termNumber=${term}` : ''}`);
/** A roll-up's data (what the actor may still do with it is left out: a dissolved office takes no new draft). */
const dataOf = ({ can: _can, ...data }: Rollup) => data;

/** Everything of 2024-2025 a person can read: the tree, the org pages, the roll-ups (term I and the year). */
async function snapshot2024() {
  return {
    tree: await treeOf('2024-10-01'),
    soChildren: await childrenOf(w.so.id, '2024-10-01'),
    phongAChildren: await childrenOf(w.phongA.id, '2024-10-01'),
    rollupTerm: dataOf(await rollupOf(w.so.id, w.y2024.id, 1)),
    rollupYear: dataOf(await rollupOf(w.so.id, w.y2024.id)),
    phongARollup: dataOf(await rollupOf(w.phongA.id, w.y2024.id, 1)),
  };
}

/** The body of PUT /api/orgs/:id for an office, ending it on a day. */
function ending(o: { code: string; name: string }, validTo: string, validFrom: string | null = null) {
  return { code: o.code, name: o.name, type: 'district_office', validFrom, validTo };
}

describe('the 1 July 2025 reform through the API', () => {
  let before: Awaited<ReturnType<typeof snapshot2024>>;
  let newSchool = '';

  it('before: 2024-2025 lists the offices with their schools, Phòng A’s report and group; the offices are open', async () => {
    before = await snapshot2024();
    expect(before.soChildren.map((c) => c.id).sort()).toEqual([w.phongA.id, w.phongB.id].sort());
    expect(before.phongAChildren.map((c) => c.id).sort()).toEqual([w.schools.a1.id, w.schools.a2.id].sort());
    expect(before.rollupTerm.rows.find((r) => r.id === w.phongA.id)).toMatchObject({ reportStatus: 'submitted', missingReport: false });
    expect(before.rollupTerm.rows.find((r) => r.id === w.phongB.id)).toMatchObject({ missingReport: true });
    expect(before.phongARollup.rows.find((r) => r.id === w.group.id)?.meetingsHeld).toBe(1);
  });

  it('ending an office is refused before it began, and the refusal names the field', async () => {
    const res = await so.put(`/api/orgs/${w.phongA.id}`, ending(w.phongA, '2025-06-30', '2025-07-01'));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'validTo' });
  });

  it('ending the offices on 30/06/2025 ends their own link and says what still points at them', async () => {
    const preview = await ok<OrgEnding>(`/api/orgs/${w.phongB.id}/ending?validTo=2025-06-30`);
    const resA = await so.put(`/api/orgs/${w.phongA.id}`, ending(w.phongA, '2025-06-30'));
    expect(resA.statusCode, resA.body).toBe(200);
    const a: OrgEnding = resA.json().ending;
    expect(a.from).toBe('2025-07-01');
    expect(a.children.map((c) => c.id).sort()).toEqual([w.schools.a1.id, w.schools.a2.id].sort());
    expect(a.networks).toEqual([]); // its group was of 2024-2025, over before the office ends
    expect(a.advice.join(' ')).toContain('chuyển trường về UBND xã');
    expect(resA.json().parentHistory.map((h: { validTo: string | null }) => h.validTo)).toEqual(['2025-06-30']);

    const resB = await so.put(`/api/orgs/${w.phongB.id}`, ending(w.phongB, '2025-06-30'));
    expect(resB.statusCode, resB.body).toBe(200);
    const b: OrgEnding = resB.json().ending;
    expect(b).toEqual(preview);
    expect(b.networks).toEqual([expect.objectContaining({ id: w.groupB.id, role: 'supervisor', schoolYearCode: '2025-2026' })]);
    expect(b.people).toEqual({ count: 1, names: ['Lê Thị Chuyên'] });
    expect(b.advice.some((x) => x.includes('Nhóm liên trường Bình Lợi') && x.includes('kết thúc nhóm liên trường'))).toBe(true);
    expect(b.advice.some((x) => x.includes('1 cán bộ còn giữ chức vụ'))).toBe(true);
  });

  it('a school cannot move under an ended office, nor before its current link began', async () => {
    const dissolved = await so.post(`/api/orgs/${w.schools.b1.id}/parent`, { parentId: w.phongA.id, from: '2025-07-01' });
    expect(dissolved.statusCode).toBe(400);
    expect(dissolved.json().fields[0]).toMatchObject({ field: 'parentId', message: 'Đơn vị cấp trên mới đã kết thúc ngày 30/06/2025' });
    const early = await so.post(`/api/orgs/${w.schools.b1.id}/parent`, { parentId: w.xaB.id, from: '2025-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0]).toMatchObject({ field: 'parentId', message: 'Đơn vị cấp trên mới chỉ có từ ngày 01/07/2025' });
    const stranger = await buildStranger();
    const refused = await stranger.post(`/api/orgs/${w.schools.b1.id}/parent`, { parentId: w.xaB.id, from: '2025-07-01' });
    expect(refused.statusCode).toBe(403);
  });

  it('the schools move under the communes from 01/07/2025; the offices then have nothing left pointing at them', async () => {
    // Phòng A's schools through the API, Phòng B's through the import (with a new school whose date is left empty)
    const header = ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Cấp học', 'Mã đơn vị cấp trên', 'Trực thuộc từ ngày'];
    const job = await importFile(
      so,
      'orgs',
      'cai-to.csv',
      csvOf(header, [
        ['THCS-B1', w.schools.b1.name, 'Trường', 'THCS', 'XA-B', '01/07/2025'],
        ['THCS-B2', w.schools.b2.name, 'Trường', 'THCS', 'XA-B', '01/07/2025'],
        ['THCS-B3', 'Trường THCS Bình Lợi 3', 'Trường', 'THCS', 'XA-B', ''],
      ]),
    );
    expect(job.errors).toEqual([]);
    expect(job.summary).toEqual({ created: 1, updated: 2, unchanged: 0 });
    for (const id of [w.schools.b1.id, w.schools.b2.id]) {
      const history = (await ok<{ parentHistory: Array<{ validFrom: string; validTo: string | null }> }>(`/api/orgs/${id}`)).parentHistory;
      expect(history.map((h) => h.validTo)).toEqual(['2025-06-30', null]);
    }
    // an empty "Trực thuộc từ ngày" is the current school year's start (2025-2026: 05/09/2025), never the day of the import
    const b3 = (await ok<Array<{ id: string; code: string }>>('/api/orgs/search?q=THCS-B3')).find((o) => o.code === 'THCS-B3');
    const b3History = (await ok<{ parentHistory: Array<{ validFrom: string }> }>(`/api/orgs/${b3?.id}`)).parentHistory;
    expect(b3History.map((h) => h.validFrom)).toEqual(['2025-09-05']);
    newSchool = b3?.id ?? '';
    const moves: Array<[string, string]> = [
      [w.schools.a1.id, w.xaA.id],
      [w.schools.a2.id, w.xaA.id],
    ];
    for (const [id, parentId] of moves) {
      const res = await so.post(`/api/orgs/${id}/parent`, { parentId, from: '2025-07-01' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().parentHistory.map((h: { validTo: string | null }) => h.validTo)).toEqual(['2025-06-30', null]);
    }
    const left = await ok<OrgEnding>(`/api/orgs/${w.phongA.id}/ending?validTo=2025-06-30`);
    expect(left.children).toEqual([]);
    expect(left.advice).toEqual([]);
  });

  it('2024-2025 reads exactly as before: tree, org pages, reports and roll-ups', async () => {
    expect(await snapshot2024()).toEqual(before);
  });

  it('2025-2026 lists only the new units; no dissolved unit is listed or flagged', async () => {
    const tree = await treeOf('2025-10-01');
    const ids = tree.map((n) => n.id);
    expect(ids).not.toContain(w.phongA.id);
    expect(ids).not.toContain(w.phongB.id);
    expect(tree.find((n) => n.id === w.schools.a1.id)?.parentId).toBe(w.xaA.id);
    expect(tree.find((n) => n.id === w.schools.b2.id)?.parentId).toBe(w.xaB.id);
    expect((await childrenOf(w.so.id, '2025-10-01')).map((c) => c.id).sort()).toEqual([w.xaA.id, w.xaB.id].sort());
    expect((await childrenOf(w.xaA.id, '2025-10-01')).map((c) => c.id).sort()).toEqual([w.schools.a1.id, w.schools.a2.id].sort());
    for (const term of [1, undefined] as const) {
      const r = await rollupOf(w.so.id, w.y2025.id, term);
      expect(r.rows.map((x) => x.id).sort()).toEqual([w.xaA.id, w.xaB.id].sort());
      expect(
        r.rows
          .filter((x) => x.missingReport)
          .map((x) => x.id)
          .sort(),
      ).toEqual([w.xaA.id, w.xaB.id].sort());
    }
    const communeRollup = await rollupOf(w.xaB.id, w.y2025.id, 1);
    expect(communeRollup.rows.map((x) => x.id).sort()).toEqual([w.schools.b1.id, w.schools.b2.id, newSchool].sort());
  });
});

/** A specialist of another Sở, who manages none of these orgs. */
async function buildStranger(): Promise<TestClient> {
  const { buildOrg, buildUser } = await import('../../../../tests/factories');
  const other = await buildOrg(t.db, { type: 'province_department', name: 'Sở Giáo dục và Đào tạo Khác' });
  const u = await buildUser(t.db, { email: 'ngoai@so-khac.vn', positions: [{ orgId: other.id, position: 'specialist' }] });
  return t.client().login(u.email, u.password);
}
