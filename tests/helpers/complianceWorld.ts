import type { Executor } from '../../src/server/db/client';
import { reports } from '../../src/server/db/schema';
import * as orgsRepo from '../../src/server/modules/orgs/repo';
import * as schoolYearsRepo from '../../src/server/modules/schoolYears/repo';
import {
  buildAttendance,
  buildInvitations,
  buildMeeting,
  buildMinutes,
  buildNetwork,
  buildPerson,
  buildPlan,
  buildPlanItem,
  buildRuleSet,
} from '../factories';
import { buildPlanWorld } from './planWorld';

/** A meeting time on a day, Vietnam time. */
const at = (day: string, hour = '07:30') => new Date(`${day}T${hour}:00+07:00`);

/**
 * A known term 1 of 2025-2026, looked at on 10/12/2025, for the compliance dashboard. Sở rules: the Củ Chi preset
 * (cluster 1 a term, school group 2 a term per subject, team every 14 days, term-1 report due 20/12) with plans due 15/9.
 * - network 1 (group, commune 1): approved plan for Ngữ văn and Toán; 3 held — Ngữ văn, Toán (locked minutes), and
 *   one on both subjects — so each subject met twice → on track (2 + 2 of 2 × 2); report submitted;
 * - network 2 (group, commune 2): plan for Toán submitted (awaiting review); held 1 Toán (locked minutes) and 1 Ngữ
 *   văn (outside its plan), 1 cancelled, 1 held before the term, 1 scheduled 05/01 → behind in Toán (1 of 2),
 *   although its total of 2 held meetings would have met "2 a term" for the group as a whole; report in draft;
 * - cluster (Sở, schools 1 and 2): nothing held, 1 scheduled 20/12, no plan → behind, plan overdue by 86 days;
 * - team 1 (Toán): 5 own meetings + network 1's locked Toán meeting = 6 = 90 school days ÷ 14 → on track;
 *   team 2 (Toán): 2 own + network 2's locked Toán meeting = 3 < 6 → behind;
 * - participation: network 1's meetings — Ngữ văn 3 of 4 present, Toán 2 of 2 (one late); 5 of 6 overall.
 */
export async function buildComplianceWorld(db: Executor) {
  const w = await buildPlanWorld(db);
  const { orgs, year, networks, users } = w;
  const subjects = new Map((await schoolYearsRepo.listSubjects(db)).map((s) => [s.code, s.id]));
  const toan = subjects.get('toan') as string;
  const van = subjects.get('ngu-van') as string;
  await orgsRepo.setSubjects(db, orgs.team1.id, [toan]);
  await orgsRepo.setSubjects(db, orgs.team2.id, [toan]);
  await buildRuleSet(db, { orgId: orgs.province.id, schoolYearId: year.id, preset: 'cu_chi', planDueDate: '2025-09-15' });

  const cluster = await buildNetwork(db, {
    kind: 'cluster',
    name: 'Cụm 01 thử nghiệm',
    schoolYearId: year.id,
    supervisingOrgId: orgs.province.id,
    memberOrgIds: [orgs.school1.id, orgs.school2.id],
    leadOrgId: orgs.school2.id,
  });
  const base = { schoolYearId: year.id, termNumber: 1 };
  const n1 = networks.network1.id;
  const n2 = networks.network2.id;

  // network 1: two held meetings
  const n1a = await buildMeeting(db, {
    ...base,
    networkId: n1,
    hostOrgId: orgs.school1.id,
    status: 'held',
    startsAt: at('2025-10-08'),
    subjectIds: [van],
  });
  const n1b = await buildMeeting(db, {
    ...base,
    networkId: n1,
    hostOrgId: orgs.school1b.id,
    status: 'minutes_locked',
    startsAt: at('2025-11-19'),
    subjectIds: [toan],
  });
  const p1b = await buildPerson(db, { fullName: 'Giáo viên 1b', positions: [{ orgId: orgs.school1b.id, position: 'teacher' }] });
  await buildInvitations(db, n1a.id, [users.teacher.person.id, users.principal.person.id, p1b.id, users.otherTeacher.person.id]);
  for (const p of [users.teacher.person.id, users.principal.person.id, p1b.id])
    await buildAttendance(db, { meetingId: n1a.id, personId: p });
  await buildAttendance(db, { meetingId: n1a.id, personId: users.otherTeacher.person.id, status: 'excused', reason: 'Ốm' });
  await buildInvitations(db, n1b.id, [users.teacher.person.id, p1b.id]);
  await buildAttendance(db, { meetingId: n1b.id, personId: users.teacher.person.id });
  await buildAttendance(db, { meetingId: n1b.id, personId: p1b.id, status: 'late' });
  // Locked last: a meeting whose minutes are locked refuses new invitations and attendance (decision 0024).
  await buildMinutes(db, { meetingId: n1b.id, status: 'locked' });
  // a meeting on both subjects (no one invited by name: participation unchanged); counts once for each subject
  const n1c = await buildMeeting(db, {
    ...base,
    networkId: n1,
    hostOrgId: orgs.school1.id,
    status: 'held',
    startsAt: at('2025-11-26'),
    subjectIds: [van, toan],
  });

  // network 2: one held (locked minutes, Toán), one cancelled, one before the term, one scheduled in January
  const n2a = await buildMeeting(db, {
    ...base,
    networkId: n2,
    hostOrgId: orgs.school2.id,
    status: 'held',
    startsAt: at('2025-10-22'),
    subjectIds: [toan],
  });
  await buildMinutes(db, { meetingId: n2a.id, status: 'locked' });
  await buildMeeting(db, { ...base, networkId: n2, hostOrgId: orgs.school2b.id, status: 'cancelled', startsAt: at('2025-11-26') });
  // a held Ngữ văn meeting: not a subject of network 2's plan, so it does not make up for Toán
  await buildMeeting(db, {
    ...base,
    networkId: n2,
    hostOrgId: orgs.school2b.id,
    status: 'held',
    startsAt: at('2025-11-12'),
    subjectIds: [van],
  });
  await buildMeeting(db, { ...base, networkId: n2, hostOrgId: orgs.school2.id, status: 'held', startsAt: at('2025-09-03') });
  const n2next = await buildMeeting(db, {
    ...base,
    networkId: n2,
    hostOrgId: orgs.school2b.id,
    status: 'scheduled',
    startsAt: at('2026-01-05'),
  });

  // cluster: only a scheduled meeting
  const clusterNext = await buildMeeting(db, { ...base, networkId: cluster.id, hostOrgId: orgs.school2.id, startsAt: at('2025-12-20') });

  // teams' own meetings
  for (const day of ['2025-09-17', '2025-10-01', '2025-10-15', '2025-10-29', '2025-11-26'])
    await buildMeeting(db, { ...base, hostOrgId: orgs.team1.id, status: 'held', startsAt: at(day, '14:00') });
  for (const day of ['2025-09-24', '2025-11-05'])
    await buildMeeting(db, { ...base, hostOrgId: orgs.team2.id, status: 'held', startsAt: at(day, '14:00') });
  const teamNext = await buildMeeting(db, { ...base, hostOrgId: orgs.team1.id, startsAt: at('2025-12-15', '14:00') });
  await buildMeeting(db, { ...base, termNumber: 2, hostOrgId: orgs.team1.id, startsAt: at('2026-02-02', '14:00') });

  // plans and reports
  const plan1 = await buildPlan(db, { schoolYearId: year.id, reviewerOrgId: orgs.commune1.id, networkId: n1, status: 'approved' });
  const plan2 = await buildPlan(db, { schoolYearId: year.id, reviewerOrgId: orgs.commune2.id, networkId: n2, status: 'submitted' });
  for (const [i, s] of [van, van, toan, toan].entries()) await buildPlanItem(db, { planId: plan1.id, subjectIds: [s], sortOrder: i });
  for (const i of [0, 1]) await buildPlanItem(db, { planId: plan2.id, subjectIds: [toan], sortOrder: i });
  await db.insert(reports).values([
    { networkId: n1, schoolYearId: year.id, termNumber: 1, status: 'submitted', reviewerOrgId: orgs.commune1.id },
    { networkId: n2, schoolYearId: year.id, termNumber: 1, status: 'draft', reviewerOrgId: orgs.commune2.id },
  ]);
  return { ...w, cluster, plan1, plan2, meetings: { n1a, n1b, n1c, n2a, n2next, clusterNext, teamNext }, subjects: { toan, van } };
}

export type ComplianceWorld = Awaited<ReturnType<typeof buildComplianceWorld>>;
