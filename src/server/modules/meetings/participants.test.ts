import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildTeam, buildUser } from '../../../../tests/factories';
import { buildMeetingWorld, type MeetingWorld, meetingInput } from '../../../../tests/helpers/meetingWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { MeetingDetail } from '../../../shared/meetings';
import * as orgsRepo from '../orgs/repo';

/**
 * Issue 15, point 2: invitation rules as schools work ("teachers of Toán" includes the Toán team's head and deputy
 * and anyone who teaches Toán), and the chair, secretary and presenters always take part (invited, on the
 * attendance sheet, in Mẫu 2's planned and present numbers).
 */
let t: TestApp;
let w: MeetingWorld;
let extra: Record<'toanHead' | 'toanDeputy' | 'vanHead' | 'teachingVice' | 'vice', string>;
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
  // School 1b (a network school): its Toán team (with its subject) and a Văn team, each led by people who list no
  // subject of their own; a vice-principal who teaches Toán and one who does not.
  await orgsRepo.setSubjects(t.db, w.orgs.team1b.id, [w.subjects.toan.id]);
  const teamVan = await buildTeam(t.db, { name: 'Tổ Ngữ văn', code: 'TTT-VAN', parentId: w.orgs.school1b.id });
  await orgsRepo.setSubjects(t.db, teamVan.id, [w.subjects.van.id]);
  const person = (fullName: string, orgId: string, position: 'team_head' | 'team_deputy' | 'vice_principal', subjectIds: string[] = []) =>
    buildUser(t.db, { fullName, positions: [{ orgId, position }], subjectIds }).then((u) => u.person.id);
  extra = {
    toanHead: await person('Tổ trưởng Toán Tân Thạnh Tây', w.orgs.team1b.id, 'team_head'),
    toanDeputy: await person('Tổ phó Toán Tân Thạnh Tây', w.orgs.team1b.id, 'team_deputy'),
    vanHead: await person('Tổ trưởng Văn Tân Thạnh Tây', teamVan.id, 'team_head'),
    teachingVice: await person('Phó hiệu trưởng dạy Toán', w.orgs.school1b.id, 'vice_principal', [w.subjects.toan.id]),
    vice: await person('Phó hiệu trưởng không dạy Toán', w.orgs.school1b.id, 'vice_principal'),
  };
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
  });

async function invited(id: string): Promise<Set<string>> {
  const d = (await (await as(w.users.admin)).get(`/api/meetings/${id}`)).json() as MeetingDetail;
  return new Set(d.invitations.map((i) => i.person.id));
}

describe('invitation rules as schools work', () => {
  it('"teachers of Toán" reaches Toán teachers, the Toán team’s head and deputy and a vice-principal who teaches Toán', async () => {
    const m = await draft();
    const res = await (await as(w.users.principal)).post(`/api/meetings/${m.id}/invitation-rules`, {
      rule: { positions: ['teacher'], subjectIds: [w.subjects.toan.id], scope: { networkId: w.networks.network1.id } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ids = await invited(m.id);
    for (const id of [w.users.networkTeacher.person.id, extra.toanHead, extra.toanDeputy, extra.teachingVice]) expect(ids).toContain(id);
    for (const id of [w.users.vanTeacher.person.id, extra.vanHead, extra.vice, w.users.principal.person.id]) expect(ids).not.toContain(id);
    expect(res.json().matched).toBe(ids.size);
  });

  it('"teachers" without a subject includes team heads and deputies, but not the principals', async () => {
    const m = await draft();
    const res = await (await as(w.users.principal)).post(`/api/meetings/${m.id}/invitation-rules`, {
      rule: { positions: ['teacher'], scope: { orgIds: [w.orgs.school1b.id] } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ids = await invited(m.id);
    for (const id of [extra.toanHead, extra.toanDeputy, extra.vanHead, w.users.vanTeacher.person.id]) expect(ids).toContain(id);
    for (const id of [extra.vice, extra.teachingVice, w.users.networkLeader.person.id]) expect(ids).not.toContain(id);
  });

  it('a rule for team heads of Toán keeps to that position: the Văn team head and the deputy stay out', async () => {
    const m = await draft();
    const res = await (await as(w.users.principal)).post(`/api/meetings/${m.id}/invitation-rules`, {
      rule: { positions: ['team_head'], subjectIds: [w.subjects.toan.id], scope: { orgIds: [w.orgs.school1b.id] } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect([...(await invited(m.id))]).toEqual([extra.toanHead]);
  });
});

describe('the chair, the secretary and the presenters always take part', () => {
  it('are invited when the meeting is created, stand on the sheet and count in Mẫu 2', async () => {
    const c = await as(w.users.principal);
    const created = await c.post(
      '/api/meetings',
      meetingInput(w, { plannedCount: null, startsAt: '2025-10-15T07:00:00+07:00', endsAt: '2025-10-15T11:00:00+07:00' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const named = [w.users.chair.person.id, w.users.secretary.person.id, w.users.teacher.person.id];
    expect([...(await invited(id))].sort()).toEqual([...named].sort());

    const secretary = await as(w.users.secretary);
    const sheet = (await secretary.get(`/api/meetings/${id}/attendance`)).json();
    expect(sheet.rows.map((r: { personId: string }) => r.personId).sort()).toEqual([...named].sort());
    const saved = await secretary.put(`/api/meetings/${id}/attendance`, {
      entries: [
        { personId: w.users.chair.person.id, status: 'present' },
        { personId: w.users.secretary.person.id, status: 'present' },
        { personId: w.users.teacher.person.id, status: 'excused', reason: 'Ốm' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const minutes = (await secretary.get(`/api/meetings/${id}/minutes`)).json();
    expect(minutes.facts).toMatchObject({ plannedCount: 3, presentCount: 2 });
  });

  it('a chair or presenter named later is invited then; people already invited keep their invitation', async () => {
    const c = await as(w.users.principal);
    const created = await c.post('/api/meetings', meetingInput(w, { chairPersonId: null, presenters: [] }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect([...(await invited(id))]).toEqual([w.users.secretary.person.id]);
    const put = await c.put(
      `/api/meetings/${id}`,
      meetingInput(w, {
        chairPersonId: w.users.networkLeader.person.id,
        presenters: [{ personId: w.users.networkTeacher.person.id, orgId: w.orgs.team1b.id, topic: 'Tiết dạy minh họa' }],
      }),
    );
    expect(put.statusCode, put.body).toBe(200);
    const ids = await invited(id);
    expect([...ids].sort()).toEqual(
      [w.users.secretary.person.id, w.users.networkLeader.person.id, w.users.networkTeacher.person.id].sort(),
    );
  });
});
