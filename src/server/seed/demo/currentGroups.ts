import { at, daysAgo, daysAhead } from './calendar';
import { CU_CHI_CLUSTERS, CU_CHI_GROUPS } from './cuChiData';
import { type CurrentWorld, termPlan } from './currentYear';
import { mathTeachers } from './meetings';
import { buildHeldMeeting } from './minutes';
import type { SeedContext } from './staff';

/** Cụm 01's workshop (awaiting its chair), Nhóm 3 behind, Nhóm 2 waiting, Nhóm 8 returned. */
export async function buildClusterAndOthers(
  ctx: SeedContext,
  w: CurrentWorld,
  o: { specialist: string; submitted: Date; approved: Date; toan: string[] },
): Promise<void> {
  const { cc, cal } = w;
  const school = (k: string) => cc.schools.get(k) as string;
  const principal = (k: string) => cc.principals.get(k) as string;
  const d = daysAgo(cal.today, 6);
  const leader = CU_CHI_CLUSTERS[0].leader;
  const c1Items = await termPlan(
    ctx,
    w,
    'Cụm 01',
    [
      {
        kind: 'workshop',
        content: 'Hội thảo: Đổi mới sinh hoạt tổ chuyên môn theo nghiên cứu bài học',
        host: leader,
        date: d,
        subjects: [],
      },
    ],
    [
      { action: 'submit', actorId: principal(leader), at: o.submitted },
      { action: 'approve', actorId: o.specialist, at: o.approved },
    ],
  );
  const leaderTeachers = (await mathTeachers(ctx, [school(leader)], cal.today)).map((p) => p.id);
  const principals = CU_CHI_CLUSTERS[0].members.map(principal);
  await buildHeldMeeting(ctx, {
    schoolYearId: w.yearId,
    networkId: w.nets.get('Cụm 01') as string,
    planItemId: c1Items[0],
    hostOrgId: school(leader),
    hostName: `Trường THCS ${leader}`,
    room: 'Hội trường',
    date: d,
    termNumber: cal.term,
    kind: 'workshop',
    title: 'Hội thảo: Đổi mới sinh hoạt tổ chuyên môn theo nghiên cứu bài học',
    content: 'Các trường trong cụm chia sẻ cách tổ chức sinh hoạt tổ chuyên môn theo nghiên cứu bài học.',
    grade: null,
    subjectIds: [],
    chairPersonId: principal(leader),
    secretaryPersonId: leaderTeachers[0],
    invitees: principals,
    absent: [{ personId: principals[1], status: 'excused', reason: 'Họp giao ban tại xã' }],
    minutes: {
      discussion: '<p>Các trường thống nhất tổ chức ít nhất một chu kỳ nghiên cứu bài học mỗi học kỳ ở mỗi tổ.</p>',
      recommendations: '<p>Đề nghị Sở tổ chức tập huấn quan sát học sinh cho tổ trưởng chuyên môn.</p>',
      unsigned: [principal(leader)],
    },
  });

  const [g3lead, g3a, g3b] = CU_CHI_GROUPS[2];
  const d3 = daysAgo(cal.today, 12);
  const n3Items = await termPlan(
    ctx,
    w,
    'Nhóm 3',
    [
      { kind: 'demo_lesson', content: 'Thao giảng Toán 6: Phân số', host: g3lead, date: d3, subjects: ['toan'] },
      {
        kind: 'demo_lesson',
        content: 'Thao giảng Toán 8: Phân tích đa thức thành nhân tử',
        host: g3a,
        date: daysAhead(cal.today, 10),
        subjects: ['toan'],
      },
    ],
    [
      { action: 'submit', actorId: principal(g3lead), at: o.submitted },
      { action: 'approve', actorId: o.specialist, at: o.approved },
    ],
  );
  const g3Teachers = (await mathTeachers(ctx, [g3lead, g3a, g3b].map(school), cal.today)).map((p) => p.id);
  const g3HostTeachers = (await mathTeachers(ctx, [school(g3lead)], cal.today)).map((p) => p.id);
  await buildHeldMeeting(ctx, {
    schoolYearId: w.yearId,
    networkId: w.nets.get('Nhóm 3') as string,
    planItemId: n3Items[0],
    hostOrgId: school(g3lead),
    hostName: `Trường THCS ${g3lead}`,
    room: 'Phòng học 6A1',
    date: d3,
    termNumber: cal.term,
    kind: 'demo_lesson',
    title: 'Thao giảng Toán 6: Phân số',
    content: 'Dự giờ tiết Toán 6 và rút kinh nghiệm.',
    grade: 6,
    subjectIds: o.toan,
    chairPersonId: principal(g3lead),
    secretaryPersonId: g3HostTeachers[0],
    invitees: g3Teachers,
    minutes: {
      discussion: '<p>Tiết dạy sinh động, học sinh được dùng mô hình cắt giấy để so sánh phân số.</p>',
      recommendations: '<p>Bổ sung bài tập vận dụng cho học sinh khá giỏi.</p>',
      unsigned: [],
    },
  });

  const [g2lead, g2a] = CU_CHI_GROUPS[1];
  await termPlan(
    ctx,
    w,
    'Nhóm 2',
    [
      {
        kind: 'demo_lesson',
        content: 'Thao giảng Ngữ văn 8: Văn bản nghị luận',
        host: g2lead,
        date: daysAhead(cal.today, 8),
        subjects: ['ngu-van'],
      },
      {
        kind: 'topic_report',
        content: 'Chuyên đề: Dạy học Khoa học tự nhiên theo chủ đề',
        host: g2a,
        date: daysAhead(cal.today, 22),
        subjects: ['khtn'],
      },
    ],
    [{ action: 'submit', actorId: principal(g2lead), at: at(daysAgo(cal.today, 1), '10:00') }],
  );
  const g8lead = CU_CHI_GROUPS[7][0];
  await termPlan(
    ctx,
    w,
    'Nhóm 8',
    [{ kind: 'demo_lesson', content: 'Thao giảng Ngữ văn 9', host: g8lead, date: daysAhead(cal.today, 12), subjects: ['ngu-van'] }],
    [
      { action: 'submit', actorId: principal(g8lead), at: at(daysAgo(cal.today, 5), '08:30') },
      {
        action: 'return',
        actorId: o.specialist,
        at: at(daysAgo(cal.today, 3), '15:00'),
        comment: 'Kế hoạch mới có một buổi: bổ sung buổi thứ hai của học kỳ và người trình bày, ngày dự kiến của từng buổi.',
      },
    ],
  );
}
