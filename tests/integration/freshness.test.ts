import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjects } from '../../src/server/db/schema';
import { figuresComputed } from '../../src/server/modules/dashboard/service';
import type { ComplianceView } from '../../src/shared/dashboard';
import { buildAttendance, buildInvitations, buildMeeting, buildOrg, buildPerson } from '../factories';
import { buildComplianceWorld, type ComplianceWorld } from '../helpers/complianceWorld';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';

/**
 * Freshness per scope (decision 0030): a kept dashboard is served again until a write in its own scope (or one whose
 * scope is not worked out, '*') commits; the next read after such a write computes afresh and shows it (the lag is
 * nil: the mark moves in the writing transaction). A write in another province, or in another commune of the same
 * province, leaves it kept: the figures are not computed again (figuresComputed counts the computations).
 */

let t: TestApp;
let w: ComplianceWorld;
let specialist: TestClient;
let admin: TestClient;
let b: { province: string; commune: string; school: string; meeting: string; teacher: string };
/** A teacher of school 1 (province A), made before any answer is kept: people are written under '*'. */
let newcomer: string;
const DAY = 'date=2025-12-10';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildComplianceWorld(t.db);
  // province B: a commune, a school, a teacher invited to a meeting held there in term 1
  const province = await buildOrg(t.db, { type: 'province_department', name: 'Sở GD&ĐT Tỉnh B', code: 'SO-B' });
  const commune = await buildOrg(t.db, { type: 'commune', name: 'Xã Bình Minh', code: 'XA-BM', parentId: province.id });
  const school = await buildOrg(t.db, { name: 'Trường THCS Bình Minh', code: 'THCS-BM', parentId: commune.id });
  const teacher = await buildPerson(t.db, { fullName: 'Giáo viên tỉnh B', positions: [{ orgId: school.id, position: 'teacher' }] });
  const meeting = await buildMeeting(t.db, {
    schoolYearId: w.year.id,
    hostOrgId: school.id,
    status: 'held',
    startsAt: new Date('2025-11-20T07:30:00+07:00'),
    subjectIds: [w.subjects.toan],
  });
  await buildInvitations(t.db, meeting.id, [teacher.id]);
  b = { province: province.id, commune: commune.id, school: school.id, meeting: meeting.id, teacher: teacher.id };
  newcomer = (await buildPerson(t.db, { fullName: 'Giáo viên mới', positions: [{ orgId: w.orgs.school1.id, position: 'teacher' }] })).id;
  specialist = await t.client().login(w.users.specialist.email, w.users.specialist.password);
  admin = await t.client().login(w.users.admin.email, w.users.admin.password);
});
afterAll(() => t.close());

/** A dashboard as the client sees it, and how many computations of figures it took. */
async function dashboard(client: TestClient, query = '') {
  const before = figuresComputed();
  const res = await client.get(`/api/dashboard/compliance?${DAY}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return { view: res.json() as ComplianceView, computed: figuresComputed() - before };
}

describe('a kept dashboard is served until a write in its scope', () => {
  it("a check-in in province B leaves province A's kept answer; one in A is in A's next answer; B's shows its own", async () => {
    const first = await dashboard(specialist);
    expect(first.view.scope).toMatchObject({ kind: 'org', id: w.orgs.province.id });
    expect(first.computed).toBe(1);
    expect(first.view.participation.total).toMatchObject({ invited: 6, present: 5 });
    const again = await dashboard(specialist);
    expect(again.computed).toBe(0);

    // write in B: its teacher checks in
    await buildAttendance(t.db, { meetingId: b.meeting, personId: b.teacher });
    const afterB = await dashboard(specialist);
    expect(afterB.computed).toBe(0);
    expect(afterB.view).toEqual(first.view);
    // B's own dashboard has it
    const ofB = await dashboard(admin, `&orgId=${b.province}`);
    expect(ofB.computed).toBe(1);
    expect(ofB.view.participation.total).toMatchObject({ invited: 1, present: 1 });

    // write in A: someone invited to network 1's meeting on both subjects checks in
    await buildInvitations(t.db, w.meetings.n1c.id, [newcomer]);
    await buildAttendance(t.db, { meetingId: w.meetings.n1c.id, personId: newcomer });
    const afterA = await dashboard(specialist);
    expect(afterA.computed).toBe(1);
    expect(afterA.view.participation.total).toMatchObject({ invited: 7, present: 6 });
    // and B's kept answer was not touched by it
    expect((await dashboard(admin, `&orgId=${b.province}`)).computed).toBe(0);
  });

  it("a meeting added in commune 2 leaves commune 1's kept answer and moves the province's", async () => {
    const commune1 = await dashboard(admin, `&orgId=${w.orgs.commune1.id}`);
    const province = await dashboard(specialist);
    expect((await dashboard(admin, `&orgId=${w.orgs.commune1.id}`)).computed).toBe(0);
    expect(province.computed).toBe(0); // kept from the test above
    const added = await buildMeeting(t.db, {
      schoolYearId: w.year.id,
      hostOrgId: w.orgs.school2.id,
      startsAt: new Date('2025-12-18T07:30:00+07:00'),
    });
    const commune1Again = await dashboard(admin, `&orgId=${w.orgs.commune1.id}`);
    expect(commune1Again.computed).toBe(0);
    expect(commune1Again.view).toEqual(commune1.view);
    const provinceAgain = await dashboard(specialist);
    expect(provinceAgain.computed).toBe(1);
    expect(provinceAgain.view.upcoming.map((m) => m.id)).toContain(added.id);
    expect(province.view.upcoming.map((m) => m.id)).not.toContain(added.id);
  });

  it('a write whose scope is not worked out (here a subject) moves every kept answer', async () => {
    expect((await dashboard(admin, `&orgId=${b.province}`)).computed).toBe(0);
    await t.db.insert(subjects).values({ code: 'TMP-FRESH', name: 'Môn tạm' });
    expect((await dashboard(admin, `&orgId=${b.province}`)).computed).toBe(1);
    expect((await dashboard(specialist)).computed).toBe(1);
  });
});
