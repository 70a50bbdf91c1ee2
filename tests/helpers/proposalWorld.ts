import type { Executor } from '../../src/server/db/client';
import * as networksRepo from '../../src/server/modules/networks/repo';
import * as schoolYearsRepo from '../../src/server/modules/schoolYears/repo';
import { buildNetwork, buildPerson, buildRuleSet, buildSchool, buildSchoolYear, buildTeam } from '../factories';
import { buildPlanWorld } from './planWorld';

/** The teams of a Củ Chi THCS school and their subjects (seed 001's school groups meet per subject). */
const TEAMS = [
  { name: 'Tổ Toán - Tin', subjects: ['toan', 'tin-hoc'] },
  { name: 'Tổ Ngữ văn - GDCD', subjects: ['ngu-van', 'gdcd'] },
  { name: 'Tổ Khoa học tự nhiên', subjects: ['khtn'] },
];

/**
 * The plan world (2025-2026) made into a Củ Chi school group: network 1 ("Nhóm xã 1", lead school 1, supervised by
 * commune 1) gets a third school, every member school gets three subject teams (five subjects), commune 1 takes the
 * Củ Chi rules (school groups 2 a term, cluster 1 a term, default Tết and exam breaks). Also the next school year
 * 2026-2027 (without the network, until a test rolls it over) and a cluster of commune 1.
 */
export async function buildProposalWorld(db: Executor) {
  const w = await buildPlanWorld(db);
  const school1c = await buildSchool(db, { name: 'Trường THCS Tân Phú Trung', code: 'THCS-TPT', parentId: w.orgs.commune1.id });
  const members = [w.orgs.school1.id, w.orgs.school1b.id, school1c.id];
  await networksRepo.setMembersAndLeaders(db, w.networks.network1.id, members, [
    { personId: w.users.networkLeader.person.id, role: 'leader' },
  ]);
  const subjects = new Map((await schoolYearsRepo.listSubjects(db)).map((s) => [s.code, s]));
  const toanId = subjects.get('toan')?.id as string;
  for (const [k, schoolId] of members.entries()) {
    for (const t of TEAMS) {
      const team = await buildTeam(db, {
        name: t.name,
        parentId: schoolId,
        subjectIds: t.subjects.map((c) => subjects.get(c)?.id as string),
      });
      // Toán teachers: two at school 1, one at school 1b, none at school 1c (3 planned per Toán meeting).
      if (t.subjects[0] === 'toan') {
        for (let i = 0; i < [2, 1, 0][k]; i++)
          await buildPerson(db, { positions: [{ orgId: team.id, position: 'teacher' }], subjectIds: [toanId] });
      }
    }
  }
  const rules = await buildRuleSet(db, { orgId: w.orgs.commune1.id, schoolYearId: w.year.id, preset: 'cu_chi' });
  const nextYear = await buildSchoolYear(db, { code: '2026-2027' });
  const cluster = await buildNetwork(db, {
    kind: 'cluster',
    name: 'Cụm 01 xã 1',
    schoolYearId: w.year.id,
    supervisingOrgId: w.orgs.commune1.id,
    memberOrgIds: members,
    leadOrgId: w.orgs.school1.id,
  });
  const terms = await schoolYearsRepo.listWithTerms(db);
  const termOf = (yearId: string, n: 1 | 2) => {
    const term = terms.find((y) => y.id === yearId)?.terms.find((x) => x.number === n);
    if (!term) throw new Error(`no term ${n} of ${yearId}`);
    return term;
  };
  return {
    ...w,
    orgs: { ...w.orgs, school1c },
    members,
    subjects,
    rules,
    nextYear,
    cluster,
    terms: { t1: termOf(w.year.id, 1), t2: termOf(w.year.id, 2), next1: termOf(nextYear.id, 1), next2: termOf(nextYear.id, 2) },
  };
}

export type ProposalWorld = Awaited<ReturnType<typeof buildProposalWorld>>;
