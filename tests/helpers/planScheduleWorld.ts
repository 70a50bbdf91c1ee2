import { eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../src/server/db/client';
import { orgs } from '../../src/server/db/schema';
import * as orgsRepo from '../../src/server/modules/orgs/repo';
import * as peopleRepo from '../../src/server/modules/people/repo';
import * as schoolYearsRepo from '../../src/server/modules/schoolYears/repo';
import { buildTeam, buildUser } from '../factories';
import { buildPlanWorld, type PlanWorld, planBody, planItemBody } from './planWorld';
import type { TestApp, TestClient } from './testApp';

/**
 * The plan world plus what "Lên lịch theo kế hoạch" reads: school 1 has an address, its team 1 (Toán) is led by the
 * team head, the teacher teaches Toán; school 1b has a Toán team with a teacher of Toán; the network leader chairs.
 */
export async function buildScheduleWorld(db: Executor) {
  const w = await buildPlanWorld(db);
  const subjects = new Map((await schoolYearsRepo.listSubjects(db)).map((s) => [s.code, s.id]));
  const toan = subjects.get('toan') as string;
  const van = subjects.get('ngu-van') as string;
  await db.update(orgs).set({ address: 'Ấp Cây Sộp, xã Tân Thạnh Đông' }).where(eq(orgs.id, w.orgs.school1.id));
  await orgsRepo.setSubjects(db, w.orgs.team1.id, [toan]);
  await peopleRepo.setSubjects(db, w.users.teacher.person.id, [toan]);
  const team1b = await buildTeam(db, { name: 'Tổ Toán', code: 'TTT-TOAN', parentId: w.orgs.school1b.id, subjectIds: [toan] });
  const teacher1b = await buildUser(db, {
    fullName: 'Giáo viên Toán Tân Thạnh Tây',
    email: 'gv1b@tn.vn',
    positions: [{ orgId: team1b.id, position: 'teacher' }],
    subjectIds: [toan],
  });
  const vanTeacher = await buildUser(db, {
    fullName: 'Giáo viên Văn Tân Thạnh Tây',
    email: 'gvvan@tn.vn',
    positions: [{ orgId: team1b.id, position: 'teacher' }],
    subjectIds: [van],
  });
  return { ...w, subjects: { toan, van }, orgs: { ...w.orgs, team1b }, users: { ...w.users, teacher1b, vanTeacher } };
}

export type ScheduleWorld = Awaited<ReturnType<typeof buildScheduleWorld>>;

/**
 * A plan of network 1 for term 1 drafted by its leader, submitted and approved by the commune through the API: a Toán
 * 8 demo lesson at school 1 (room 8A1), a hybrid Toán 9 topic report at school 1b at 13:30, and an item with no date.
 */
export async function approvedPlan(w: ScheduleWorld, leader: TestClient, reviewer: TestClient) {
  const items = [
    planItemBody(w as PlanWorld, { subjectIds: [w.subjects.toan] }),
    planItemBody(w as PlanWorld, {
      kind: 'topic_report',
      grade: 9,
      content: 'Chuyên đề: dạy học giải quyết vấn đề môn Toán 9',
      hostOrgId: w.orgs.school1b.id,
      presenterPersonId: w.users.teacher1b.person.id,
      presenterOrgId: w.orgs.school1b.id,
      subjectIds: [w.subjects.toan],
      proposedDate: '2025-11-12',
      proposedTime: '13:30',
      place: null,
      mode: 'hybrid',
    }),
    planItemBody(w as PlanWorld, { content: 'Sinh hoạt chung chưa chọn ngày', proposedDate: null, subjectIds: [] }),
  ];
  const created = await leader.post('/api/plans', planBody(w as PlanWorld, { items }));
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json().id as string;
  for (const [c, url] of [
    [leader, `/api/plans/${id}/submit`],
    [reviewer, `/api/plans/${id}/approve`],
  ] as const) {
    const res = await c.post(url, {});
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  const plan = (await leader.get(`/api/plans/${id}`)).json();
  return { id, itemIds: plan.items.map((i: { id: string }) => i.id) as string[] };
}

/** Counts meetings linked to items of a plan (as the database holds them). */
export async function meetingsOfPlan(t: TestApp, planId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from meetings m join plan_items i on i.id = m.plan_item_id where i.plan_id = ${planId}`,
  );
  return row.n;
}
