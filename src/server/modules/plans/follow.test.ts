import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedPlan, buildScheduleWorld, type ScheduleWorld } from '../../../../tests/helpers/planScheduleWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { nextItemStatus } from './follow';

/**
 * Issue 15, point 6: a plan item follows the meeting made from it, set by the meeting services in their own
 * transaction: held when the minutes lock, moved (with the new day) when rescheduled, cancelled with the reason.
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

/** An approved plan scheduled through the API: its first item's id and meeting. */
async function scheduled() {
  const plan = await approvedPlan(w, leader, reviewer);
  const res = await leader.post(`/api/plans/${plan.id}/schedule`);
  expect(res.statusCode, res.body).toBe(200);
  return { planId: plan.id, itemId: plan.itemIds[0], meetingId: res.json().created[0].id as string };
}

async function itemOf(planId: string, itemId: string) {
  const plan = (await leader.get(`/api/plans/${planId}`)).json();
  return plan.items.find((i: { id: string }) => i.id === itemId) as { status: string; statusReason: string | null };
}

describe('plan items follow their meetings', () => {
  it('moved with the new day when the meeting is edited to another day, planned again when moved back', async () => {
    const { planId, itemId, meetingId } = await scheduled();
    const m = (await leader.get(`/api/meetings/${meetingId}`)).json();
    const body = (startsAt: string, endsAt: string) => ({
      kind: m.kind,
      subjectIds: m.subjects.map((s: { id: string }) => s.id),
      grade: m.grade,
      title: m.title,
      content: m.content,
      hostOrgId: m.hostOrg.id,
      networkId: m.network.id,
      schoolYearId: m.schoolYearId,
      mode: m.mode,
      startsAt,
      endsAt,
      chairPersonId: m.chair.id,
      secretaryPersonId: m.secretary.id,
      plannedCount: m.plannedCount,
      presenters: m.presenters.map((p: { person: { id: string } | null }) => ({ personId: p.person?.id })),
      venues: m.venues.map((v: { id: string; isCentral: boolean; name: string; room: string; address: string }) => ({
        id: v.id,
        isCentral: v.isCentral,
        orgId: m.hostOrg.id,
        name: v.name,
        room: v.room,
        address: v.address,
      })),
    });
    const moved = await leader.put(`/api/meetings/${meetingId}`, body('2025-10-22T07:30:00+07:00', '2025-10-22T10:30:00+07:00'));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await itemOf(planId, itemId)).toMatchObject({ status: 'moved', statusReason: 'Dời sang ngày 22/10/2025' });
    const back = await leader.put(`/api/meetings/${meetingId}`, body(m.startsAt, m.endsAt));
    expect(back.statusCode, back.body).toBe(200);
    expect(await itemOf(planId, itemId)).toMatchObject({ status: 'planned', statusReason: null });
  });

  it('moved with the new day and the reason when postponed to a new time', async () => {
    const { planId, itemId, meetingId } = await scheduled();
    const res = await leader.post(`/api/meetings/${meetingId}/postpone`, {
      reason: 'Trùng lịch kiểm tra giữa kỳ',
      startsAt: '2025-10-29T07:30:00+07:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await itemOf(planId, itemId)).toMatchObject({
      status: 'moved',
      statusReason: 'Dời sang ngày 29/10/2025: Trùng lịch kiểm tra giữa kỳ',
    });
  });

  it("cancelled with the meeting's reason", async () => {
    const { planId, itemId, meetingId } = await scheduled();
    const res = await leader.post(`/api/meetings/${meetingId}/cancel`, { reason: 'Bão số 5, trường nghỉ học' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await itemOf(planId, itemId)).toMatchObject({ status: 'cancelled', statusReason: 'Bão số 5, trường nghỉ học' });
  });

  it('held when the minutes lock (the record guard does not refuse the plan item)', async () => {
    const { planId, itemId, meetingId } = await scheduled();
    const secretary = await t.client().login(w.users.teamHead.email, w.users.teamHead.password);
    const saved = await secretary.put(`/api/meetings/${meetingId}/minutes`, { discussion: '<p>Góp ý</p>', recommendations: '' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await secretary.post(`/api/meetings/${meetingId}/minutes/start-signing`)).statusCode).toBe(200);
    expect((await secretary.post(`/api/meetings/${meetingId}/minutes/sign`)).statusCode).toBe(200);
    expect(await itemOf(planId, itemId)).toMatchObject({ status: 'planned' });
    const locked = await leader.post(`/api/meetings/${meetingId}/minutes/sign`);
    expect(locked.statusCode, locked.body).toBe(200);
    expect(locked.json().status).toBe('locked');
    expect(await itemOf(planId, itemId)).toMatchObject({ status: 'held', statusReason: null });
  });
});

describe('nextItemStatus', () => {
  const item = { status: 'planned' as const, proposedDate: '2025-10-15', statusReason: null };
  it('keeps the outcome of a held or cancelled item when the meeting moves', () => {
    const moved = { kind: 'moved' as const, startsAt: new Date('2025-10-20T00:30:00Z') };
    expect(nextItemStatus({ ...item, status: 'held' }, moved)).toBeNull();
    expect(nextItemStatus({ ...item, status: 'cancelled', statusReason: 'x' }, moved)).toBeNull();
    expect(nextItemStatus(item, moved)).toEqual({ status: 'moved', reason: 'Dời sang ngày 20/10/2025' });
  });
  it('reads the day in Vietnam time (an early-morning start is the next UTC day minus seven hours)', () => {
    expect(nextItemStatus(item, { kind: 'moved', startsAt: new Date('2025-10-14T17:30:00Z') })).toBeNull();
  });
  it('a postponement without a new time moves the item with the reason', () => {
    expect(nextItemStatus(item, { kind: 'postponed', reason: 'Mưa lớn' })).toEqual({ status: 'moved', reason: 'Tạm hoãn: Mưa lớn' });
  });
});
