import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuleSet, buildSchoolYear } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { buildWorld, type World } from '../../../../tests/helpers/world';
import { effectiveRules, effectiveRulesMany, requiredMeetings } from './effective';

/** Rules: presets with the seeds' values, inheritance down the tree, replacing from the form, breaks, audit. */
let t: TestApp;
let w: World;
let specialist: TestClient;
let communeLeader: TestClient;
let teacher: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  specialist = await t.client().login(w.users.specialist.email, w.users.specialist.password);
  communeLeader = await t.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
  teacher = await t.client().login(w.users.teacher.email, w.users.teacher.password);
});
afterAll(() => t.close());

const url = (orgId: string, yearId: string) => `/api/orgs/${orgId}/rules/${yearId}`;

describe('rules: presets and inheritance', () => {
  it('with no rule set anywhere, defaults apply', async () => {
    const res = await teacher.get(url(w.orgs.school1.id, w.year.id));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rules).toMatchObject({ ruleSetId: null, source: 'default', teamIntervalDays: 14, quotas: [], breaks: [] });
    expect(body.sourceOrg).toBeNull();
    expect(body.can.edit).toBe(false);
  });

  it('the Sở applies the Củ Chi preset: seed 001 values placed in 2025-2026, default breaks', async () => {
    const res = await specialist.post(`${url(w.orgs.province.id, w.year.id)}/preset`, { preset: 'cu_chi' });
    expect(res.statusCode).toBe(200);
    const r = res.json().rules;
    expect(r.source).toBe('own');
    // seed 001: the cluster once a term as a whole; the school group twice a term for each subject
    expect(r.quotas).toEqual([
      { target: 'cluster', per: 'term', minCount: 1, perSubject: false },
      { target: 'school_group', per: 'term', minCount: 2, perSubject: true },
    ]);
    expect(r.teamIntervalDays).toBe(14);
    expect(r.term1ReportDue).toBe('2025-12-20');
    expect(r.yearReportDue).toBe('2026-05-16');
    expect(r.planDueDate).toBeNull();
    // Tết 2026 starts 17/2; mid-term and end-of-term exams in each term
    expect(r.breaks).toEqual(
      expect.arrayContaining([
        { startDate: '2026-02-11', endDate: '2026-02-23', label: 'Nghỉ Tết Nguyên đán', kind: 'holiday' },
        { startDate: '2026-01-04', endDate: '2026-01-17', label: 'Kiểm tra cuối học kỳ I', kind: 'exam' },
        { startDate: '2026-05-18', endDate: '2026-05-31', label: 'Kiểm tra cuối học kỳ II', kind: 'exam' },
      ]),
    );
    expect(r.breaks).toHaveLength(5);
    expect(res.json().can.edit).toBe(true);
  });

  it('a commune and its schools inherit the Sở rules, saying whose they are', async () => {
    const res = await teacher.get(url(w.orgs.commune1.id, w.year.id));
    expect(res.json().rules.source).toBe('inherited');
    expect(res.json().sourceOrg).toEqual({ id: w.orgs.province.id, name: 'Sở GD&ĐT Thử nghiệm' });
    const team = await effectiveRules(t.db, w.orgs.team1.id, w.year.id);
    expect(team.orgId).toBe(w.orgs.province.id);
    expect(requiredMeetings(team, 'school_group', 1)).toBe(2);
    expect(requiredMeetings(team, 'cluster', 2)).toBe(1);
    expect(requiredMeetings(team, 'school_group', null)).toBe(4);
    expect(requiredMeetings(team, 'district_group', 1)).toBe(0);
  });

  it('a commune own rule set (Bắc Giang preset) wins over the Sở for its subtree only', async () => {
    const res = await communeLeader.post(`${url(w.orgs.commune1.id, w.year.id)}/preset`, { preset: 'bac_giang' });
    expect(res.statusCode).toBe(200);
    expect(res.json().rules).toMatchObject({ source: 'own', planDueDate: '2025-09-15', preparationDaysBefore: 7, quotas: [] });
    const many = await effectiveRulesMany(t.db, [w.orgs.school1.id, w.orgs.school2.id, w.orgs.province.id], w.year.id);
    expect(many.get(w.orgs.school1.id)?.orgId).toBe(w.orgs.commune1.id);
    expect(many.get(w.orgs.school2.id)?.orgId).toBe(w.orgs.province.id);
    expect(many.get(w.orgs.province.id)?.source).toBe('own');
  });

  it('another school year has its own rules (none here), and the Bến Tre preset asks 2 a year', async () => {
    const other = await buildSchoolYear(t.db, { code: '2022-2023' });
    expect((await effectiveRules(t.db, w.orgs.school1.id, other.id)).source).toBe('default');
    await buildRuleSet(t.db, { orgId: w.orgs.province.id, schoolYearId: other.id, preset: 'ben_tre' });
    const r = await effectiveRules(t.db, w.orgs.school2.id, other.id);
    expect(r.quotas).toEqual([{ target: 'district_group', per: 'year', minCount: 2, perSubject: false }]);
    expect(requiredMeetings(r, 'district_group', null)).toBe(2);
    expect(requiredMeetings(r, 'district_group', 1)).toBe(1);
    expect(requiredMeetings(r, 'district_group', 2)).toBe(1);
    expect(r.breaks.find((b) => b.kind === 'holiday')).toEqual({
      startDate: '2023-01-16',
      endDate: '2023-01-28',
      label: 'Nghỉ Tết Nguyên đán',
      kind: 'holiday',
    });
  });
});

describe('rules: the form', () => {
  it('replaces the whole rule set and writes the audit log', async () => {
    const body = {
      preset: null,
      quotas: [
        { target: 'school_group', per: 'term', minCount: 3, perSubject: true },
        { target: 'team', per: 'term', minCount: 8 },
      ],
      teamIntervalDays: 10,
      planDueDate: '2025-09-20',
      preparationDaysBefore: 5,
      term1ReportDue: '2025-12-22',
      yearReportDue: '2026-05-18',
      dossierDaysBefore: 2,
      breaks: [{ startDate: '2026-02-10', endDate: '2026-02-25', label: 'Nghỉ Tết', kind: 'holiday' }],
    };
    const res = await specialist.put(url(w.orgs.province.id, w.year.id), body);
    expect(res.statusCode).toBe(200);
    const r = res.json().rules;
    expect(r).toMatchObject({ teamIntervalDays: 10, planDueDate: '2025-09-20', dossierDaysBefore: 2, preparationDaysBefore: 5 });
    // the per-subject flag is stored as sent; left out, it is false
    expect(r.quotas).toEqual([
      { target: 'school_group', per: 'term', minCount: 3, perSubject: true },
      { target: 'team', per: 'term', minCount: 8, perSubject: false },
    ]);
    expect(r.breaks).toEqual(body.breaks);
    expect(requiredMeetings(await effectiveRules(t.db, w.orgs.school2.id, w.year.id), 'team', 1)).toBe(8);
    const admin = await t.client().login(w.users.admin.email, w.users.admin.password);
    const audit = await admin.get('/api/audit?entityType=rule_set');
    expect(audit.statusCode).toBe(200);
    const text = JSON.stringify(audit.json());
    expect(text).toContain('rules.replace');
    expect(text).toContain('rules.create');
  });

  it('edits the breaks only', async () => {
    const breaks = [
      { startDate: '2025-10-27', endDate: '2025-11-01', label: 'Kiểm tra giữa học kỳ I', kind: 'exam' },
      { startDate: '2026-02-12', endDate: '2026-02-22', label: 'Nghỉ Tết Nguyên đán', kind: 'holiday' },
    ];
    const res = await specialist.put(`${url(w.orgs.province.id, w.year.id)}/breaks`, { breaks });
    expect(res.statusCode).toBe(200);
    expect(res.json().rules.breaks).toEqual(breaks);
    expect(res.json().rules.teamIntervalDays).toBe(10);
  });

  it('breaks of an org without its own rule set copy the inherited rules', async () => {
    const breaks = [{ startDate: '2025-11-17', endDate: '2025-11-20', label: 'Hội thao xã', kind: 'holiday' }];
    const res = await t
      .client()
      .login(w.users.specialist.email, w.users.specialist.password)
      .then((c) => c.put(`${url(w.orgs.commune2.id, w.year.id)}/breaks`, { breaks }));
    expect(res.statusCode).toBe(200);
    expect(res.json().rules).toMatchObject({ source: 'own', teamIntervalDays: 10, breaks });
    expect(res.json().rules.quotas).toHaveLength(2);
  });
});
