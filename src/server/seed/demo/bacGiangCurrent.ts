import {
  buildAssignment,
  buildInspection,
  buildInspectionArea,
  buildInvitations,
  buildMeeting,
  buildVenue,
} from '../../../../tests/factories';
import { type DemoCalendar, daysAgo, daysAhead } from './calendar';
import { addPerson, newName, type SeedContext, subjectIdsOf } from './staff';

/** What the current year of Bắc Giang is built from. */
export interface BacGiangOrgs {
  soId: string;
  /** Org ids by district key ("LNAM") and unit code ("THPT-LN"). */
  orgIds: Map<string, string>;
  specialistId: string;
  principalId: string;
  yearId: string;
}

const month = (d: string) => d.slice(0, 7);

/**
 * Bắc Giang in the current year: the programme (Phụ lục I) with THPT Lục Nam's Tiếng Anh meeting this week (its
 * principal hosts, the Sở's specialist and three teachers invited) and two other assignments later; the inspection
 * plan (Phụ lục II) with one inspection whose day has passed without a record (overdue) and one coming.
 */
export async function buildBacGiangCurrent(ctx: SeedContext, o: BacGiangOrgs, cal: DemoCalendar): Promise<void> {
  const { db } = ctx;
  const lucNam = o.orgIds.get('THPT-LN') as string;
  const day = daysAhead(cal.today, 2);
  const teachers = [];
  for (let i = 0; i < 3; i++) {
    const p = await addPerson(ctx, {
      ...newName(ctx),
      unit: 'thptlucnam',
      positions: [{ orgId: lucNam, position: 'teacher', validFrom: '2018-08-15' }],
      subjectCodes: ['tieng-anh'],
    });
    teachers.push(p.id);
  }
  const meeting = await buildMeeting(db, {
    hostOrgId: lucNam,
    schoolYearId: o.yearId,
    termNumber: cal.term,
    kind: 'topic_report',
    title: 'Sinh hoạt chuyên môn cấp tỉnh: Tiếng Anh 11 — dạy kỹ năng nói theo dự án',
    content: 'Tiết dạy minh họa và báo cáo chuyên đề dạy kỹ năng nói theo dự án; các trường THPT dự trực tiếp và trực tuyến.',
    grade: 11,
    mode: 'hybrid',
    startsAt: new Date(`${day}T07:30:00+07:00`),
    endsAt: new Date(`${day}T11:00:00+07:00`),
    chairPersonId: o.principalId,
    secretaryPersonId: teachers[0],
    plannedCount: 5,
    subjectIds: subjectIdsOf(ctx, ['tieng-anh']),
  });
  const venue = await buildVenue(db, { meetingId: meeting.id, orgId: lucNam, name: 'Trường THPT Lục Nam — Phòng học bộ môn Tiếng Anh' });
  await buildInvitations(db, meeting.id, [o.principalId, o.specialistId, ...teachers], venue.id);
  const rows: Array<{ unit: string; subject: string; grade: number; month: string; meetingId?: string }> = [
    { unit: 'THPT-LN', subject: 'tieng-anh', grade: 11, month: month(day), meetingId: meeting.id },
    { unit: 'THPT-TY1', subject: 'sinh-hoc', grade: 10, month: month(daysAhead(cal.today, 35)) },
    { unit: 'GDNN-LG', subject: 'toan', grade: 12, month: month(daysAhead(cal.today, 65)) },
  ];
  for (const [i, a] of rows.entries())
    await buildAssignment(db, {
      provinceOrgId: o.soId,
      schoolYearId: o.yearId,
      level: 'upper_secondary',
      sortOrder: i + 1,
      unitOrgId: o.orgIds.get(a.unit) as string,
      subjectId: subjectIdsOf(ctx, [a.subject])[0],
      grade: a.grade,
      month: a.month,
      meetingId: a.meetingId ?? null,
    });
  const late = daysAgo(cal.today, 9);
  const coming = daysAhead(cal.today, 16);
  const area = await buildInspectionArea(db, {
    provinceOrgId: o.soId,
    schoolYearId: o.yearId,
    label: 'Các trường THPT trực thuộc Sở',
    month: month(late),
    sortOrder: 1,
    areaOrgIds: [o.orgIds.get('THPT-LN') as string, o.orgIds.get('THPT-TY1') as string],
  });
  await buildInspection(db, {
    provinceOrgId: o.soId,
    schoolYearId: o.yearId,
    areaId: area.id,
    unitOrgId: o.orgIds.get('THPT-TY1'),
    visitDate: late,
    inspectors: ['Phó trưởng phòng GDTrH - Trưởng đoàn', 'Chuyên viên phụ trách môn Sinh học'],
  });
  await buildInspection(db, {
    provinceOrgId: o.soId,
    schoolYearId: o.yearId,
    areaId: area.id,
    unitOrgId: lucNam,
    visitDate: coming,
    inspectors: ['Trưởng phòng GDTrH - Trưởng đoàn', 'Chuyên viên phụ trách môn Tiếng Anh'],
  });
}
