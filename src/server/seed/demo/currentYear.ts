import { buildInvitations, buildPlan, buildPlanItem, buildPlanReviews, personOfEmail } from '../../../../tests/factories';
import type { MeetingKind } from '../../../shared/enums';
import { addDays } from '../../modules/rules/presets';
import { at, type DemoCalendar, daysAgo, daysAhead } from './calendar';
import { CU_CHI_LOGINS, type CuChiOrgs } from './cuChi';
import { CU_CHI_GROUPS } from './cuChiData';
import type { NetworkIds } from './cuChiNetworks';
import { buildClusterAndOthers } from './currentGroups';
import { mathTeachers } from './meetings';
import { buildHeldMeeting } from './minutes';
import type { SeedContext } from './staff';

/** What the current year's build needs from the rest of the demo. */
export interface CurrentWorld {
  cc: CuChiOrgs;
  yearId: string;
  yearCode: string;
  nets: NetworkIds;
  cal: DemoCalendar;
  /** The coming lesson study of Nhóm 1 (built by meetings.ts), to invite the offices to. */
  lessonStudy?: { id: string; venueId: string };
}

const ROMAN = { 1: 'I', 2: 'II' } as const;

/** A person id of a demo log-in (the build creates them all before this runs). */
export async function personOf(ctx: SeedContext, email: string): Promise<string> {
  const id = await personOfEmail(ctx.db, email);
  if (!id) throw new Error(`demo seed: no account ${email}`);
  return id;
}

/** A day in the past no later than yesterday (review steps happen before today). */
const past = (cal: DemoCalendar, d: string) => (d < cal.today ? d : daysAgo(cal.today, 1));

/** A term plan of a network with its items, reviewed by the steps given (none: a draft). */
export async function termPlan(
  ctx: SeedContext,
  w: CurrentWorld,
  key: string,
  items: Array<{ kind: MeetingKind; content: string; host: string; date: string; subjects: string[] }>,
  steps: Parameters<typeof buildPlanReviews>[2],
) {
  const plan = await buildPlan(ctx.db, {
    schoolYearId: w.yearId,
    reviewerOrgId: w.cc.soId,
    networkId: w.nets.get(key) as string,
    termNumber: w.cal.term,
    title: `Kế hoạch sinh hoạt chuyên môn học kỳ ${ROMAN[w.cal.term]} năm học ${w.yearCode}`,
  });
  const itemIds: string[] = [];
  for (const [i, it] of items.entries()) {
    const row = await buildPlanItem(ctx.db, {
      planId: plan.id,
      kind: it.kind,
      content: it.content,
      hostOrgId: w.cc.schools.get(it.host) as string,
      proposedDate: it.date,
      subjectIds: it.subjects.map((c) => ctx.subjectIds.get(c) as string),
      sortOrder: i + 1,
    });
    itemIds.push(row.id);
  }
  await buildPlanReviews(ctx.db, plan.id, steps);
  return itemIds;
}

/**
 * The current term of Củ Chi, around the demo's today, under the Sở (which approves the networks' plans, DOMAIN.md):
 * - Nhóm 1: plan approved; a demo lesson three weeks ago (minutes locked) and a topic report two school days ago whose
 *   minutes wait for the chair, the demo team head and the demo teacher; on quota (2 Toán meetings);
 * - Cụm 01: plan approved; a workshop of the twelve principals last week whose minutes wait only for the chair, the
 *   demo principal (the chair signs last); on quota;
 * - Nhóm 3: plan approved, one meeting held and locked: behind (1 of 2);
 * - Nhóm 2: plan waiting for the Sở; Nhóm 8 (the demo principal's group): plan returned with a comment;
 * - the other groups have neither plan nor meeting: behind.
 */
export async function buildCurrentTerm(ctx: SeedContext, w: CurrentWorld): Promise<void> {
  const { cc, cal } = w;
  const school = (k: string) => cc.schools.get(k) as string;
  const principal = (k: string) => cc.principals.get(k) as string;
  const specialist = await personOf(ctx, CU_CHI_LOGINS.specialist);
  const teacher = await personOf(ctx, CU_CHI_LOGINS.teacher);
  const teamHead = await personOf(ctx, CU_CHI_LOGINS.teamHead);
  const toan = [ctx.subjectIds.get('toan') as string];
  const submitted = at(past(cal, addDays(cal.termStart, 4)), '09:15');
  const approved = at(past(cal, addDays(cal.termStart, 8)), '14:30');

  const d1 = daysAgo(cal.today, 21);
  const d2 = daysAgo(cal.today, 2);
  const n1Items = await termPlan(
    ctx,
    w,
    'Nhóm 1',
    [
      { kind: 'demo_lesson', content: 'Thao giảng Toán 7: Tam giác cân', host: 'Hòa Phú', date: d1, subjects: ['toan'] },
      {
        kind: 'topic_report',
        content: 'Chuyên đề: Dạy học phát triển năng lực mô hình hóa toán học',
        host: 'Tân Thạnh Đông',
        date: d2,
        subjects: ['toan'],
      },
      {
        kind: 'lesson_study',
        content: 'Nghiên cứu bài học: Hàm số bậc nhất (Toán 9)',
        host: 'Tân Thạnh Tây',
        date: daysAhead(cal.today, 1),
        subjects: ['toan'],
      },
      {
        kind: 'exchange',
        content: 'Giao lưu: Kinh nghiệm ôn thi vào lớp 10 môn Toán',
        host: 'Tân Thạnh Đông',
        date: daysAhead(cal.today, 21),
        subjects: ['toan'],
      },
    ],
    [
      { action: 'submit', actorId: principal('Tân Thạnh Đông'), at: submitted },
      { action: 'approve', actorId: specialist, at: approved, comment: 'Đồng ý kế hoạch.' },
    ],
  );
  const group1 = CU_CHI_GROUPS[0].map(school);
  const n1Teachers = (await mathTeachers(ctx, group1, cal.today)).map((p) => p.id);
  const hoaPhuTeachers = (await mathTeachers(ctx, [school('Hòa Phú')], cal.today)).map((p) => p.id);
  await buildHeldMeeting(ctx, {
    schoolYearId: w.yearId,
    networkId: w.nets.get('Nhóm 1') as string,
    planItemId: n1Items[0],
    hostOrgId: school('Hòa Phú'),
    hostName: 'Trường THCS Hòa Phú',
    room: 'Phòng học 7A3',
    date: d1,
    termNumber: cal.term,
    kind: 'demo_lesson',
    title: 'Thao giảng Toán 7: Tam giác cân',
    content: 'Dự giờ tiết Toán 7, rút kinh nghiệm theo hướng quan sát hoạt động học của học sinh.',
    grade: 7,
    subjectIds: toan,
    chairPersonId: principal('Hòa Phú'),
    secretaryPersonId: hoaPhuTeachers.find((id) => id !== teacher) ?? hoaPhuTeachers[0],
    invitees: n1Teachers,
    absent: [{ personId: n1Teachers[n1Teachers.length - 1], status: 'excused', reason: 'Đi tập huấn chương trình của Sở' }],
    minutes: {
      discussion: '<p>Học sinh hoạt động nhóm tích cực; giáo viên tổ chức tốt khâu chuyển giao nhiệm vụ.</p>',
      recommendations: '<p>Chú ý hỗ trợ kịp thời các nhóm gặp khó khăn khi chứng minh.</p>',
      unsigned: [],
    },
  });
  const ttdTeachers = (await mathTeachers(ctx, [school('Tân Thạnh Đông')], cal.today)).map((p) => p.id);
  await buildHeldMeeting(ctx, {
    schoolYearId: w.yearId,
    networkId: w.nets.get('Nhóm 1') as string,
    planItemId: n1Items[1],
    hostOrgId: school('Tân Thạnh Đông'),
    hostName: 'Trường THCS Tân Thạnh Đông',
    room: 'Phòng hội đồng',
    date: d2,
    termNumber: cal.term,
    kind: 'topic_report',
    title: 'Chuyên đề: Dạy học phát triển năng lực mô hình hóa toán học',
    content: 'Báo cáo chuyên đề, thảo luận các ví dụ mô hình hóa cho lớp 8 và lớp 9.',
    grade: 8,
    subjectIds: toan,
    chairPersonId: principal('Tân Thạnh Đông'),
    secretaryPersonId: ttdTeachers.find((id) => id !== teamHead) ?? ttdTeachers[0],
    invitees: n1Teachers,
    minutes: {
      discussion: '<p>Chuyên đề thiết thực; các ví dụ về tiền điện, cước taxi phù hợp với học sinh nông thôn.</p>',
      recommendations: '<p>Mỗi trường dạy thử một tiết theo chuyên đề và báo cáo ở buổi sinh hoạt sau.</p>',
      unsigned: [principal('Tân Thạnh Đông'), teacher, teamHead],
    },
  });
  if (w.lessonStudy) {
    const officer = await personOf(ctx, CU_CHI_LOGINS.communeOfficer);
    await buildInvitations(ctx.db, w.lessonStudy.id, [specialist, officer], w.lessonStudy.venueId);
  }
  await buildClusterAndOthers(ctx, w, { specialist, submitted, approved, toan });
}
