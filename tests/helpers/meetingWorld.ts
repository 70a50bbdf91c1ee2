import { eq } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/client';
import { subjects } from '../../src/server/db/schema';
import * as networksRepo from '../../src/server/modules/networks/repo';
import type { MeetingCreateInput } from '../../src/shared/meetings';
import { buildTeam, buildUser } from '../factories';
import { buildWorld } from './world';

/**
 * The policy world plus what meetings need: a network leader, a named chair and secretary, a teacher of the network's
 * other school, a Toán teacher of each of network 1's schools, a team head of a primary school, and a guest teacher
 * of commune 2 (another commune: the bridge rule sends them to a bridge point). Network 1 (commune 1: school 1 and
 * school 1b) is led by `networkLeader`.
 */
export async function buildMeetingWorld(db: Executor) {
  const w = await buildWorld(db);
  const [toan] = await db.select().from(subjects).where(eq(subjects.code, 'toan'));
  const [van] = await db.select().from(subjects).where(eq(subjects.code, 'ngu-van'));
  const team1b = await buildTeam(db, { name: 'Tổ Toán', code: 'TTT-TOAN', parentId: w.orgs.school1b.id });
  const team2b = await buildTeam(db, { name: 'Tổ Toán', code: 'AP-TOAN', parentId: w.orgs.school2b.id });
  const user = (
    fullName: string,
    email: string,
    orgId: string,
    position: 'teacher' | 'team_head' | 'principal',
    subjectIds: string[] = [],
  ) => buildUser(db, { fullName, email, subjectIds, positions: [{ orgId, position }] });
  const networkLeader = await user('Trưởng nhóm Lê Thị Hoa', 'nt@tn.vn', w.orgs.school1b.id, 'principal');
  const chair = await user('Chủ trì Phạm Văn Bình', 'ct@tn.vn', w.orgs.team1.id, 'teacher');
  const secretary = await user('Thư ký Trần Thị Cúc', 'tk@tn.vn', w.orgs.team1.id, 'teacher');
  const networkTeacher = await user('Giáo viên Toán Tân Thạnh Tây', 'gv1b@tn.vn', team1b.id, 'teacher', [toan.id]);
  const vanTeacher = await user('Giáo viên Văn Tân Thạnh Tây', 'gv1v@tn.vn', team1b.id, 'teacher', [van.id]);
  const guest = await user('Giáo viên Toán An Phú', 'gv2b@tn.vn', team2b.id, 'teacher', [toan.id]);
  await networksRepo.setMembersAndLeaders(
    db,
    w.networks.network1.id,
    [w.orgs.school1.id, w.orgs.school1b.id],
    [{ personId: networkLeader.person.id, role: 'leader' }],
  );
  return {
    ...w,
    subjects: { toan, van },
    orgs: { ...w.orgs, team1b, team2b },
    users: { ...w.users, networkLeader, chair, secretary, networkTeacher, vanTeacher, guest },
  };
}

export type MeetingWorld = Awaited<ReturnType<typeof buildMeetingWorld>>;
export type MeetingRole = keyof MeetingWorld['users'];

/** A valid hybrid meeting of network 1 hosted by school 1 on 15/10/2025 (seed 004's timed agenda), with overrides. */
export function meetingInput(w: MeetingWorld, o: Partial<MeetingCreateInput> = {}): MeetingCreateInput {
  return {
    kind: 'dossier_display',
    title: 'Trưng bày hồ sơ tổ chuyên môn và báo cáo video',
    content: 'Các tổ trưởng trình chiếu video clip hoạt động tổ chuyên môn',
    hostOrgId: w.orgs.school1.id,
    networkId: w.networks.network1.id,
    subjectIds: [w.subjects.toan.id],
    grade: 8,
    mode: 'hybrid',
    startsAt: '2025-10-15T07:00:00+07:00',
    endsAt: '2025-10-15T11:00:00+07:00',
    chairPersonId: w.users.chair.person.id,
    secretaryPersonId: w.users.secretary.person.id,
    plannedCount: 30,
    presenters: [{ personId: w.users.teacher.person.id, orgId: w.orgs.team1.id, topic: 'Video hoạt động tổ' }],
    agenda: [
      { startsAt: '07:00', endsAt: '07:30', title: 'Đại biểu tham quan hồ sơ trưng bày của các đơn vị' },
      { startsAt: '07:30', endsAt: '07:45', title: 'Khai mạc sinh hoạt chuyên môn' },
      { startsAt: '07:45', endsAt: '10:30', title: 'Nghe báo cáo trình chiếu của các đơn vị và thảo luận' },
      { startsAt: '10:30', endsAt: '11:00', title: 'Tổng kết' },
    ],
    venues: [],
    ...o,
  };
}
