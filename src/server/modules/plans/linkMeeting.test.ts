import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildPlan, buildPlanItem } from '../../../../tests/factories';
import { buildPlanWorld, type PlanWorld } from '../../../../tests/helpers/planWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/**
 * Issue 14, finding 3: tracking a plan item as held links only a meeting the caller edits, of the plan's network or
 * org, whose minutes are not locked; any other meeting keeps its plan link.
 */
let t: TestApp;
let w: PlanWorld;
let leader: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPlanWorld(t.db);
  leader = await t.client().login(w.users.networkLeader.email, w.users.networkLeader.password);
});
afterAll(() => t.close());

async function approvedItem() {
  const plan = await buildPlan(t.db, {
    schoolYearId: w.year.id,
    networkId: w.networks.network1.id,
    reviewerOrgId: w.orgs.commune1.id,
    status: 'approved',
  });
  const item = await buildPlanItem(t.db, { planId: plan.id, hostOrgId: w.orgs.school1.id, proposedDate: '2025-10-15' });
  return { url: `/api/plans/${plan.id}/items/${item.id}/status`, itemId: item.id };
}

async function planLinkOf(meetingId: string): Promise<string | null> {
  const admin = await t.client().login(w.users.admin.email, w.users.admin.password);
  return (await admin.get(`/api/meetings/${meetingId}`)).json().planItemId;
}

describe('plans: linking a held meeting', () => {
  it("refuses another school's meeting the caller cannot edit (403) and leaves its link alone", async () => {
    const { url } = await approvedItem();
    const before = await approvedItem();
    const other = await buildMeeting(t.db, { hostOrgId: w.orgs.school2.id, schoolYearId: w.year.id, planItemId: before.itemId });
    expect((await leader.get(`/api/meetings/${other.id}`)).statusCode).toBe(403);
    const res = await leader.post(url, { status: 'held', meetingId: other.id });
    expect(res.statusCode, res.body).toBe(403);
    expect(await planLinkOf(other.id)).toBe(before.itemId);
  });

  it('refuses a meeting of the network whose minutes are locked (409)', async () => {
    const { url } = await approvedItem();
    const locked = await buildMeeting(t.db, {
      hostOrgId: w.orgs.school1.id,
      networkId: w.networks.network1.id,
      schoolYearId: w.year.id,
      status: 'minutes_locked',
    });
    const res = await leader.post(url, { status: 'held', meetingId: locked.id });
    expect(res.statusCode, res.body).toBe(409);
    expect(await planLinkOf(locked.id)).toBeNull();
  });

  it("refuses a meeting the caller edits that belongs to neither the plan's network nor its org (400 naming the field)", async () => {
    const { url } = await approvedItem();
    const elsewhere = await buildMeeting(t.db, {
      hostOrgId: w.orgs.school1b.id,
      schoolYearId: w.year.id,
      chairPersonId: w.users.networkLeader.person.id,
    });
    const res = await leader.post(url, { status: 'held', meetingId: elsewhere.id });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().fields[0].field).toBe('meetingId');
    expect(await planLinkOf(elsewhere.id)).toBeNull();
  });

  it("links a meeting of the plan's network that the caller edits", async () => {
    const { url, itemId } = await approvedItem();
    const own = await buildMeeting(t.db, { hostOrgId: w.orgs.school1.id, networkId: w.networks.network1.id, schoolYearId: w.year.id });
    const res = await leader.post(url, { status: 'held', meetingId: own.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(await planLinkOf(own.id)).toBe(itemId);
  });
});
