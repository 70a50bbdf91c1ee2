import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../../../tests/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/testApp';
import { buildWorld, type World } from '../../../../tests/helpers/world';

/**
 * Issue 14, finding 7: the schedule exports show exactly what the meetings list shows: other schools' drafts never,
 * meetings the caller may not read only as their public calendar line (no content, notes or count).
 */
let t: TestApp;
let w: World;
let teacher: TestClient;
const at = (day: string) => new Date(`${day}T07:30:00+07:00`);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  teacher = await t.client().login(w.users.teacher.email, w.users.teacher.password);
  const base = { schoolYearId: w.year.id, plannedCount: 77 };
  await buildMeeting(t.db, {
    ...base,
    hostOrgId: w.orgs.school2.id,
    status: 'draft',
    title: 'Nháp trường khác',
    startsAt: at('2025-10-01'),
  });
  await buildMeeting(t.db, {
    ...base,
    hostOrgId: w.orgs.school2.id,
    status: 'scheduled',
    title: 'Chuyên đề trường khác',
    content: 'Nội dung riêng của trường khác',
    startsAt: at('2025-10-02'),
  });
  await buildMeeting(t.db, {
    ...base,
    hostOrgId: w.orgs.school1.id,
    status: 'scheduled',
    title: 'Thao giảng trường mình',
    content: 'Nội dung của trường mình',
    startsAt: at('2025-10-03'),
  });
});
afterAll(() => t.close());

describe('exports: the schedule follows the meetings list', () => {
  it("a teacher's export of the Sở leaves out other schools' drafts and the details of meetings they may not read", async () => {
    const list = (await teacher.get(`/api/meetings?orgId=${w.orgs.province.id}`)).json() as Array<{
      id: string;
      title: string;
      restricted: boolean;
    }>;
    const hidden = list.find((m) => m.title === 'Chuyên đề trường khác');
    expect(hidden?.restricted).toBe(true);
    expect((await teacher.get(`/api/meetings/${hidden?.id}`)).statusCode).toBe(403);

    const res = await teacher.get(`/api/exports/schedule.html?orgId=${w.orgs.province.id}&schoolYearId=${w.year.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain('Nháp trường khác');
    expect(res.body).toContain('Chuyên đề trường khác');
    expect(res.body).not.toContain('Nội dung riêng của trường khác');
    expect(res.body).toContain('Nội dung của trường mình');
    // The count (77) is shown once: on the meeting the teacher reads.
    expect(res.body.match(/>\s*77\s*</g)?.length).toBe(1);
  });

  it('the office above sees every meeting of its subtree in full, drafts included as the list does', async () => {
    const office = await t.client().login(w.users.specialist.email, w.users.specialist.password);
    const res = await office.get(`/api/exports/schedule.html?orgId=${w.orgs.province.id}&schoolYearId=${w.year.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Nháp trường khác');
    expect(res.body).toContain('Nội dung riêng của trường khác');
  });
});
