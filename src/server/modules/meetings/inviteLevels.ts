import { eq, inArray } from 'drizzle-orm';
import type { Position, SchoolLevel } from '../../../shared/enums';
import type { InvitationRule } from '../../../shared/meetings';
import { gradeLevel, teachingLevels } from '../../../shared/teachingLevels';
import type { Executor } from '../../db/client';
import { orgSubjects, people, personSubjects, subjects } from '../../db/schema';
import { fieldError } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';

/** Positions whose holders are filtered by the levels they teach; the others by their school's levels. */
const TEACHING: readonly Position[] = ['teacher', 'team_head', 'team_deputy'];
const SCHOOLS = ['school', 'center'];

/**
 * The levels a rule keeps: its own `levels` when given (empty = every level), else the level of its grade, else of the
 * meeting's grade (a grade-8 meeting invites THCS), else every level. A grade outside the given levels is refused.
 */
export function ruleLevels(rule: InvitationRule, meetingGrade: number | null): SchoolLevel[] {
  const ofGrade = rule.grade ? gradeLevel(rule.grade) : null;
  if (rule.levels) {
    if (ofGrade && rule.levels.length > 0 && !rule.levels.includes(ofGrade))
      throw fieldError('rule.grade', `Khối ${rule.grade} không thuộc cấp học đã chọn`);
    return [...new Set(rule.levels)];
  }
  if (ofGrade) return [ofGrade];
  return meetingGrade ? [gradeLevel(meetingGrade)] : [];
}

export interface Holder {
  personId: string;
  orgId: string;
  position: Position;
}

function codesBy<K extends string>(rows: Array<Record<K, string> & { code: string }>, key: K) {
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r[key], [...(out.get(r[key]) ?? []), r.code]);
  return out;
}

/** What the level of each holder is read from: orgs, their schools on the day, stated levels, subjects. */
async function factsOf(db: Executor, holders: Holder[], day: string) {
  const orgIds = [...new Set(holders.map((h) => h.orgId))];
  const personIds = [...new Set(holders.map((h) => h.personId))];
  const own = await orgsRepo.summaries(db, orgIds);
  const teamIds = own.filter((o) => o.type === 'team').map((o) => o.id);
  const chains = await orgsRepo.ancestorChains(db, teamIds, day);
  const schoolOf = new Map(teamIds.map((id) => [id, chains.get(id)?.[1]]));
  const parents = await orgsRepo.summaries(db, [...new Set([...schoolOf.values()].filter((id): id is string => !!id))]);
  const [stated, subjectRows, teamSubjectRows] = await Promise.all([
    personIds.length ? db.select({ id: people.id, levels: people.teachingLevels }).from(people).where(inArray(people.id, personIds)) : [],
    personIds.length
      ? db
          .select({ personId: personSubjects.personId, code: subjects.code })
          .from(personSubjects)
          .innerJoin(subjects, eq(subjects.id, personSubjects.subjectId))
          .where(inArray(personSubjects.personId, personIds))
      : [],
    teamIds.length
      ? db
          .select({ orgId: orgSubjects.orgId, code: subjects.code })
          .from(orgSubjects)
          .innerJoin(subjects, eq(subjects.id, orgSubjects.subjectId))
          .where(inArray(orgSubjects.orgId, teamIds))
      : [],
  ]);
  return {
    org: new Map([...own, ...parents].map((o) => [o.id, o])),
    schoolOf,
    stated: new Map(stated.map((s) => [s.id, s.levels])),
    subjects: codesBy(subjectRows, 'personId'),
    teamSubjects: codesBy(teamSubjectRows, 'orgId'),
  };
}

/**
 * Keeps the holders a level filter lets through, by person: office staff always; at a school (or its team) only when
 * the school spans one of the levels; there, teachers, team heads and deputies only when they teach one of them — or
 * when the app cannot tell which levels they teach (`unknown`: kept, and reported, rather than silently dropped).
 */
export async function filterByLevel(
  db: Executor,
  holders: Holder[],
  levels: readonly SchoolLevel[],
  day: string,
): Promise<{ kept: string[]; unknown: string[] }> {
  const everyone = [...new Set(holders.map((h) => h.personId))];
  if (levels.length === 0 || holders.length === 0) return { kept: everyone, unknown: [] };
  const f = await factsOf(db, holders, day);
  const sure = new Set<string>();
  const unsure = new Set<string>();
  const meets = (ls: readonly SchoolLevel[]) => ls.some((l) => levels.includes(l));
  for (const h of holders) {
    const org = f.org.get(h.orgId);
    if (!org) continue;
    const isTeam = org.type === 'team';
    if (!isTeam && !SCHOOLS.includes(org.type)) {
      sure.add(h.personId);
      continue;
    }
    const school = isTeam ? f.org.get(f.schoolOf.get(h.orgId) ?? '') : org;
    const schoolLevels = school?.levels ?? [];
    if (schoolLevels.length > 0 && !meets(schoolLevels)) continue;
    if (!TEACHING.includes(h.position)) {
      sure.add(h.personId);
      continue;
    }
    const taught = teachingLevels({
      stated: f.stated.get(h.personId) ?? [],
      schoolLevels,
      team: isTeam ? { levels: org.levels, name: org.name } : null,
      subjectCodes: f.subjects.get(h.personId) ?? [],
      teamSubjectCodes: isTeam ? (f.teamSubjects.get(h.orgId) ?? []) : [],
    });
    if (taught === null) unsure.add(h.personId);
    else if (meets(taught)) sure.add(h.personId);
  }
  const unknown = [...unsure].filter((id) => !sure.has(id));
  return { kept: [...sure, ...unknown], unknown };
}
