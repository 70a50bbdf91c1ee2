import type { Executor } from '../../src/server/db/client';
import {
  buildAttendance,
  buildMeeting,
  buildNetwork,
  buildOrg,
  buildPerson,
  buildReport,
  buildReportReviews,
  buildRuleSet,
  buildSchoolYear,
  buildTeam,
  buildUser,
  buildVenue,
} from '../factories';

/**
 * A province before the 1 July 2025 reform: the Sở with two district offices (Phòng A, Phòng B), two schools under
 * each (each with a team), and two communes that start on 01/07/2025. In 2024-2025 Phòng A supervises a school group
 * of its schools that met once in term I, and sent its term-I report to the Sở; the Sở's rules set both report
 * deadlines in both years. Phòng B has a specialist, and a 2025-2026 school group already set up before the reform.
 */
export async function buildReformWorld(db: Executor) {
  const y2024 = await buildSchoolYear(db, { code: '2024-2025' });
  const y2025 = await buildSchoolYear(db, { code: '2025-2026' });
  const so = await buildOrg(db, { type: 'province_department', code: 'SO-CT', name: 'Sở Giáo dục và Đào tạo Cải Tổ' });
  const office = (code: string, name: string) => buildOrg(db, { type: 'district_office', code, name, parentId: so.id });
  const phongA = await office('PGD-A', 'Phòng Giáo dục và Đào tạo huyện A');
  const phongB = await office('PGD-B', 'Phòng Giáo dục và Đào tạo huyện B');
  const commune = (code: string, name: string) =>
    buildOrg(db, { type: 'commune', code, name, parentId: so.id, validFrom: '2025-07-01', linkFrom: '2025-07-01' });
  const xaA = await commune('XA-A', 'UBND xã An Phú');
  const xaB = await commune('XA-B', 'UBND xã Bình Lợi');
  const school = async (code: string, name: string, parentId: string) => {
    const s = await buildOrg(db, { code, name, parentId });
    const team = await buildTeam(db, { parentId: s.id, name: `Tổ Toán - Tin ${code}` });
    return { ...s, teamId: team.id };
  };
  const schools = {
    a1: await school('THCS-A1', 'Trường THCS An Phú 1', phongA.id),
    a2: await school('THCS-A2', 'Trường THCS An Phú 2', phongA.id),
    b1: await school('THCS-B1', 'Trường THCS Bình Lợi 1', phongB.id),
    b2: await school('THCS-B2', 'Trường THCS Bình Lợi 2', phongB.id),
  };
  for (const y of [y2024, y2025]) {
    const start = Number(y.code.slice(0, 4));
    await buildRuleSet(db, {
      orgId: so.id,
      schoolYearId: y.id,
      term1ReportDue: `${start + 1}-01-10`,
      yearReportDue: `${start + 1}-05-25`,
      quotas: [{ target: 'school_group', per: 'term', minCount: 1 }],
    });
  }
  const group = await buildNetwork(db, {
    schoolYearId: y2024.id,
    supervisingOrgId: phongA.id,
    memberOrgIds: [schools.a1.id, schools.a2.id],
    name: 'Nhóm liên trường An Phú',
  });
  const teachers = [await buildPerson(db, { positions: [{ orgId: schools.a1.teamId, position: 'teacher' }] })];
  const meeting = await buildMeeting(db, { hostOrgId: schools.a1.id, schoolYearId: y2024.id, networkId: group.id, status: 'held' });
  const venue = await buildVenue(db, { meetingId: meeting.id, orgId: schools.a1.id });
  for (const p of teachers) await buildAttendance(db, { meetingId: meeting.id, personId: p.id, venueId: venue.id, status: 'present' });
  const report = await buildReport(db, { schoolYearId: y2024.id, reviewerOrgId: so.id, orgId: phongA.id, termNumber: 1 });
  await buildReportReviews(db, report.id, [{ action: 'submit', actorId: null, at: new Date('2025-01-08T08:00:00+07:00') }]);
  const groupB = await buildNetwork(db, {
    schoolYearId: y2025.id,
    supervisingOrgId: phongB.id,
    memberOrgIds: [schools.b1.id, schools.b2.id],
    name: 'Nhóm liên trường Bình Lợi',
  });
  const officerB = await buildPerson(db, { fullName: 'Lê Thị Chuyên', positions: [{ orgId: phongB.id, position: 'specialist' }] });
  const specialist = await buildUser(db, { email: 'chuyenvien@so-caito.vn', positions: [{ orgId: so.id, position: 'specialist' }] });
  return { y2024, y2025, so, phongA, phongB, xaA, xaB, schools, group, groupB, report, officerB, specialist };
}
export type ReformWorld = Awaited<ReturnType<typeof buildReformWorld>>;
