import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPlan, buildPlanItem } from '../../../../tests/factories';
import { tableCounts } from '../../../../tests/helpers/counts';
import type { PlanRole } from '../../../../tests/helpers/planWorld';
import { buildProposalWorld, type ProposalWorld } from '../../../../tests/helpers/proposalWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { PlanProposal } from '../../../shared/planProposals';

/** Who may propose, create and copy plans of network 1 (per role), and bad input: a 4xx naming the field, nothing stored. */
let t: TestApp;
let w: ProposalWorld;
let proposal: PlanProposal;
let sourcePlanId: string;
const clients = new Map<PlanRole, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildProposalWorld(t.db);
  for (const [role, u] of Object.entries(w.users) as Array<[PlanRole, ProposalWorld['users'][PlanRole]]>) {
    clients.set(role, await t.client().login(u.email, u.password));
  }
  proposal = (await leader().get(url(w.networks.network1.id, w.terms.t2.id))).json();
  const p = await buildPlan(t.db, { schoolYearId: w.year.id, networkId: w.networks.network1.id, reviewerOrgId: w.orgs.commune1.id });
  await buildPlanItem(t.db, { planId: p.id, hostOrgId: w.orgs.school1.id, proposedDate: '2025-10-15', content: 'Thao giảng môn Toán' });
  sourcePlanId = p.id;
});
afterAll(() => t.close());

const leader = () => clients.get('networkLeader') as TestClient;
const url = (networkId: string, termId: string, extra = '') => `/api/plan-proposals?networkId=${networkId}&termId=${termId}${extra}`;
const createBody = (over: Record<string, unknown> = {}) => ({
  networkId: w.networks.network1.id,
  termId: w.terms.t2.id,
  title: proposal.title,
  items: proposal.items,
  ...over,
});

/** Drafters of network 1: admin, office staff over commune 1, the lead school's principal, the named leader. */
const ALLOWED: Record<PlanRole, boolean> = {
  admin: true,
  specialist: true,
  communeLeader: true,
  principal: true,
  networkLeader: true,
  teamHead: false,
  teacher: false,
  otherTeacher: false,
  otherPrincipal: false,
};

describe('plan proposals: policy per role', () => {
  for (const [role, allowed] of Object.entries(ALLOWED) as Array<[PlanRole, boolean]>) {
    it(`${role} ${allowed ? 'may' : 'may not'} see the proposal, create the plan and copy a plan forward`, async () => {
      const c = clients.get(role) as TestClient;
      expect((await c.get(url(w.networks.network1.id, w.terms.t2.id))).statusCode).toBe(allowed ? 200 : 403);
      const before = await tableCounts(t.db);
      const created = await c.post('/api/plan-proposals', createBody());
      expect(created.statusCode).toBe(allowed ? 201 : 403);
      const copied = await c.post(`/api/plans/${sourcePlanId}/copy-forward`, { termId: w.terms.t2.id });
      expect(copied.statusCode).toBe(allowed ? 201 : 403);
      const after = await tableCounts(t.db);
      expect(after.plans - before.plans).toBe(allowed ? 2 : 0);
      expect(after.plan_items - before.plan_items).toBe(allowed ? proposal.items.length + 1 : 0);
      if (!allowed) expect(after).toEqual(before);
    });
  }

  it('anonymous is asked to log in', async () => {
    expect((await t.client().get(url(w.networks.network1.id, w.terms.t2.id))).statusCode).toBe(401);
  });
});

describe('plan proposals: bad input', () => {
  let before: Record<string, number>;
  beforeEach(async () => {
    before = await tableCounts(t.db);
  });
  const unchanged = async () => expect(await tableCounts(t.db)).toEqual(before);

  it('a term of another school year is named (proposal and create)', async () => {
    const message = 'Học kỳ đã chọn thuộc năm học 2026-2027, không thuộc năm học 2025-2026 của mạng lưới';
    const res = await leader().get(url(w.networks.network1.id, w.terms.next2.id));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'termId', message }]);
    const created = await leader().post('/api/plan-proposals', createBody({ termId: w.terms.next2.id }));
    expect(created.statusCode).toBe(400);
    expect(created.json().fields).toEqual([{ field: 'termId', message }]);
    await unchanged();
  });

  it('an unknown network or term, a malformed term and a count out of range are named', async () => {
    const cases: Array<[string, string]> = [
      [url(randomUUID(), w.terms.t2.id), 'networkId'],
      [url(w.networks.network1.id, randomUUID()), 'termId'],
      [url(w.networks.network1.id, 'hk2'), 'termId'],
      [url(w.networks.network1.id, w.terms.t2.id, '&count=50'), 'count'],
    ];
    for (const [u, field] of cases) {
      const res = await leader().get(u);
      expect(res.statusCode, u).toBe(400);
      expect(res.json().fields[0].field).toBe(field);
      expect(res.json().fields[0].message).toMatch(/[à-ỹ]/);
    }
  });

  it('an item moved into a break is named with the break, nothing stored', async () => {
    const tet = proposal.rules.breaks.find((b) => b.kind === 'holiday');
    expect(tet?.label).toBe('Nghỉ Tết Nguyên đán');
    const items = proposal.items.map((i) => ({ ...i }));
    const k = items.findIndex((i) => (i.proposedDate as string) > (tet?.endDate as string));
    items[k].proposedDate = '2026-02-18';
    const sorted = [...items].sort((a, b) => (a.proposedDate as string).localeCompare(b.proposedDate as string));
    const at = sorted.findIndex((i) => i.proposedDate === '2026-02-18');
    const res = await leader().post('/api/plan-proposals', createBody({ items: sorted }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      {
        field: `items.${at}.proposedDate`,
        message: `Buổi ${at + 1}: ngày 18/02/2026 trùng thời gian Nghỉ Tết Nguyên đán (11/02/2026 – 23/02/2026), hãy chọn ngày khác`,
      },
    ]);
    await unchanged();
  });

  it('an item outside the term, an empty list and a missing title are named', async () => {
    const outside = proposal.items.map((i, k) => (k === 0 ? { ...i, proposedDate: '2025-12-01' } : i));
    const res = await leader().post('/api/plan-proposals', createBody({ items: outside }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { field: 'items.0.proposedDate', message: 'Buổi 1: ngày dự kiến phải trong học kỳ II (20/01/2026 – 31/05/2026)' },
    ]);
    const empty = await leader().post('/api/plan-proposals', createBody({ items: [] }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe('items');
    const untitled = await leader().post('/api/plan-proposals', createBody({ title: '  ' }));
    expect(untitled.statusCode).toBe(400);
    expect(untitled.json().fields[0]).toMatchObject({ field: 'title' });
    expect(untitled.json().fields[0].message).toContain('Tiêu đề');
    await unchanged();
  });

  it('copying into the same or an earlier term, or without a term, is named', async () => {
    for (const body of [{ termId: w.terms.t1.id }, {}]) {
      const res = await leader().post(`/api/plans/${sourcePlanId}/copy-forward`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe('termId');
    }
    const yearPlan = await buildPlan(t.db, {
      schoolYearId: w.year.id,
      networkId: w.networks.network1.id,
      reviewerOrgId: w.orgs.commune1.id,
      termNumber: null,
    });
    before = await tableCounts(t.db);
    const res = await leader().post(`/api/plans/${yearPlan.id}/copy-forward`, { termId: w.terms.t2.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'schoolYearId', message: 'Chọn năm học cần sao chép kế hoạch sang' }]);
    expect((await leader().post(`/api/plans/${randomUUID()}/copy-forward`, { termId: w.terms.t2.id })).statusCode).toBe(404);
    await unchanged();
  });
});
