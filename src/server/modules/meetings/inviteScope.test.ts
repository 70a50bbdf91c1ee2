import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../../../tests/factories';
import { buildMeetingWorld, type MeetingWorld, meetingInput } from '../../../../tests/helpers/meetingWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { MeetingDetail } from '../../../shared/meetings';

/**
 * Issue 14, findings 1 and 4: an editor invites, names and hosts only within the meeting's invitable set (orgs they
 * manage, the host, the network's schools and lead, the supervising office and the offices above the host), and sees
 * contacts only of people they may read.
 */
let t: TestApp;
let w: MeetingWorld;
const clients = new Map<string, TestClient>();
const as = async (u: { email: string; password: string }) => {
  const found = clients.get(u.email);
  if (found) return found;
  const c = await t.client().login(u.email, u.password);
  clients.set(u.email, c);
  return c;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMeetingWorld(t.db);
});
afterAll(() => t.close());

const draft = () =>
  buildMeeting(t.db, {
    hostOrgId: w.orgs.school1.id,
    networkId: w.networks.network1.id,
    schoolYearId: w.year.id,
    startsAt: new Date('2025-10-15T07:30:00+07:00'),
    endsAt: new Date('2025-10-15T11:00:00+07:00'),
    status: 'draft',
    secretaryPersonId: w.users.secretary.person.id,
  });

async function invitedNames(id: string): Promise<string[]> {
  const d = (await (await as(w.users.admin)).get(`/api/meetings/${id}`)).json() as MeetingDetail;
  return d.invitations.map((i) => i.person.fullName).sort();
}

describe('meetings: who may be invited (finding 1)', () => {
  it("refuses a rule scoped to another commune's orgs and invites nobody", async () => {
    const m = await draft();
    const c = await as(w.users.principal);
    const res = await c.post(`/api/meetings/${m.id}/invitation-rules`, {
      rule: { positions: [], scope: { orgIds: [w.orgs.commune2.id] } },
    });
    expect(res.statusCode, res.body).toBe(403);
    const under = await c.post(`/api/meetings/${m.id}/invitation-rules`, {
      rule: { positions: [], scope: { underOrgId: w.orgs.commune2.id, levels: [] } },
    });
    expect(under.statusCode, under.body).toBe(403);
    const net = await c.post(`/api/meetings/${m.id}/invitation-rules`, {
      rule: { positions: [], scope: { networkId: w.networks.network2.id } },
    });
    expect(net.statusCode, net.body).toBe(403);
    expect(await invitedNames(m.id)).toEqual([]);
  });

  it('a rule on the Sở above reaches its own staff and the meeting’s schools, not other communes', async () => {
    const m = await draft();
    const res = await (await as(w.users.principal)).post(`/api/meetings/${m.id}/invitation-rules`, {
      rule: { positions: [], scope: { orgIds: [w.orgs.province.id] } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const names = await invitedNames(m.id);
    expect(names).toContain('Chuyên viên Sở');
    expect(names).toContain('Giáo viên Toán Tân Thạnh Tây');
    for (const outside of ['Giáo viên 2', 'Hiệu trưởng 2', 'Giáo viên Toán An Phú']) expect(names).not.toContain(outside);
  });

  it('refuses invite-by-name of a person outside the invitable set; the secretary invites the network’s teachers', async () => {
    const m = await draft();
    const res = await (await as(w.users.principal)).post(`/api/meetings/${m.id}/invitations`, {
      personIds: [w.users.teacher.person.id, w.users.otherTeacher.person.id],
    });
    expect(res.statusCode, res.body).toBe(403);
    const ok = await (await as(w.users.secretary)).post(`/api/meetings/${m.id}/invitations`, {
      personIds: [w.users.networkTeacher.person.id, w.users.teacher.person.id],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await invitedNames(m.id)).toEqual(['Giáo viên 1', 'Giáo viên Toán Tân Thạnh Tây']);
  });

  it('shows an editor the contacts only of invitees they may read', async () => {
    const m = await draft();
    await (await as(w.users.principal)).post(`/api/meetings/${m.id}/invitations`, {
      personIds: [w.users.networkTeacher.person.id, w.users.teacher.person.id],
    });
    const d = (await (await as(w.users.secretary)).get(`/api/meetings/${m.id}`)).json() as MeetingDetail;
    const byName = new Map(d.invitations.map((i) => [i.person.fullName, i.person]));
    expect(byName.get('Giáo viên 1')?.email).toBe('gv1@tn.vn');
    expect(byName.get('Giáo viên Toán Tân Thạnh Tây')?.email).toBeNull();
    const byPrincipal = (await (await as(w.users.networkLeader)).get(`/api/meetings/${m.id}`)).json() as MeetingDetail;
    expect(byPrincipal.invitations.find((i) => i.person.fullName === 'Giáo viên Toán Tân Thạnh Tây')?.person.email).toBe('gv1b@tn.vn');
  });

  it('refuses a chair, secretary or presenter from outside the invitable set', async () => {
    const c = await as(w.users.principal);
    const chair = await c.post('/api/meetings', meetingInput(w, { chairPersonId: w.users.otherTeacher.person.id }));
    expect(chair.statusCode, chair.body).toBe(403);
    const presenter = await c.post(
      '/api/meetings',
      meetingInput(w, { presenters: [{ personId: w.users.otherTeacher.person.id, orgId: null, topic: 'x' }] }),
    );
    expect(presenter.statusCode, presenter.body).toBe(403);
    const m = await draft();
    const put = await c.put(`/api/meetings/${m.id}`, meetingInput(w, { secretaryPersonId: w.users.otherPrincipal.person.id }));
    expect(put.statusCode, put.body).toBe(403);
  });
});

describe('meetings: who may host (finding 4)', () => {
  it('a network leader cannot host a meeting of his network at a school outside it', async () => {
    const c = await as(w.users.networkLeader);
    const res = await c.post(
      '/api/meetings',
      meetingInput(w, { hostOrgId: w.orgs.school2.id, chairPersonId: null, secretaryPersonId: null }),
    );
    expect(res.statusCode, res.body).toBe(403);
    const m = await draft();
    const put = await c.put(`/api/meetings/${m.id}`, meetingInput(w, { hostOrgId: w.orgs.school2.id }));
    expect(put.statusCode, put.body).toBe(403);
    const fine = await c.post('/api/meetings', meetingInput(w, { hostOrgId: w.orgs.school1b.id, secretaryPersonId: null }));
    expect(fine.statusCode, fine.body).toBe(201);
  });

  it("a principal cannot attach another commune's network to a meeting of his school", async () => {
    const res = await (await as(w.users.principal)).post('/api/meetings', meetingInput(w, { networkId: w.networks.network2.id }));
    expect(res.statusCode, res.body).toBe(403);
  });
});
