import type { Executor } from '../../src/server/db/client';
import { buildInvitations, buildLessonStudy, buildMeeting, buildPresenter } from '../factories';
import { buildMinutesWorld, type MinutesWorld } from './minutesWorld';

/**
 * The minutes world plus a lesson-study meeting of network 1 hosted by school 1, running now (started an hour ago,
 * ends in an hour): chair = principal of school 1, secretary = team head, the teacher teaches (presenter), guest 1
 * (another school of the network) is invited as an observer. Outside the study group: the same-school teacher who is
 * not invited, the other commune's teacher and principal, and the principal of the network's other school.
 */
export async function buildLessonStudyWorld(db: Executor) {
  const w = await buildMinutesWorld(db, { guests: 2 });
  return w;
}

/** A lesson-study meeting as described above, with a 4 × 6 seating map unless `layout: null`. */
export async function buildStudyMeeting(
  db: Executor,
  w: MinutesWorld,
  o: { layout?: null; kind?: 'lesson_study' | 'demo_lesson'; startsAt?: Date; endsAt?: Date } = {},
) {
  const startsAt = o.startsAt ?? new Date(Date.now() - 3_600_000);
  const meeting = await buildMeeting(db, {
    hostOrgId: w.orgs.school1.id,
    schoolYearId: w.year.id,
    networkId: w.networks.network1.id,
    kind: o.kind ?? 'lesson_study',
    title: 'Nghiên cứu bài học: Hàm số bậc nhất (Toán 9)',
    startsAt,
    endsAt: o.endsAt ?? new Date(startsAt.getTime() + 2 * 3_600_000),
    chairPersonId: w.users.principal.person.id,
    secretaryPersonId: w.users.teamHead.person.id,
  });
  await buildPresenter(db, { meetingId: meeting.id, personId: w.users.teacher.person.id });
  await buildInvitations(db, meeting.id, [w.users.teamHead.person.id, w.guests[0].person.id]);
  if (o.layout !== null) await buildLessonStudy(db, { meetingId: meeting.id, layout: { kind: 'grid', rows: 4, cols: 6 } });
  return meeting;
}
