import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlanWorld, type PlanWorld, planBody } from '../../../../tests/helpers/planWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';

/** Issue 14, finding 6: nobody approves a plan they created or submitted themselves; another reviewer does. */
let t: TestApp;
let w: PlanWorld;
let principal: TestClient;
let communeLeader: TestClient;
let specialist: TestClient;
let leader: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPlanWorld(t.db);
  const login = (u: { email: string; password: string }) => t.client().login(u.email, u.password);
  principal = await login(w.users.principal);
  communeLeader = await login(w.users.communeLeader);
  specialist = await login(w.users.specialist);
  leader = await login(w.users.networkLeader);
});
afterAll(() => t.close());

async function submitted(by: TestClient, body: Record<string, unknown>, submitter: TestClient = by): Promise<string> {
  const created = await by.post('/api/plans', body);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const sent = await submitter.post(`/api/plans/${id}/submit`);
  expect(sent.statusCode, sent.body).toBe(200);
  return id;
}

describe('plans: no self-approval', () => {
  it('a principal cannot approve the team plan they created and submitted; the message names who approves', async () => {
    const id = await submitted(principal, planBody(w, { networkId: null, orgId: w.orgs.team1.id }));
    const res = await principal.post(`/api/plans/${id}/approve`, {});
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().message).toMatch(/không thể tự duyệt/);
    expect(res.json().message).toContain('Trường THCS Tân Thạnh Đông');
    expect((await principal.get(`/api/plans/${id}`)).json().status).toBe('submitted');
    // The office above the school still approves it.
    const byOffice = await communeLeader.post(`/api/plans/${id}/approve`, {});
    expect(byOffice.statusCode, byOffice.body).toBe(200);
  });

  it('an office cannot approve the network plan it created and submitted; another office reviewer can', async () => {
    const id = await submitted(communeLeader, planBody(w));
    const res = await communeLeader.post(`/api/plans/${id}/approve`, {});
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().message).toContain('Xã Phú Hòa Đông');
    expect((await specialist.post(`/api/plans/${id}/approve`, {})).statusCode).toBe(200);
  });

  it('the office that submitted a plan the network leader drafted cannot approve it either', async () => {
    const id = await submitted(leader, planBody(w), communeLeader);
    expect((await communeLeader.post(`/api/plans/${id}/approve`, {})).statusCode).toBe(403);
    // Returning it for changes stays open to them.
    expect((await communeLeader.post(`/api/plans/${id}/return`, { comment: 'Bổ sung nội dung' })).statusCode).toBe(200);
  });
});
