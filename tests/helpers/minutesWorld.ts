import type { Executor } from '../../src/server/db/client';
import { buildInvitations, buildMeeting, buildTeam, buildUser, buildVenue } from '../factories';
import type { TestApp, TestClient } from './testApp';
import { buildWorld } from './world';

/**
 * The policy world plus what attendance and minutes need: a manager of the network's other school, guest teachers of
 * that school, and helpers that build a hybrid meeting of network 1 hosted by school 1. The meeting's chair is the
 * principal of school 1, its secretary the team head; the teacher and the guests are invited.
 */
export async function buildMinutesWorld(db: Executor, o: { guests?: number } = {}) {
  const w = await buildWorld(db);
  const networkPrincipal = await buildUser(db, {
    fullName: 'Hiệu trưởng Tân Thạnh Tây',
    email: 'ht1b@tn.vn',
    positions: [{ orgId: w.orgs.school1b.id, position: 'principal' }],
  });
  const sameSchoolTeacher = await buildUser(db, {
    fullName: 'Giáo viên không được mời',
    email: 'gv1x@tn.vn',
    positions: [{ orgId: w.orgs.team1.id, position: 'teacher' }],
  });
  const team1b = await buildTeam(db, { name: 'Tổ Toán', code: 'TTT-TOAN', parentId: w.orgs.school1b.id });
  const guests = [];
  for (let i = 0; i < (o.guests ?? 3); i++) {
    guests.push(
      await buildUser(db, {
        fullName: `Giáo viên khách ${String(i + 1).padStart(2, '0')}`,
        email: `khach${i + 1}@tn.vn`,
        positions: [{ orgId: team1b.id, position: 'teacher' }],
      }),
    );
  }
  return { ...w, orgs: { ...w.orgs, team1b }, users: { ...w.users, networkPrincipal, sameSchoolTeacher }, guests };
}

export type MinutesWorld = Awaited<ReturnType<typeof buildMinutesWorld>>;
export type MinutesRole = keyof MinutesWorld['users'];

/** A hybrid meeting of network 1 (central venue at school 1, a bridge point at school 1b) with invitations. */
export async function buildMinutesMeeting(
  db: Executor,
  w: MinutesWorld,
  o: { startsAt?: Date; endsAt?: Date; guests?: MinutesWorld['guests']; title?: string } = {},
) {
  const startsAt = o.startsAt ?? new Date(Date.now() - 3 * 3_600_000);
  const meeting = await buildMeeting(db, {
    hostOrgId: w.orgs.school1.id,
    schoolYearId: w.year.id,
    networkId: w.networks.network1.id,
    mode: 'hybrid',
    title: o.title ?? 'Thao giảng môn Toán 8 liên trường',
    startsAt,
    endsAt: o.endsAt ?? new Date(startsAt.getTime() + 2 * 3_600_000),
    chairPersonId: w.users.principal.person.id,
    secretaryPersonId: w.users.teamHead.person.id,
    plannedCount: 6,
  });
  const central = await buildVenue(db, { meetingId: meeting.id, orgId: w.orgs.school1.id, name: 'Trường THCS Tân Thạnh Đông' });
  const bridge = await buildVenue(db, {
    meetingId: meeting.id,
    orgId: w.orgs.school1b.id,
    isCentral: false,
    name: 'Điểm cầu Tân Thạnh Tây',
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/thu',
  });
  await buildInvitations(db, meeting.id, [w.users.teacher.person.id, w.users.teamHead.person.id], central.id);
  const guests = o.guests ?? w.guests;
  await buildInvitations(
    db,
    meeting.id,
    guests.map((g) => g.person.id),
    bridge.id,
  );
  return { meeting, central, bridge, guests };
}

/** Logs users in once per test file and keeps their clients. */
export function clientPool(t: TestApp) {
  const pool = new Map<string, Promise<TestClient>>();
  return (user: { email: string; password: string }): Promise<TestClient> => {
    let c = pool.get(user.email);
    if (!c) {
      c = t.client().login(user.email, user.password);
      pool.set(user.email, c);
    }
    return c;
  };
}
