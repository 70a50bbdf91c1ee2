import type { Executor } from '../../src/server/db/client';
import * as networksRepo from '../../src/server/modules/networks/repo';
import { buildUser } from '../factories';
import { buildWorld } from './world';

/**
 * The policy world plus what plans need: a named leader of network 1 ("Nhóm xã 1", lead school 1, supervised by
 * commune 1) who teaches at school 1b, and a teacher of school 1b.
 */
export async function buildPlanWorld(db: Executor) {
  const w = await buildWorld(db);
  const networkLeader = await buildUser(db, {
    fullName: 'Nhóm trưởng 1',
    email: 'nt1@tn.vn',
    positions: [{ orgId: w.orgs.school1b.id, position: 'teacher' }],
  });
  await networksRepo.setMembersAndLeaders(
    db,
    w.networks.network1.id,
    [w.orgs.school1.id, w.orgs.school1b.id],
    [{ personId: networkLeader.person.id, role: 'leader' }],
  );
  return { ...w, users: { ...w.users, networkLeader } };
}

export type PlanWorld = Awaited<ReturnType<typeof buildPlanWorld>>;
export type PlanRole = keyof PlanWorld['users'];

/** A valid plan item body (a demo lesson at school 1 in term 1 of 2025-2026). */
export function planItemBody(w: PlanWorld, over: Record<string, unknown> = {}) {
  return {
    kind: 'demo_lesson',
    grade: 8,
    content: 'Thao giảng môn Toán 8: Định lý Pythagore',
    hostOrgId: w.orgs.school1.id,
    presenterPersonId: w.users.teacher.person.id,
    presenterOrgId: w.orgs.school1.id,
    proposedDate: '2025-10-15',
    proposedTime: '07:30',
    place: 'Phòng học 8A1',
    mode: 'in_person',
    plannedCount: 25,
    ...over,
  };
}

/** A valid new plan body for network 1 in term 1, with the given items (one demo lesson by default). */
export function planBody(w: PlanWorld, over: Record<string, unknown> = {}) {
  return {
    networkId: w.networks.network1.id,
    schoolYearId: w.year.id,
    termNumber: 1,
    title: 'Kế hoạch SHCM liên trường học kỳ I',
    notes: 'Theo Công văn 140/PGDĐT',
    items: [planItemBody(w)],
    ...over,
  };
}
