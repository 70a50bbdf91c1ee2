import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedPlan, buildScheduleWorld, meetingsOfPlan, type ScheduleWorld } from '../../../../tests/helpers/planScheduleWorld';
import { planBody } from '../../../../tests/helpers/planWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/**
 * Issue 15, point 1: "Lên lịch theo kế hoạch" turns every item of an approved plan that has no meeting into a meeting
 * carrying its facts, with a venue, a proposed chair and secretary and an invitation rule; once, in one transaction.
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

describe('plans: scheduling an approved plan', () => {
  it('previews each meeting with its facts, venue, chair, secretary and invitations, creating nothing', async () => {
    const plan = await approvedPlan(w, leader, reviewer);
    const res = await leader.get(`/api/plans/${plan.id}/schedule`);
    expect(res.statusCode, res.body).toBe(200);
    const { lines, alreadyScheduled } = res.json();
    expect(alreadyScheduled).toBe(0);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      date: '2025-10-15',
      time: '07:30',
      grade: 8,
      subjects: ['Toán'],
      hostName: 'Trường THCS Tân Thạnh Đông',
      place: 'Trường THCS Tân Thạnh Đông, Phòng học 8A1, Ấp Cây Sộp, xã Tân Thạnh Đông',
      presenterName: 'Giáo viên 1',
      chairName: 'Nhóm trưởng 1',
      secretaryName: 'Tổ trưởng 1',
      status: 'scheduled',
      problem: null,
    });
    expect(lines[0].invitation).toContain('môn Toán');
    // Hybrid: a draft until its links are added; no room on the item, so the default room.
    expect(lines[1]).toMatchObject({ time: '13:30', mode: 'hybrid', status: 'draft', place: 'Trường THCS Tân Thạnh Tây, Phòng họp' });
    expect(lines[2].problem).toMatch(/ngày dự kiến/);
    expect(await meetingsOfPlan(t, plan.id)).toBe(0);
  });

  it('creates one meeting per schedulable item with what the plan holds; a second run creates nothing', async () => {
    const plan = await approvedPlan(w, leader, reviewer);
    const res = await leader.post(`/api/plans/${plan.id}/schedule`);
    expect(res.statusCode, res.body).toBe(200);
    const { created, skipped } = res.json();
    expect(created.map((c: { itemId: string }) => c.itemId)).toEqual(plan.itemIds.slice(0, 2));
    expect(skipped).toBe(1);

    const first = (await leader.get(`/api/meetings/${created[0].id}`)).json();
    expect(first).toMatchObject({
      planItemId: plan.itemIds[0],
      kind: 'demo_lesson',
      status: 'scheduled',
      grade: 8,
      startsAt: '2025-10-15T00:30:00.000Z',
      content: 'Thao giảng môn Toán 8: Định lý Pythagore',
      hostOrg: { id: w.orgs.school1.id },
      network: { id: w.networks.network1.id },
      chair: { id: w.users.networkLeader.person.id },
      secretary: { id: w.users.teamHead.person.id },
      plannedCount: 25,
    });
    expect(first.subjects.map((s: { name: string }) => s.name)).toEqual(['Toán']);
    expect(first.presenters[0].person.id).toBe(w.users.teacher.person.id);
    expect(first.venues).toEqual([
      expect.objectContaining({ isCentral: true, room: 'Phòng học 8A1', address: 'Ấp Cây Sộp, xã Tân Thạnh Đông' }),
    ]);
    expect(first.invitationRules).toHaveLength(1);
    const invited = first.invitations.map((i: { person: { id: string } }) => i.person.id);
    // Toán teachers of both member schools; not the Văn teacher.
    expect(invited).toEqual(expect.arrayContaining([w.users.teacher.person.id, w.users.teacher1b.person.id]));
    expect(invited).not.toContain(w.users.vanTeacher.person.id);

    const second = (await leader.get(`/api/meetings/${created[1].id}`)).json();
    expect(second).toMatchObject({ status: 'draft', mode: 'hybrid', grade: 9, startsAt: '2025-11-12T06:30:00.000Z' });

    const again = await leader.post(`/api/plans/${plan.id}/schedule`);
    expect(again.json()).toEqual({ created: [], skipped: 1 });
    expect(await meetingsOfPlan(t, plan.id)).toBe(2);
    const preview = (await leader.get(`/api/plans/${plan.id}/schedule`)).json();
    expect(preview.alreadyScheduled).toBe(2);
    expect(preview.lines).toHaveLength(1);

    const listed = (await leader.get(`/api/meetings?networkId=${w.networks.network1.id}&from=2025-10-01&to=2025-11-30`)).json();
    expect(listed.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(created.map((c: { id: string }) => c.id)));
  });

  it('refuses those who may not draft the plan (403) and writes nothing', async () => {
    const plan = await approvedPlan(w, leader, reviewer);
    for (const who of [w.users.teacher, w.users.otherPrincipal]) {
      const c = await t.client().login(who.email, who.password);
      expect((await c.post(`/api/plans/${plan.id}/schedule`)).statusCode).toBe(403);
      expect((await c.get(`/api/plans/${plan.id}/schedule`)).statusCode).toBe(403);
    }
    expect(await meetingsOfPlan(t, plan.id)).toBe(0);
  });

  it('refuses a plan that is not approved (409) and an unknown plan (404)', async () => {
    const draft = await leader.post('/api/plans', planBody(w));
    const res = await leader.post(`/api/plans/${draft.json().id}/schedule`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/đã được duyệt/);
    expect(await meetingsOfPlan(t, draft.json().id)).toBe(0);
    expect((await leader.post('/api/plans/00000000-0000-4000-8000-000000000000/schedule')).statusCode).toBe(404);
  });
});
