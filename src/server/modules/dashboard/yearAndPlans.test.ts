import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchoolYear } from '../../../../tests/factories';
import { buildComplianceWorld, type ComplianceWorld } from '../../../../tests/helpers/complianceWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { ComplianceView } from '../../../shared/dashboard';
import { ruleSets } from '../../db/schema';
import { todayIso } from '../../lib/dates';

/**
 * Issue 15 point 10: the dashboard looks at the school year chosen in the header, and a network with no plan is
 * overdue once the plan deadline has passed, also when the rules set no plan date (the Củ Chi preset sets none).
 */
let t: TestApp;
let w: ComplianceWorld;
let specialist: TestClient;
let otherYear: { id: string; code: string; startDate: string; endDate: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildComplianceWorld(t.db);
  specialist = await t.client().login(w.users.specialist.email, w.users.specialist.password);
  // a year with no networks, far from both 2025-2026 and today
  otherYear = await buildSchoolYear(t.db, { startYear: 2040 });
});
afterAll(() => t.close());

const get = async (query: string) => specialist.get(`/api/dashboard/compliance?${query}`);

describe('the dashboard follows the chosen school year', () => {
  it('with a day inside the chosen year: that year and that day', async () => {
    const res = await get(`schoolYearId=${w.year.id}&date=2025-12-10`);
    expect(res.statusCode, res.body).toBe(200);
    const v: ComplianceView = res.json();
    expect(v.schoolYear).toEqual({ id: w.year.id, code: '2025-2026' });
    expect(v.asOf).toBe('2025-12-10');
    expect(v.summary.networks).toBe(3);
  });

  it('without a day: today when the year holds it, else the year’s nearest end; never another year', async () => {
    const v: ComplianceView = (await get(`schoolYearId=${w.year.id}`)).json();
    expect(v.schoolYear.id).toBe(w.year.id);
    const today = todayIso();
    const expected = today < w.year.startDate ? w.year.startDate : today > w.year.endDate ? w.year.endDate : today;
    expect(v.asOf).toBe(expected);
    const future: ComplianceView = (await get(`schoolYearId=${otherYear.id}`)).json();
    expect(future.schoolYear).toEqual({ id: otherYear.id, code: '2040-2041' });
    expect(future.asOf).toBe('2040-09-05');
    expect(future.term.number).toBe(1);
  });

  it('a year with no networks and no teams counts nothing (the page then says there are no figures)', async () => {
    const v: ComplianceView = (await get(`schoolYearId=${otherYear.id}`)).json();
    expect(v.summary).toMatchObject({ networks: 0, networksBehind: 0, plansOverdue: 0, reportsOverdue: 0 });
    expect(v.networks).toEqual([]);
    expect(v.plans).toEqual([]);
  });

  it('a day outside the chosen year is a 400 naming «Ngày»; an unknown year is a 404', async () => {
    const res = await get(`schoolYearId=${w.year.id}&date=2027-01-10`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].message).toContain('«Ngày»');
    expect(res.json().fields[0].message).toContain('2025-2026');
    expect((await get('schoolYearId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('the XLSX follows the chosen year too', async () => {
    const xlsx = await specialist.get(`/api/dashboard/compliance/networks.xlsx?schoolYearId=${otherYear.id}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('2040-2041');
  });
});

describe('"Kế hoạch quá hạn" counts networks with no plan', () => {
  it('with a plan date in the rules: the cluster without a plan is overdue from that date', async () => {
    const v: ComplianceView = (await get(`schoolYearId=${w.year.id}&date=2025-12-10`)).json();
    expect(v.plans.find((p) => p.networkId === w.cluster.id)).toMatchObject({ status: 'missing', state: 'overdue', dueDate: '2025-09-15' });
    expect(v.summary.plansOverdue).toBe(1);
  });

  it('with no plan date in the rules (Củ Chi preset): due 14 days into the term, so still overdue in December', async () => {
    await t.db.update(ruleSets).set({ planDueDate: null }).where(eq(ruleSets.orgId, w.orgs.province.id));
    const v: ComplianceView = (await get(`schoolYearId=${w.year.id}&date=2025-12-10`)).json();
    expect(v.plans.find((p) => p.networkId === w.cluster.id)).toMatchObject({
      status: 'missing',
      state: 'overdue',
      dueDate: '2025-09-19',
      daysLate: 82,
    });
    expect(v.summary.plansOverdue).toBe(1);
    // before that day it is only due soon, and the approved plan of network 1 is never listed
    const early: ComplianceView = (await get(`schoolYearId=${w.year.id}&date=2025-09-10`)).json();
    expect(early.plans.find((p) => p.networkId === w.cluster.id)?.state).toBe('due_soon');
    expect(early.plans.some((p) => p.networkId === w.networks.network1.id)).toBe(false);
  });
});
