import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, buildPlanItem } from '../../../../tests/factories';
import { buildComplianceWorld, type ComplianceWorld } from '../../../../tests/helpers/complianceWorld';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';
import { heldBySubject, subjectsInPlay } from './subjectsInPlay';

/** The subjects in play of a network (shared by proposals, compliance and roll-up), on the compliance world's data. */
let t: TestApp;
let w: ComplianceWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildComplianceWorld(t.db);
});
afterAll(() => t.close());

describe('subjectsInPlay', () => {
  it('the approved or submitted plan’s subjects; else the subjects of the member schools’ teams', async () => {
    const n1 = w.networks.network1.id;
    const n2 = w.networks.network2.id;
    const m = await subjectsInPlay(t.db, [n1, n2, w.cluster.id], w.year.id, 1, '2025-12-10');
    // catalogue order: Toán before Ngữ văn
    expect(m.get(n1)).toEqual({
      source: 'plan',
      subjects: [
        { id: w.subjects.toan, name: 'Toán' },
        { id: w.subjects.van, name: 'Ngữ văn' },
      ],
    });
    expect(m.get(n2)).toEqual({ source: 'plan', subjects: [{ id: w.subjects.toan, name: 'Toán' }] });
    // the cluster has no plan: schools 1 and 2 each have a Toán team
    expect(m.get(w.cluster.id)).toEqual({ source: 'schools', subjects: [{ id: w.subjects.toan, name: 'Toán' }] });
    // term 2: no plan of that term (network 1's plan is term 1's) → the schools' teams (school 1: Toán)
    const t2 = await subjectsInPlay(t.db, [n1], w.year.id, 2, '2026-02-10');
    expect(t2.get(n1)?.source).toBe('schools');
  });

  it('a draft plan does not count; a term plan wins over a year plan', async () => {
    const draft = await buildPlan(t.db, { schoolYearId: w.year.id, reviewerOrgId: w.orgs.province.id, networkId: w.cluster.id });
    await buildPlanItem(t.db, { planId: draft.id, subjectIds: [w.subjects.van] });
    const year = await buildPlan(t.db, {
      schoolYearId: w.year.id,
      reviewerOrgId: w.orgs.province.id,
      networkId: w.cluster.id,
      termNumber: null,
      status: 'approved',
    });
    await buildPlanItem(t.db, { planId: year.id, subjectIds: [w.subjects.van] });
    const m = await subjectsInPlay(t.db, [w.cluster.id], w.year.id, 1, '2025-12-10');
    expect(m.get(w.cluster.id)).toEqual({ source: 'plan', subjects: [{ id: w.subjects.van, name: 'Ngữ văn' }] });
    const term = await buildPlan(t.db, {
      schoolYearId: w.year.id,
      reviewerOrgId: w.orgs.province.id,
      networkId: w.cluster.id,
      status: 'submitted',
    });
    await buildPlanItem(t.db, { planId: term.id, subjectIds: [w.subjects.toan] });
    const again = await subjectsInPlay(t.db, [w.cluster.id], w.year.id, 1, '2025-12-10');
    expect(again.get(w.cluster.id)?.subjects.map((s) => s.name)).toEqual(['Toán']);
    // the whole year: every submitted or approved plan of the year
    const wholeYear = await subjectsInPlay(t.db, [w.cluster.id], w.year.id, null, '2025-12-10');
    expect(
      wholeYear
        .get(w.cluster.id)
        ?.subjects.map((s) => s.name)
        .sort(),
    ).toEqual(['Ngữ văn', 'Toán']);
  });

  it('held meetings per subject in the term: a meeting on two subjects counts for both', async () => {
    const held = await heldBySubject(t.db, [w.networks.network1.id, w.networks.network2.id], '2025-09-05', '2026-01-17');
    expect(Object.fromEntries(held.get(w.networks.network1.id) ?? [])).toEqual({ [w.subjects.van]: 2, [w.subjects.toan]: 2 });
    // network 2: Toán once, Ngữ văn once; its meeting before the term and its cancelled one do not count
    expect(Object.fromEntries(held.get(w.networks.network2.id) ?? [])).toEqual({ [w.subjects.van]: 1, [w.subjects.toan]: 1 });
  });
});
