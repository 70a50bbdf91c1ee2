import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../../../tests/factories';
import { buildMeetingWorld, type MeetingWorld } from '../../../../tests/helpers/meetingWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { PersonSummary } from '../../../shared/types';

/**
 * Issue 15, point 3: the people pickers of a meeting ("Mời theo tên", chair, secretary, presenters) search the
 * meeting's invitable set — every school of its network and the offices above — not only the user's own school; the
 * results name the school of a team; the scope parameter is itself authorised.
 */
let t: TestApp;
let w: MeetingWorld;
let meetingId: string;
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
  const m = await buildMeeting(t.db, {
    hostOrgId: w.orgs.school1.id,
    networkId: w.networks.network1.id,
    schoolYearId: w.year.id,
    startsAt: new Date('2025-10-15T07:30:00+07:00'),
    endsAt: new Date('2025-10-15T11:00:00+07:00'),
    status: 'draft',
    secretaryPersonId: w.users.secretary.person.id,
  });
  meetingId = m.id;
});
afterAll(() => t.close());

const search = async (u: { email: string; password: string }, query: string) => {
  const res = await (await as(u)).get(`/api/people?pageSize=100&${query}`);
  return { status: res.statusCode, body: res.body, items: res.statusCode === 200 ? (res.json().items as PersonSummary[]) : [] };
};
const names = (items: PersonSummary[]) => items.map((p) => p.fullName).sort();

describe('people pickers across the network', () => {
  it("finds the network's other school for the meeting's secretary, with the school in the result", async () => {
    const own = await search(w.users.secretary, 'q=toan');
    expect(names(own.items)).not.toContain('Giáo viên Toán Tân Thạnh Tây');
    const scoped = await search(w.users.secretary, `q=toan&meetingId=${meetingId}`);
    expect(scoped.status, scoped.body).toBe(200);
    expect(names(scoped.items)).toEqual(['Giáo viên Toán Tân Thạnh Tây']);
    const [p] = scoped.items;
    expect(p.positions[0]).toMatchObject({ orgName: 'Tổ Toán', schoolName: 'Trường THCS Tân Thạnh Tây', position: 'teacher' });
    expect(p.email).toBeNull();
  });

  it('lists the host, the member schools and the offices above, never another commune, and each may be invited', async () => {
    const scoped = await search(w.users.principal, `meetingId=${meetingId}`);
    expect(scoped.status, scoped.body).toBe(200);
    const found = names(scoped.items);
    for (const n of ['Giáo viên 1', 'Giáo viên Toán Tân Thạnh Tây', 'Trưởng nhóm Lê Thị Hoa', 'Lãnh đạo xã 1', 'Chuyên viên Sở'])
      expect(found).toContain(n);
    for (const n of ['Giáo viên 2', 'Hiệu trưởng 2', 'Giáo viên Toán An Phú']) expect(found).not.toContain(n);
    // The picker's set stays inside the invitable set: inviting everyone it lists is accepted.
    const res = await (await as(w.users.principal)).post(`/api/meetings/${meetingId}/invitations`, {
      personIds: scoped.items.map((p) => p.id),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().added).toBe(scoped.items.length);
  });

  it('searches for a meeting being created at a host of the network', async () => {
    const scoped = await search(w.users.principal, `q=toan&hostOrgId=${w.orgs.school1.id}&networkId=${w.networks.network1.id}`);
    expect(scoped.status, scoped.body).toBe(200);
    expect(names(scoped.items)).toEqual(['Giáo viên Toán Tân Thạnh Tây']);
    const noNetwork = await search(w.users.principal, `q=toan&hostOrgId=${w.orgs.school1.id}`);
    expect(names(noNetwork.items)).toEqual([]);
  });

  it('authorises the scope: not an editor, another commune’s host or network, a network without its host', async () => {
    expect((await search(w.users.teacher, `q=toan&meetingId=${meetingId}`)).status).toBe(403);
    expect((await search(w.users.otherPrincipal, `meetingId=${meetingId}`)).status).toBe(403);
    expect((await search(w.users.principal, `hostOrgId=${w.orgs.school2.id}`)).status).toBe(403);
    expect((await search(w.users.principal, `hostOrgId=${w.orgs.school1.id}&networkId=${w.networks.network2.id}`)).status).toBe(403);
    const noHost = await (await as(w.users.principal)).get(`/api/people?networkId=${w.networks.network1.id}`);
    expect(noHost.statusCode).toBe(400);
    expect(noHost.json().fields[0].field).toBe('hostOrgId');
    const unknown = await (await as(w.users.principal)).get('/api/people?hostOrgId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].field).toBe('hostOrgId');
  });
});
