import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildNetwork, buildOrg, buildPerson, buildTeam } from '../../../../tests/factories';
import { buildMeetingWorld, type MeetingWorld } from '../../../../tests/helpers/meetingWorld';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import type { MeetingDetail } from '../../../shared/meetings';
import { subjects } from '../../db/schema';

/**
 * Issue 16, point 4: invitations by level. A network of a combined TH-THCS school, a primary school and a THCS school;
 * a grade-8 meeting's rule invites the THCS teachers of the subject only, a grade-3 meeting's the primary ones; an
 * explicit level filter wins; a teacher whose level the app cannot tell is invited and reported.
 */
let t: TestApp;
let w: MeetingWorld;
let admin: TestClient;
let networkId: string;
const names = {
  thcs: 'GV Toán THCS Tân Trung',
  grade3: 'GV lớp 3 Tân Trung',
  unknown: 'GV Toán chưa rõ cấp',
  statedPrimary: 'GV Toán khai báo tiểu học',
  primarySchool: 'GV Toán TH Phú Hòa',
  thcsSchool: 'GV Toán THCS Tân Thạnh Đông',
  thcsHead: 'Tổ trưởng Toán - Tin THCS',
};
const PRIMARY = [names.grade3, names.unknown, names.statedPrimary, names.primarySchool].sort();
const SECONDARY = [names.thcs, names.unknown, names.thcsSchool, names.thcsHead].sort();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildMeetingWorld(t.db);
  admin = await t.client().login(w.users.admin.email, w.users.admin.password);
  const [tv] = await t.db.select().from(subjects).where(eq(subjects.code, 'tieng-viet'));
  const toan = w.subjects.toan.id;
  const combined = await buildOrg(t.db, {
    name: 'Trường TH-THCS Tân Trung',
    code: 'THTHCS-TT',
    levels: ['primary', 'lower_secondary'],
    parentId: w.orgs.commune1.id,
  });
  const primary = await buildOrg(t.db, { name: 'Trường TH Phú Hòa', code: 'TH-PH', levels: ['primary'], parentId: w.orgs.commune1.id });
  const teamThcs = await buildTeam(t.db, { name: 'Tổ Toán - Tin THCS', code: 'TT-TOANTIN', parentId: combined.id, subjectIds: [toan] });
  const teamGrade3 = await buildTeam(t.db, { name: 'Tổ khối 3', code: 'TT-K3', parentId: combined.id });
  const teamPlain = await buildTeam(t.db, { name: 'Tổ Toán', code: 'TT-TOAN', parentId: combined.id });
  const teamPrimary = await buildTeam(t.db, { name: 'Tổ Toán', code: 'PH-TOAN', parentId: primary.id });
  const teacher = (fullName: string, orgId: string, subjectIds: string[], o: object = {}) =>
    buildPerson(t.db, { fullName, subjectIds, positions: [{ orgId, position: 'teacher' }], ...o });
  await teacher(names.thcs, teamThcs.id, [toan]);
  await teacher(names.grade3, teamGrade3.id, [toan, tv.id]);
  await teacher(names.unknown, teamPlain.id, [toan]);
  await teacher(names.statedPrimary, teamPlain.id, [toan], { teachingLevels: ['primary'] });
  await teacher(names.primarySchool, teamPrimary.id, [toan]);
  await teacher(names.thcsSchool, w.orgs.team1.id, [toan]);
  await buildPerson(t.db, { fullName: names.thcsHead, positions: [{ orgId: teamThcs.id, position: 'team_head' }] });
  const network = await buildNetwork(t.db, {
    schoolYearId: w.year.id,
    supervisingOrgId: w.orgs.commune1.id,
    memberOrgIds: [combined.id, primary.id, w.orgs.school1.id],
  });
  networkId = network.id;
});
afterAll(() => t.close());

const meeting = (grade: number | null) =>
  buildMeeting(t.db, {
    hostOrgId: w.orgs.school1.id,
    networkId,
    schoolYearId: w.year.id,
    startsAt: new Date('2025-10-15T07:30:00+07:00'),
    endsAt: new Date('2025-10-15T11:00:00+07:00'),
    status: 'draft',
    grade,
    subjectIds: [w.subjects.toan.id],
  });

const toanTeachers = (extra: object = {}) => ({
  rule: { positions: ['teacher'], subjectIds: [w.subjects.toan.id], scope: { networkId }, ...extra },
});

async function invited(id: string): Promise<string[]> {
  const d = (await admin.get(`/api/meetings/${id}`)).json() as MeetingDetail;
  return d.invitations.map((i) => i.person.fullName).sort();
}

describe('invitations by level (issue 16, point 4)', () => {
  it('a grade-8 meeting of the network invites the THCS Toán teachers only, keeping and reporting the unknown', async () => {
    const m = await meeting(8);
    const res = await admin.post(`/api/meetings/${m.id}/invitation-rules`, toanTeachers());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ matched: 4, added: 4, unknownLevel: 1 });
    expect(res.json().description).toContain('cấp THCS');
    expect(await invited(m.id)).toEqual(SECONDARY);
    const d = (await admin.get(`/api/meetings/${m.id}`)).json() as MeetingDetail;
    expect(d.invitationRules[0].rule.levels).toEqual(['lower_secondary']);
  });

  it('a grade-3 meeting invites the primary teachers only, whether the level is stated, named by the team or the school', async () => {
    const m = await meeting(3);
    const res = await admin.post(`/api/meetings/${m.id}/invitation-rules`, toanTeachers());
    expect(res.statusCode, res.body).toBe(201);
    expect(await invited(m.id)).toEqual(PRIMARY);
  });

  it('an explicit level filter wins over the meeting’s grade; an empty one invites every level', async () => {
    const m = await meeting(8);
    const res = await admin.post(`/api/meetings/${m.id}/invitation-rules`, toanTeachers({ levels: ['primary'] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(await invited(m.id)).toEqual(PRIMARY);
    const all = await meeting(8);
    await admin.post(`/api/meetings/${all.id}/invitation-rules`, toanTeachers({ levels: [] }));
    expect(await invited(all.id)).toEqual([...new Set([...PRIMARY, ...SECONDARY])].sort());
  });

  it('a rule’s grade filters a meeting without one; a grade outside the chosen levels is refused, nothing written', async () => {
    const m = await meeting(null);
    expect((await admin.post(`/api/meetings/${m.id}/invitation-rules`, toanTeachers({ grade: 3 }))).statusCode).toBe(201);
    expect(await invited(m.id)).toEqual(PRIMARY);
    const other = await meeting(null);
    const bad = await admin.post(`/api/meetings/${other.id}/invitation-rules`, toanTeachers({ grade: 3, levels: ['lower_secondary'] }));
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.body).toContain('rule.grade');
    expect(await invited(other.id)).toEqual([]);
  });

  it('the preview names the level filter and who is kept with an unknown level, and writes nothing', async () => {
    const m = await meeting(8);
    const res = await admin.post(`/api/meetings/${m.id}/invitation-rules/preview`, toanTeachers());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      levels: ['lower_secondary'],
      matched: 4,
      added: 4,
      unknownLevel: 1,
      unknownLevelNames: [names.unknown],
    });
    expect(await invited(m.id)).toEqual([]);
  });

  it('the preview authorises the ids it carries: another commune’s network is refused', async () => {
    const m = await meeting(8);
    const principal = await t.client().login(w.users.principal.email, w.users.principal.password);
    const res = await principal.post(`/api/meetings/${m.id}/invitation-rules/preview`, {
      rule: { positions: [], scope: { networkId: w.networks.network2.id } },
    });
    expect(res.statusCode, res.body).toBe(403);
    const outsider = await t.client().login(w.users.otherTeacher.email, w.users.otherTeacher.password);
    expect((await outsider.post(`/api/meetings/${m.id}/invitation-rules/preview`, toanTeachers())).statusCode).toBe(403);
  });
});
