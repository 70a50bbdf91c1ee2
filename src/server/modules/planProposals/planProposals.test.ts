import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildNetwork, buildPlan, buildPlanItem } from '../../../../tests/factories';
import { buildProposalWorld, type ProposalWorld } from '../../../../tests/helpers/proposalWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { PlanProposal } from '../../../shared/planProposals';
import type { PlanDetail } from '../../../shared/types';
import { type EffectiveRules, effectiveRules } from '../rules/effective';
import * as schoolYearsRepo from '../schoolYears/repo';
import { breakOn, weekday } from './calendar';

/** Proposals from the rules for a Củ Chi school group, the plan made from one, and copying a plan forward. */
let t: TestApp;
let w: ProposalWorld;
let leader: TestClient;
let rules: EffectiveRules;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildProposalWorld(t.db);
  leader = await t.client().login(w.users.networkLeader.email, w.users.networkLeader.password);
  rules = await effectiveRules(t.db, w.orgs.commune1.id, w.year.id);
});
afterAll(() => t.close());

const proposalUrl = (networkId: string, termId: string) => `/api/plan-proposals?networkId=${networkId}&termId=${termId}`;

function counts(values: Array<string | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v ?? '-'] = (out[v ?? '-'] ?? 0) + 1;
  return out;
}

function expectInTermOutsideBreaks(dates: Array<string | null>, term: { startDate: string; endDate: string }) {
  for (const d of dates) {
    expect(d).not.toBeNull();
    const day = d as string;
    expect(day >= term.startDate && day <= term.endDate, `${day} in term`).toBe(true);
    expect(breakOn(day, rules.breaks), `${day} outside breaks`).toBeUndefined();
  }
}

describe('plan proposals: a Củ Chi school group', () => {
  it('the rules in force are Củ Chi’s: 2 a term per school group, with Tết and exam breaks', () => {
    expect(rules.quotas).toEqual(expect.arrayContaining([{ target: 'school_group', per: 'term', minCount: 2, perSubject: true }]));
    expect(rules.breaks.map((b) => b.label)).toContain('Nghỉ Tết Nguyên đán');
  });

  it('proposes 2 meetings per subject of the member schools’ teams, in the term, outside breaks, on weekdays', async () => {
    const res = await leader.get(proposalUrl(w.networks.network1.id, w.terms.t2.id));
    expect(res.statusCode).toBe(200);
    const p = res.json() as PlanProposal;
    expect(p.rules).toMatchObject({ quota: 2, perSubject: true, quotaFromRequest: false });
    expect(p.subjects.map((s) => s.name)).toEqual(['Toán', 'Ngữ văn', 'Khoa học tự nhiên', 'Giáo dục công dân', 'Tin học']);
    expect(p.items).toHaveLength(10);
    expect(Object.values(counts(p.items.map((i) => i.subjectIds[0])))).toEqual([2, 2, 2, 2, 2]);
    expectInTermOutsideBreaks(
      p.items.map((i) => i.proposedDate),
      w.terms.t2,
    );
    for (const i of p.items) expect([1, 2, 3, 4, 5]).toContain(weekday(i.proposedDate as string));
    const dates = p.items.map((i) => i.proposedDate as string);
    expect([...dates].sort()).toEqual(dates);
    expect(p.title).toBe('Kế hoạch sinh hoạt chuyên môn học kỳ II năm học 2025-2026');
    const toan = p.items.filter((i) => i.subjectIds[0] === w.subjects.get('toan')?.id);
    expect(toan.map((i) => [i.kind, i.content])).toEqual([
      ['demo_lesson', 'Thao giảng, dự giờ môn Toán'],
      ['topic_report', 'Báo cáo chuyên đề môn Toán'],
    ]);
    // Teachers planned = the subject's teachers in the three schools (3 of Toán; none recorded for Ngữ văn).
    expect(toan.map((i) => i.plannedCount)).toEqual([3, 3]);
    expect(p.items.find((i) => i.subjectIds[0] === w.subjects.get('ngu-van')?.id)?.plannedCount).toBeNull();
  });

  it('rotates hosts among the three schools (4, 3, 3), place = the host school', async () => {
    const p = (await leader.get(proposalUrl(w.networks.network1.id, w.terms.t2.id))).json() as PlanProposal;
    expect(p.items.map((i) => i.hostOrgId).slice(0, 3)).toEqual(w.members);
    expect(Object.values(counts(p.items.map((i) => i.hostOrgId))).sort()).toEqual([3, 3, 4]);
    const names = new Map(p.hosts.map((h) => [h.id, h.name]));
    for (const i of p.items) expect(i.place).toBe(names.get(i.hostOrgId as string));
    expect(p.lastHost).toBeNull();
  });

  it('a cluster gets its 1 meeting a term, not per subject', async () => {
    const office = await t.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
    const p = (await office.get(proposalUrl(w.cluster.id, w.terms.t1.id))).json() as PlanProposal;
    expect(p.rules).toMatchObject({ quota: 1, perSubject: false });
    expect(p.items).toHaveLength(1);
    expect(p.items[0]).toMatchObject({
      kind: 'demo_lesson',
      subjectIds: [],
      hostOrgId: w.members[0],
      mode: 'in_person',
      proposedTime: '07:30',
    });
    expectInTermOutsideBreaks([p.items[0].proposedDate], w.terms.t1);
  });

  let term1Plan: PlanDetail;
  it('creates the draft plan from the confirmed term 1 proposal, ready to submit', async () => {
    const p = (await leader.get(proposalUrl(w.networks.network1.id, w.terms.t1.id))).json() as PlanProposal;
    const res = await leader.post('/api/plan-proposals', { networkId: p.network.id, termId: p.term.id, title: p.title, items: p.items });
    expect(res.statusCode).toBe(201);
    term1Plan = res.json() as PlanDetail;
    expect(term1Plan).toMatchObject({ status: 'draft', termNumber: 1, itemCount: 10, title: p.title });
    expect(term1Plan.network?.id).toBe(w.networks.network1.id);
    expect(term1Plan.items.map((i) => [i.proposedDate, i.hostOrg?.id, i.content])).toEqual(
      p.items.map((i) => [i.proposedDate, i.hostOrgId, i.content]),
    );
    expect(term1Plan.items.every((i) => i.status === 'planned' && i.proposedTime === '07:30')).toBe(true);
    expect((await leader.post(`/api/plans/${term1Plan.id}/submit`)).statusCode).toBe(200);
  });

  it('term 2 then starts the rotation after term 1’s last host, and lists the existing term plan', async () => {
    const lastHost = term1Plan.items.at(-1)?.hostOrg?.id as string;
    const p = (await leader.get(proposalUrl(w.networks.network1.id, w.terms.t2.id))).json() as PlanProposal;
    expect(p.lastHost?.id).toBe(lastHost);
    expect(p.items[0].hostOrgId).toBe(w.members[(w.members.indexOf(lastHost) + 1) % 3]);
    const t1 = (await leader.get(proposalUrl(w.networks.network1.id, w.terms.t1.id))).json() as PlanProposal;
    expect(t1.existingPlans.map((x) => x.id)).toEqual([term1Plan.id]);
  });

  it('an adjusted date and content are kept; the items are stored in date order', async () => {
    const p = (await leader.get(proposalUrl(w.networks.network1.id, w.terms.t2.id))).json() as PlanProposal;
    const items = p.items.map((i) => ({ ...i }));
    items[0] = { ...items[0], content: 'Thao giảng, dự giờ môn Toán 8: Định lý Pythagore', proposedDate: '2026-05-04' };
    const res = await leader.post('/api/plan-proposals', { networkId: p.network.id, termId: p.term.id, title: p.title, items });
    expect(res.statusCode).toBe(201);
    const plan = res.json() as PlanDetail;
    const dates = plan.items.map((i) => i.proposedDate as string);
    expect([...dates].sort()).toEqual(dates);
    expect(plan.items.find((i) => i.proposedDate === '2026-05-04')?.content).toBe('Thao giảng, dự giờ môn Toán 8: Định lý Pythagore');
  });

  it('avoids Vietnam’s public holidays of term 2 (Giỗ Tổ 2026 made up on Monday 27/4, 30/4, 1/5) and refuses one chosen', async () => {
    const p = (await leader.get(proposalUrl(w.networks.network1.id, w.terms.t2.id))).json() as PlanProposal;
    expect(p.holidays.map((h) => [h.startDate, h.endDate, h.label])).toEqual(
      expect.arrayContaining([
        ['2026-04-26', '2026-04-27', 'Giỗ Tổ Hùng Vương'],
        ['2026-04-30', '2026-05-01', 'Ngày Giải phóng miền Nam và Ngày Quốc tế Lao động'],
      ]),
    );
    for (const i of p.items) expect(breakOn(i.proposedDate as string, p.holidays), i.proposedDate as string).toBeUndefined();
    expect(p.remaining).toMatchObject({ meetings: 10, tooShort: false });
    const items = p.items.map((i, k) => (k === 0 ? { ...i, proposedDate: '2026-04-27' } : i));
    const res = await leader.post('/api/plan-proposals', { networkId: p.network.id, termId: p.term.id, title: p.title, items });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('trùng thời gian Giỗ Tổ Hùng Vương');
  });

  it('copies the term 1 plan forward into term 2: same items, statuses reset, dates shifted clear of breaks, hosts kept', async () => {
    // Approve it and mark one item cancelled, to see the status reset.
    const office = await t.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
    expect((await office.post(`/api/plans/${term1Plan.id}/approve`, {})).statusCode).toBe(200);
    const cancelled = term1Plan.items[1];
    const st = await leader.post(`/api/plans/${term1Plan.id}/items/${cancelled.id}/status`, {
      status: 'cancelled',
      reason: 'Trùng lịch kiểm tra',
    });
    expect(st.statusCode).toBe(200);
    const res = await leader.post(`/api/plans/${term1Plan.id}/copy-forward`, { termId: w.terms.t2.id });
    expect(res.statusCode).toBe(201);
    const copy = res.json() as PlanDetail;
    expect(copy).toMatchObject({ status: 'draft', termNumber: 2, itemCount: 10 });
    expect(copy.network?.id).toBe(w.networks.network1.id);
    expect(copy.items.every((i) => i.status === 'planned' && i.statusReason === null)).toBe(true);
    expectInTermOutsideBreaks(
      copy.items.map((i) => i.proposedDate),
      w.terms.t2,
    );
    expect(counts(copy.items.map((i) => i.hostOrg?.id ?? null))).toEqual(counts(term1Plan.items.map((i) => i.hostOrg?.id ?? null)));
    expect(copy.items.map((i) => i.content).sort()).toEqual(term1Plan.items.map((i) => i.content).sort());
    // One host never gets two items on a day.
    const hostDays = copy.items.map((i) => `${i.hostOrg?.id}@${i.proposedDate}`);
    expect(new Set(hostDays).size).toBe(hostDays.length);
  });

  it('copies into next year’s term 1 once the network is rolled over, owned by the new year’s network', async () => {
    const refused = await leader.post(`/api/plans/${term1Plan.id}/copy-forward`, { termId: w.terms.next1.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([
      { field: 'termId', message: 'Năm học 2026-2027 chưa có mạng lưới «Nhóm xã 1»: hãy chuyển mạng lưới sang năm học đó trước' },
    ]);
    const next = await buildNetwork(t.db, {
      schoolYearId: w.nextYear.id,
      supervisingOrgId: w.orgs.commune1.id,
      memberOrgIds: w.members,
      name: 'Nhóm xã 1',
      leadOrgId: w.orgs.school1.id,
      leaders: [{ personId: w.users.networkLeader.person.id, role: 'leader' }],
    });
    const res = await leader.post(`/api/plans/${term1Plan.id}/copy-forward`, { termId: w.terms.next1.id });
    expect(res.statusCode).toBe(201);
    const copy = res.json() as PlanDetail;
    expect(copy.network?.id).toBe(next.id);
    expect(copy).toMatchObject({ schoolYearCode: '2026-2027', termNumber: 1, itemCount: 10 });
    for (const i of copy.items) {
      const d = i.proposedDate as string;
      expect(d >= w.terms.next1.startDate && d <= w.terms.next1.endDate).toBe(true);
    }
    // The weekday is kept where the shifted day was free.
    expect(
      copy.items.filter((i, k) => weekday(i.proposedDate as string) === weekday(term1Plan.items[k].proposedDate as string)).length,
    ).toBeGreaterThan(5);
  });
  it('copies a team’s plan (an org plan) forward for its team head, same org, items kept', async () => {
    const head = await t.client().login(w.users.teamHead.email, w.users.teamHead.password);
    const created = await head.post('/api/plans', {
      orgId: w.orgs.team1.id,
      schoolYearId: w.year.id,
      termNumber: 1,
      title: 'Kế hoạch tổ Toán - Tin học kỳ I',
      items: [
        {
          kind: 'demo_lesson',
          content: 'Thao giảng Toán 6',
          hostOrgId: w.orgs.school1.id,
          proposedDate: '2025-09-17',
          proposedTime: '13:30',
        },
        { kind: 'topic_report', content: 'Chuyên đề dạy học STEM', hostOrgId: w.orgs.school1.id, proposedDate: '2025-10-01' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const source = created.json() as PlanDetail;
    const res = await head.post(`/api/plans/${source.id}/copy-forward`, { termId: w.terms.t2.id });
    expect(res.statusCode).toBe(201);
    const copy = res.json() as PlanDetail;
    expect(copy.org?.id).toBe(w.orgs.team1.id);
    expect(copy.items.map((i) => [i.content, i.hostOrg?.id, i.proposedTime])).toEqual([
      ['Thao giảng Toán 6', w.orgs.school1.id, '13:30'],
      ['Chuyên đề dạy học STEM', w.orgs.school1.id, null],
    ]);
    expectInTermOutsideBreaks(
      copy.items.map((i) => i.proposedDate),
      w.terms.t2,
    );
    const teacher = await t.client().login(w.users.teacher.email, w.users.teacher.password);
    expect((await teacher.post(`/api/plans/${source.id}/copy-forward`, { termId: w.terms.t2.id })).statusCode).toBe(403);
  });

  it('copies a year plan into the next school year (the network rolled over above)', async () => {
    const created = await leader.post('/api/plans', {
      networkId: w.networks.network1.id,
      schoolYearId: w.year.id,
      termNumber: null,
      title: 'Kế hoạch năm học 2025-2026',
      items: [{ kind: 'workshop', content: 'Hội thảo đổi mới phương pháp', hostOrgId: w.orgs.school1b.id, proposedDate: '2026-03-04' }],
    });
    expect(created.statusCode).toBe(201);
    const res = await leader.post(`/api/plans/${created.json().id}/copy-forward`, { schoolYearId: w.nextYear.id });
    expect(res.statusCode).toBe(201);
    const copy = res.json() as PlanDetail;
    expect(copy).toMatchObject({ schoolYearCode: '2026-2027', termNumber: null, title: 'Kế hoạch sinh hoạt chuyên môn năm học 2026-2027' });
    // 52 weeks later, same weekday: 4/3/2026 (Wednesday) → 3/3/2027 (Wednesday).
    expect(copy.items[0]).toMatchObject({ proposedDate: '2027-03-03', content: 'Hội thảo đổi mới phương pháp' });
  });
  it('without rules nothing is required; a count asked for is proposed instead', async () => {
    const other = await t.client().login(w.users.otherPrincipal.email, w.users.otherPrincipal.password);
    const none = (await other.get(proposalUrl(w.networks.network2.id, w.terms.t1.id))).json() as PlanProposal;
    expect(none.rules).toMatchObject({ ruleSetId: null, orgName: null, quota: 0, quotaFromRequest: false, breaks: [] });
    expect(none.items).toEqual([]);
    const asked = (await other.get(`${proposalUrl(w.networks.network2.id, w.terms.t1.id)}&count=2`)).json() as PlanProposal;
    expect(asked.rules).toMatchObject({ quota: 2, quotaFromRequest: true });
    expect(asked.items.map((i) => i.hostOrgId)).toEqual([w.orgs.school2.id, w.orgs.school2b.id]);
    // The count never overrides rules that do require meetings.
    const ruled = (await leader.get(`${proposalUrl(w.networks.network1.id, w.terms.t1.id)}&count=5`)).json() as PlanProposal;
    expect(ruled.rules).toMatchObject({ quota: 2, quotaFromRequest: false });
  });
  it('moves an item off a day its host already hosts another meeting (here a cluster meeting of school 1)', async () => {
    const office = await t.client().login(w.users.communeLeader.email, w.users.communeLeader.password);
    const before = (await office.get(proposalUrl(w.cluster.id, w.terms.t2.id))).json() as PlanProposal;
    const day = before.items[0].proposedDate as string;
    expect(before.items[0].hostOrgId).toBe(w.orgs.school1.id);
    await buildMeeting(t.db, {
      hostOrgId: w.orgs.school1.id,
      schoolYearId: w.year.id,
      termNumber: 2,
      startsAt: new Date(`${day}T13:30:00+07:00`),
      endsAt: new Date(`${day}T16:30:00+07:00`),
    });
    const after = (await office.get(proposalUrl(w.cluster.id, w.terms.t2.id))).json() as PlanProposal;
    expect(after.items[0].hostOrgId).toBe(w.orgs.school1.id);
    expect(after.items[0].proposedDate).not.toBe(day);
    expectInTermOutsideBreaks([after.items[0].proposedDate], w.terms.t2);
  });
});

describe('plan proposals: the subjects in play (one meaning with compliance and the roll-up)', () => {
  it('once the group has a submitted plan for the term, its subjects are the ones proposed, 2 each', async () => {
    const subjects = new Map((await schoolYearsRepo.listSubjects(t.db)).map((s) => [s.code, s.id]));
    const plan = await buildPlan(t.db, {
      schoolYearId: w.year.id,
      reviewerOrgId: w.orgs.commune1.id,
      networkId: w.networks.network1.id,
      termNumber: 2,
      status: 'submitted',
    });
    for (const [i, code] of ['ngu-van', 'toan'].entries())
      await buildPlanItem(t.db, { planId: plan.id, subjectIds: [subjects.get(code) as string], sortOrder: i });
    const p = (await leader.get(proposalUrl(w.networks.network1.id, w.terms.t2.id))).json() as PlanProposal;
    expect(p.subjects.map((s) => s.name)).toEqual(['Toán', 'Ngữ văn']);
    expect(p.items).toHaveLength(4);
    expect(counts(p.items.map((i) => i.subjectIds[0]))).toEqual({
      [subjects.get('toan') as string]: 2,
      [subjects.get('ngu-van') as string]: 2,
    });
  });
});
