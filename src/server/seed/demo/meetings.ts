import { buildAttendance, buildInvitations, buildMeeting, buildVenue, personOfEmail } from '../../../../tests/factories';
import type { MeetingKind, MeetingMode, MeetingStatus } from '../../../shared/enums';
import * as networksRepo from '../../modules/networks/repo';
import * as orgsRepo from '../../modules/orgs/repo';
import * as peopleRepo from '../../modules/people/repo';
import { daysAhead } from './calendar';
import { CU_CHI_LOGINS, type CuChiOrgs } from './cuChi';
import { groupName } from './cuChiNetworks';
import { signMinutes } from './minutes';
import type { SeedContext } from './staff';
import type { DemoYear, DemoYears } from './years';

interface DemoMeeting {
  /** A school year's code, or "current" (the year of the demo's today). */
  year: DemoYear | 'current';
  /** A fixed date (history), or school days from today (coming meetings). */
  date: string | { daysAhead: number };
  host: string;
  kind: MeetingKind;
  title: string;
  content: string;
  grade: number;
  status: MeetingStatus;
  mode: MeetingMode;
  room: string;
  bridge?: { school: string; url: string };
  absent?: Array<{ index: number; status: 'excused' | 'absent'; reason: string }>;
  minutes?: { discussion: string; recommendations: string };
}

/**
 * Nhóm liên trường số 1 (Tân Thạnh Đông – Hòa Phú – Tân Thạnh Tây), môn Toán: two held in 2024-2025 (locked minutes),
 * two coming in the current year: the lesson study on the next school day, the exchange three weeks later.
 */
const MEETINGS: DemoMeeting[] = [
  {
    year: '2024-2025',
    date: '2024-10-15',
    host: 'Tân Thạnh Đông',
    kind: 'demo_lesson',
    title: 'Thao giảng Toán 8: Định lí Pythagore',
    content: 'Dự giờ tiết Toán 8, rút kinh nghiệm theo hướng tập trung vào hoạt động học của học sinh.',
    grade: 8,
    status: 'held',
    mode: 'in_person',
    room: 'Phòng học 8A1',
    absent: [
      { index: 2, status: 'excused', reason: 'Ốm, có giấy xin phép' },
      { index: 5, status: 'absent', reason: 'Trùng lịch coi kiểm tra giữa kỳ' },
    ],
    minutes: {
      discussion:
        '<p>Tiết dạy đảm bảo mục tiêu; học sinh tự phát hiện định lí qua hoạt động ghép hình. Một số nhóm còn lúng túng khi trình bày.</p>',
      recommendations: '<p>Tăng thời gian cho hoạt động luyện tập; chuẩn bị phiếu học tập phân hóa cho học sinh yếu.</p>',
    },
  },
  {
    year: '2024-2025',
    date: '2024-12-03',
    host: 'Hòa Phú',
    kind: 'topic_report',
    title: 'Chuyên đề: Dạy học giải bài toán thực tế lớp 9',
    content: 'Báo cáo chuyên đề và thảo luận cách xây dựng bài toán thực tế gắn với địa phương.',
    grade: 9,
    status: 'held',
    mode: 'in_person',
    room: 'Phòng hội đồng',
    minutes: {
      discussion: '<p>Các trường thống nhất ngân hàng bài toán thực tế theo chủ đề: tiền điện, trả góp, đo đạc ruộng vườn.</p>',
      recommendations: '<p>Mỗi trường bổ sung 5 bài toán gắn với địa phương, gửi nhóm trưởng trước ngày 20/12/2024.</p>',
    },
  },
  {
    year: 'current',
    date: { daysAhead: 1 },
    host: 'Tân Thạnh Tây',
    kind: 'lesson_study',
    title: 'Nghiên cứu bài học: Hàm số bậc nhất (Toán 9)',
    content: 'Một giáo viên dạy minh họa, các giáo viên khác quan sát học sinh; phân tích bài học sau tiết dạy.',
    grade: 9,
    status: 'scheduled',
    mode: 'hybrid',
    room: 'Phòng học 9A2',
    bridge: { school: 'Hòa Phú', url: 'https://meet.example.edu.vn/nhom1-toan-hoa-phu' },
  },
  {
    year: 'current',
    date: { daysAhead: 21 },
    host: 'Tân Thạnh Đông',
    kind: 'exchange',
    title: 'Giao lưu: Kinh nghiệm ôn thi vào lớp 10 môn Toán',
    content: 'Chia sẻ đề cương, tài liệu ôn tập và cách tổ chức ôn tập theo nhóm.',
    grade: 9,
    status: 'scheduled',
    mode: 'in_person',
    room: 'Thư viện',
  },
];

/** The Toán teachers (team heads included) of schools on a date. */
export async function mathTeachers(ctx: SeedContext, schoolIds: string[], date: string) {
  const teamIds: string[] = [];
  for (const id of schoolIds) {
    const teams = await orgsRepo.childrenOn(ctx.db, id, date);
    teamIds.push(...teams.filter((t) => t.name.startsWith('Tổ Toán')).map((t) => t.id));
  }
  return peopleRepo.staffOf(ctx.db, teamIds, date);
}

/**
 * Demo meetings of Nhóm liên trường số 1 (môn Toán): two held in HK I 2024-2025 with attendance (two absentees with
 * reasons) and locked minutes, two coming in the current year (one hybrid with a bridge point) with every Toán teacher
 * of the three schools invited. Returns the ids of the meetings and of their central venues, by title.
 */
export async function buildDemoMeetings(
  ctx: SeedContext,
  cc: CuChiOrgs,
  years: DemoYears,
  today: string,
): Promise<Map<string, { id: string; venueId: string }>> {
  const toan = ctx.subjectIds.get('toan');
  const school = (key: string) => cc.schools.get(key) as string;
  const out = new Map<string, { id: string; venueId: string }>();
  const teamHead = await personOfEmail(ctx.db, CU_CHI_LOGINS.teamHead);
  for (const spec of MEETINGS) {
    const year = spec.year === 'current' ? years.current : spec.year;
    const m = { ...spec, date: typeof spec.date === 'string' ? spec.date : daysAhead(today, spec.date.daysAhead) };
    const [network] = await networksRepo.list(ctx.db, { schoolYearId: years.ids[year], kind: 'school_group', q: groupName(0) });
    const members = (await networksRepo.membersOf(ctx.db, network.id)).map((o) => o.id);
    const teachers = await mathTeachers(ctx, members, m.date);
    const hostTeachers = await mathTeachers(ctx, [school(m.host)], m.date);
    const meeting = await buildMeeting(ctx.db, {
      hostOrgId: school(m.host),
      schoolYearId: years.ids[year],
      networkId: network.id,
      termNumber: m.date >= `${Number(year.slice(0, 4)) + 1}-01-20` ? 2 : 1,
      kind: m.kind,
      title: m.title,
      content: m.content,
      grade: m.grade,
      mode: m.mode,
      status: m.status,
      startsAt: new Date(`${m.date}T07:30:00+07:00`),
      endsAt: new Date(`${m.date}T11:00:00+07:00`),
      chairPersonId: cc.principals.get(m.host) ?? null,
      // The coming meetings at Tân Thạnh Đông are minuted by the demo team head (their work on the home page).
      secretaryPersonId: (spec.year === 'current' && m.host === 'Tân Thạnh Đông' ? teamHead : undefined) ?? hostTeachers[0]?.id ?? null,
      plannedCount: teachers.length,
      subjectIds: toan ? [toan] : [],
    });
    const central = await buildVenue(ctx.db, {
      meetingId: meeting.id,
      orgId: school(m.host),
      isCentral: true,
      name: `Trường THCS ${m.host} — ${m.room}`,
    });
    let bridgeTeachers = new Set<string>();
    if (m.bridge) {
      const bridge = await buildVenue(ctx.db, {
        meetingId: meeting.id,
        orgId: school(m.bridge.school),
        isCentral: false,
        name: `Điểm cầu Trường THCS ${m.bridge.school}`,
        onlineUrl: m.bridge.url,
      });
      const remote = await mathTeachers(ctx, [school(m.bridge.school)], m.date);
      bridgeTeachers = new Set(remote.map((p) => p.id));
      await buildInvitations(ctx.db, meeting.id, [...bridgeTeachers], bridge.id);
    }
    await buildInvitations(
      ctx.db,
      meeting.id,
      teachers.map((p) => p.id).filter((id) => !bridgeTeachers.has(id)),
      central.id,
    );
    if (m.status === 'held') {
      for (const [i, p] of teachers.entries()) {
        const absence = m.absent?.find((a) => a.index === i);
        await buildAttendance(ctx.db, {
          meetingId: meeting.id,
          personId: p.id,
          venueId: central.id,
          status: absence?.status ?? 'present',
          reason: absence?.reason ?? null,
        });
      }
    }
    if (m.minutes) await signMinutes(ctx, meeting.id, { ...m.minutes, unsigned: [] });
    out.set(m.title, { id: meeting.id, venueId: central.id });
  }
  return out;
}
