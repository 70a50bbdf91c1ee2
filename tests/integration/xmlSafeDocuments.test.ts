import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutes } from '../../src/server/db/schema';
import { hasXmlInvalid } from '../../src/server/lib/documents/xmlText';
import {
  buildAttendance,
  buildInvitations,
  buildMeeting,
  buildMinutes,
  buildNetwork,
  buildOrg,
  buildSchoolYear,
  buildUser,
} from '../factories';
import { createTestApp, type TestApp, type TestClient } from '../helpers/testApp';

/**
 * Records holding characters XML 1.0 cannot carry (stored before input refused them, or decoded from an entity such
 * as &#xFFFE; in the minutes) still give DOCX and XLSX files whose every XML part is well-formed: the writers drop them.
 */
let t: TestApp;
let leader: TestClient;
let q: string;
let meetingId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db;
  const year = await buildSchoolYear(db, { code: '2024-2025' });
  const district = await buildOrg(db, { type: 'district_office', name: 'Phòng Giáo dục và Đào tạo huyện Củ Chi' });
  const school = await buildOrg(db, { name: 'Trường THCS Tân\uFFFE Thạnh Đông', parentId: district.id });
  const principal = await buildUser(db, {
    fullName: 'Nguyễn Thị\u0001 Hồng Nhung',
    positions: [{ orgId: school.id, position: 'principal' }],
  });
  const network = await buildNetwork(db, {
    schoolYearId: year.id,
    supervisingOrgId: district.id,
    memberOrgIds: [school.id],
    name: 'Nhóm liên trường\uFFFF số 1',
    leadOrgId: school.id,
    leaders: [{ personId: principal.person.id, role: 'leader' }],
  });
  const m = await buildMeeting(db, {
    hostOrgId: school.id,
    schoolYearId: year.id,
    networkId: network.id,
    title: 'Thao giảng\uFFFE Hình học 8',
    status: 'held',
    startsAt: new Date('2024-10-15T07:30:00+07:00'),
    chairPersonId: principal.person.id,
    secretaryPersonId: principal.person.id,
  });
  meetingId = m.id;
  await buildInvitations(db, m.id, [principal.person.id]);
  await buildAttendance(db, { meetingId: m.id, personId: principal.person.id });
  const row = await buildMinutes(db, {
    meetingId: m.id,
    status: 'signing',
    discussion: '<p>Tiết dạy &#xFFFE;tốt&#1;, học sinh tích cực\u000B.</p>',
    recommendations: '<p>Đề nghị &#xD800;tiếp tục.</p>',
  });
  await db.update(minutes).set({ status: 'locked', lockedAt: new Date() }).where(eq(minutes.id, row.id));
  q = `networkId=${network.id}&schoolYearId=${year.id}&term=1`;
  leader = await t.client().login(principal.email, principal.password);
}, 120_000);
afterAll(() => t?.close());

/** The XML parts of an Office file that hold a character XML 1.0 cannot carry. */
async function badParts(file: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const bad: string[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    if (hasXmlInvalid(await entry.async('string'))) bad.push(name);
  }
  return bad;
}

describe('documents stay well-formed XML', () => {
  it.each(['docx', 'xlsx'])('the schedule %s', async (ext) => {
    const res = await leader.get(`/api/exports/schedule.${ext}?${q}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.toString('latin1')).toContain('PK');
    expect(await badParts(res.rawPayload)).toEqual([]);
  });

  it('the locked minutes DOCX, its text kept without the bad characters', async () => {
    const res = await leader.get(`/api/exports/minutes/${meetingId}.docx`);
    expect(res.statusCode).toBe(200);
    expect(await badParts(res.rawPayload)).toEqual([]);
    const doc = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string');
    expect(doc).toContain('Thao giảng Hình học 8');
    expect(doc).toContain('tốt');
    expect(doc).toContain('tiếp tục');
  });
});
