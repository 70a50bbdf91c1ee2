import { randomBytes } from 'node:crypto';
import type { Executor } from '../../src/server/db/client';
import { hashPassword } from '../../src/server/lib/auth';
import * as accountsRepo from '../../src/server/modules/accounts/repo';
import * as networksRepo from '../../src/server/modules/networks/repo';
import * as orgsRepo from '../../src/server/modules/orgs/repo';
import * as peopleRepo from '../../src/server/modules/people/repo';
import * as schoolYearsRepo from '../../src/server/modules/schoolYears/repo';
import type { NetworkKind, NetworkRole, OrgType, Position, SchoolLevel } from '../../src/shared/enums';

/**
 * Factories with overrides: every test record and the demo data are built with these.
 * They write through the repos (no policy checks, no audit): they stand for data that already exists.
 */

let seq = 0;
const next = () => `${++seq}${randomBytes(2).toString('hex')}`;

export interface OrgOverrides {
  code?: string;
  name?: string;
  shortName?: string | null;
  type?: OrgType;
  levels?: SchoolLevel[];
  address?: string | null;
  parentId?: string | null;
  /** Parent link validity (default: from 2000-01-01, open-ended). */
  linkFrom?: string;
  linkTo?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  subjectIds?: string[];
}

/** An org of any type (default: a THCS school), linked to its parent when parentId is given. */
export async function buildOrg(db: Executor, o: OrgOverrides = {}) {
  const type = o.type ?? 'school';
  const n = next();
  const org = await orgsRepo.insert(db, {
    code: o.code ?? `ORG-${n}`,
    name: o.name ?? `Trường THCS Thử nghiệm ${n}`,
    shortName: o.shortName ?? null,
    type,
    levels: o.levels ?? (type === 'school' ? ['lower_secondary'] : []),
    address: o.address ?? null,
    validFrom: o.validFrom ?? null,
    validTo: o.validTo ?? null,
  });
  if (o.parentId)
    await orgsRepo.insertLink(db, {
      orgId: org.id,
      parentId: o.parentId,
      validFrom: o.linkFrom ?? '2000-01-01',
      validTo: o.linkTo ?? null,
    });
  if (o.subjectIds?.length) await orgsRepo.setSubjects(db, org.id, o.subjectIds);
  return org;
}

/** A school (default THCS) under a parent. */
export function buildSchool(db: Executor, o: OrgOverrides = {}) {
  return buildOrg(db, { type: 'school', ...o });
}

/** A subject team inside a school. */
export function buildTeam(db: Executor, o: OrgOverrides & { parentId: string }) {
  return buildOrg(db, { type: 'team', name: o.name ?? `Tổ Toán - Tin ${next()}`, ...o });
}

/** Adds a parent link to an existing org (e.g. after the 2025 reform). */
export function linkOrg(db: Executor, orgId: string, parentId: string, validFrom: string, validTo: string | null = null) {
  return orgsRepo.insertLink(db, { orgId, parentId, validFrom, validTo });
}

export interface PersonOverrides {
  code?: string | null;
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  gender?: 'male' | 'female' | null;
  teachingLevels?: SchoolLevel[];
  positions?: Array<{ orgId: string; position: Position; validFrom?: string | null; validTo?: string | null }>;
  subjectIds?: string[];
}

/** A person with positions and subjects. */
export async function buildPerson(db: Executor, o: PersonOverrides = {}) {
  const n = next();
  const person = await peopleRepo.insert(db, {
    code: o.code === undefined ? `GV-${n}` : o.code,
    fullName: o.fullName ?? `Nguyễn Văn Thử ${n}`,
    email: o.email === undefined ? `nguoi${n}@truong.edu.vn` : o.email,
    phone: o.phone ?? null,
    gender: o.gender ?? null,
    teachingLevels: o.teachingLevels ?? [],
  });
  await peopleRepo.setMemberships(
    db,
    person.id,
    (o.positions ?? []).map((p) => ({ orgId: p.orgId, position: p.position, validFrom: p.validFrom ?? null, validTo: p.validTo ?? null })),
  );
  if (o.subjectIds?.length) await peopleRepo.setSubjects(db, person.id, o.subjectIds);
  return person;
}

const hashCache = new Map<string, Promise<string>>();

/** An account for a person; the password hash is computed once per password and reused. */
export async function buildAccount(
  db: Executor,
  o: { personId: string; email: string; password?: string; isAdmin?: boolean; disabled?: boolean },
) {
  const password = o.password ?? 'matkhau123';
  if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
  const passwordHash = await (hashCache.get(password) as Promise<string>);
  return accountsRepo.insert(db, {
    personId: o.personId,
    email: o.email.toLowerCase(),
    passwordHash,
    isAdmin: o.isAdmin ?? false,
    disabledAt: o.disabled ? new Date() : null,
  });
}

/** A person with an account, in one call. Returns the person, the account and the password. */
export async function buildUser(db: Executor, o: PersonOverrides & { password?: string; isAdmin?: boolean } = {}) {
  const person = await buildPerson(db, o);
  const email = person.email ?? `user${next()}@lientruong.local`;
  const password = o.password ?? 'matkhau123';
  const account = await buildAccount(db, { personId: person.id, email, password, isAdmin: o.isAdmin });
  return { person, account, email, password };
}

/**
 * A school year (default 2024-2025) with its two terms: 5/9 → 17/1 and 20/1 → 31/5, unless startDate or endDate
 * move the year's first or last day (the first term starts, the second ends, with it).
 */
export async function buildSchoolYear(db: Executor, o: { code?: string; startYear?: number; startDate?: string; endDate?: string } = {}) {
  const start = o.startYear ?? Number((o.code ?? '2024-2025').slice(0, 4));
  const code = o.code ?? `${start}-${start + 1}`;
  const first = o.startDate ?? `${start}-09-05`;
  const last = o.endDate ?? `${start + 1}-05-31`;
  return schoolYearsRepo.insert(db, { code, startDate: first, endDate: last }, [
    { number: 1, startDate: first, endDate: `${start + 1}-01-17` },
    { number: 2, startDate: `${start + 1}-01-20`, endDate: last },
  ]);
}

/** A network with members and leaders. */
export async function buildNetwork(
  db: Executor,
  o: {
    schoolYearId: string;
    supervisingOrgId: string;
    memberOrgIds: string[];
    kind?: NetworkKind;
    name?: string;
    leadOrgId?: string | null;
    parentNetworkId?: string | null;
    leaders?: Array<{ personId: string; role: NetworkRole }>;
    decisionNumber?: string | null;
    decisionDate?: string | null;
    leadershipMode?: 'named' | 'rotating';
    description?: string | null;
  },
) {
  const network = await networksRepo.insert(db, {
    kind: o.kind ?? 'school_group',
    name: o.name ?? `Nhóm liên trường ${next()}`,
    schoolYearId: o.schoolYearId,
    supervisingOrgId: o.supervisingOrgId,
    leadOrgId: o.leadOrgId ?? null,
    parentNetworkId: o.parentNetworkId ?? null,
    decisionNumber: o.decisionNumber ?? null,
    decisionDate: o.decisionDate ?? null,
    leadershipMode: o.leadershipMode ?? 'named',
    description: o.description ?? null,
  });
  await networksRepo.setMembersAndLeaders(db, network.id, o.memberOrgIds, o.leaders ?? []);
  return network;
}
export * from './lessonStudy';
export * from './meetings';
export * from './panels';
export * from './programme';
export * from './reviews';
export * from './rules';
