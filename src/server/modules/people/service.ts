import { z } from 'zod';
import { OFFICE_TYPES, type OrgType, type Position, SCHOOL_LEVELS, SCHOOL_TYPES } from '../../../shared/enums';
import { orgTypeLabels, positionLabels } from '../../../shared/labels';
import type { PersonPage } from '../../../shared/peopleViews';
import type { PersonInput } from '../../../shared/schemas';
import type { PersonDetail, PersonSummary } from '../../../shared/types';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { todayIso } from '../../lib/dates';
import { fieldError, notFound } from '../../lib/errors';
import { type PickerScope, pickerOrgIds } from '../meetings/pickerScope';
import * as orgsRepo from '../orgs/repo';
import * as schoolYearsRepo from '../schoolYears/repo';
import { authorize, canWritePerson, readableStaffRoots } from './policy';
import * as repo from './repo';

type ParsedPersonInput = Omit<PersonInput, 'subjectIds'> & { subjectIds: string[] };

/** Where each position may be held. */
export const POSITION_ORG_TYPES: Record<Position, readonly OrgType[]> = {
  principal: SCHOOL_TYPES,
  vice_principal: SCHOOL_TYPES,
  team_head: ['team'],
  team_deputy: ['team'],
  teacher: ['team', ...SCHOOL_TYPES],
  office_leader: OFFICE_TYPES,
  specialist: OFFICE_TYPES,
};

/** The orgs whose staff the actor may read: their schools (with teams) and the subtrees they manage; null = all. */
export async function readableOrgIds(db: Executor, actor: Actor, date: string): Promise<string[] | null> {
  const roots = readableStaffRoots(actor);
  return roots === null ? null : orgsRepo.subtreeIds(db, roots, date);
}

/** Adds current positions and subjects to person rows. */
export async function summarize(
  db: Executor,
  rows: Array<{ id: string; code: string | null; fullName: string; email: string | null; phone: string | null }>,
  date: string,
): Promise<PersonSummary[]> {
  const extra = await repo.decorate(
    db,
    rows.map((r) => r.id),
    date,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    fullName: r.fullName,
    email: r.email,
    phone: r.phone,
    positions: extra.positions
      .filter((p) => p.personId === r.id)
      .map(({ orgId, orgName, schoolName, position }) => ({ orgId, orgName, schoolName, position })),
    subjects: extra.subjects.filter((s) => s.personId === r.id).map(({ id, code, name }) => ({ id, code, name })),
  }));
}

type PeopleQuery = {
  q: string;
  orgId?: string;
  position?: Position;
  subjectId?: string;
  meetingId?: string;
  hostOrgId?: string;
  networkId?: string;
  page: number;
  pageSize: number;
  limit?: number;
  cursor?: string;
};

/** A meeting's picker scope from the query, if it carries one (a network needs its host). */
function pickerScopeOf(q: PeopleQuery): PickerScope | null {
  if (q.meetingId) return { meetingId: q.meetingId };
  if (q.hostOrgId) return { hostOrgId: q.hostOrgId, networkId: q.networkId ?? null };
  if (q.networkId) throw fieldError('hostOrgId', 'Hãy chọn đơn vị tổ chức trước khi tìm người trong mạng lưới');
  return null;
}

/**
 * People the actor may read, filtered and paged. With a meeting's scope (the pickers of a meeting), the people of its
 * invitable set instead, whatever their school (the scope is authorised by the meetings policy); their contacts are
 * left out, a picker needs names.
 */
export async function list(db: Executor, actor: Actor, q: PeopleQuery): Promise<PersonPage> {
  const today = todayIso();
  const scope = pickerScopeOf(q);
  let orgIds = scope ? await pickerOrgIds(db, actor, scope) : await readableOrgIds(db, actor, today);
  if (q.orgId) {
    const chain = await orgsRepo.ancestorChain(db, q.orgId, today);
    if (chain.length === 0) throw fieldError('orgId', 'Đơn vị không tồn tại');
    const below = await orgsRepo.subtreeIds(db, [q.orgId], today);
    if (scope && orgIds) {
      const allowed = new Set(orgIds);
      orgIds = below.filter((id) => allowed.has(id));
    } else {
      authorize(actor, 'staff.read', { orgChain: chain });
      orgIds = below;
    }
  }
  const after = decodeCursor(q.cursor, z.tuple([z.string(), z.uuid()]));
  const pageSize = q.limit ?? q.pageSize;
  const { rows, more, total } = await repo.list(db, {
    q: q.q,
    orgIds,
    position: q.position,
    subjectId: q.subjectId,
    date: today,
    limit: pageSize,
    offset: after ? 0 : (q.page - 1) * pageSize,
    after: after ? { fullName: after[0], id: after[1] } : undefined,
  });
  const items = await summarize(db, rows, today);
  const last = rows.at(-1);
  return {
    items: scope ? items.map((p) => ({ ...p, email: null, phone: null })) : items,
    total,
    page: after ? 1 : q.page,
    pageSize,
    nextCursor: more && last ? encodeCursor([last.fullName, last.id]) : null,
  };
}

/** Staff of an org and everything below it (teams of a school), if the actor may see them. */
export async function staffOfOrg(db: Executor, actor: Actor, orgId: string): Promise<PersonSummary[]> {
  const today = todayIso();
  const chain = await orgsRepo.ancestorChain(db, orgId, today);
  if (chain.length === 0) throw notFound('đơn vị');
  authorize(actor, 'staff.read', { orgChain: chain });
  const ids = await orgsRepo.subtreeIds(db, [orgId], today);
  const { rows } = await repo.list(db, { q: '', orgIds: ids, date: today, limit: 2000, offset: 0 });
  return summarize(db, rows, today);
}

async function chainsOf(db: Executor, orgIds: string[]) {
  const chains = await orgsRepo.ancestorChains(db, orgIds, todayIso());
  return orgIds.map((id) => chains.get(id) ?? [id]);
}

/** One person, if the actor may read them. */
export async function get(db: Executor, actor: Actor, id: string): Promise<PersonDetail> {
  const person = await repo.findById(db, id);
  if (!person) throw notFound('người');
  const memberships = await repo.membershipsOf(db, id);
  const chains = await chainsOf(db, [...new Set(memberships.map((m) => m.orgId))]);
  authorize(actor, 'read', { personId: id, orgChains: chains });
  const [summary] = await summarize(db, [person], todayIso());
  return {
    ...summary,
    gender: (person.gender as 'male' | 'female' | null) ?? null,
    teachingLevels: person.teachingLevels,
    memberships,
    hasAccount: await repo.hasAccount(db, id),
    can: { update: canWritePerson(actor, chains) },
  };
}

async function checkPositions(db: Executor, positions: ParsedPersonInput['positions']) {
  const orgIds = [...new Set(positions.map((p) => p.orgId))];
  const orgs = await orgsRepo.summaries(db, orgIds);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  positions.forEach((p, i) => {
    const org = byId.get(p.orgId);
    if (!org) throw fieldError(`positions.${i}.orgId`, 'Đơn vị không tồn tại');
    if (!POSITION_ORG_TYPES[p.position].includes(org.type)) {
      throw fieldError(`positions.${i}.position`, `Chức vụ «${positionLabels[p.position]}» không dùng cho ${orgTypeLabels[org.type]}`);
    }
  });
  return orgIds;
}

function rowOf(input: ParsedPersonInput) {
  return {
    code: input.code ?? null,
    fullName: input.fullName,
    email: input.email?.toLowerCase() ?? null,
    phone: input.phone ?? null,
    gender: input.gender ?? null,
    ...(input.teachingLevels ? { teachingLevels: SCHOOL_LEVELS.filter((l) => input.teachingLevels?.includes(l)) } : {}),
  };
}

function membershipRows(input: ParsedPersonInput) {
  return input.positions.map((p) => ({ orgId: p.orgId, position: p.position, validFrom: p.validFrom ?? null, validTo: p.validTo ?? null }));
}

/** Creates a person with positions and subjects. */
export async function create(tx: Executor, actor: Actor, input: ParsedPersonInput) {
  const orgIds = await checkPositions(tx, input.positions);
  authorize(actor, 'write', { orgChains: await chainsOf(tx, orgIds) });
  if ((await schoolYearsRepo.existingSubjectIds(tx, input.subjectIds)).length !== new Set(input.subjectIds).size) {
    throw fieldError('subjectIds', 'Có môn học không tồn tại');
  }
  const person = await repo.insert(tx, rowOf(input));
  await repo.setMemberships(tx, person.id, membershipRows(input));
  await repo.setSubjects(tx, person.id, [...new Set(input.subjectIds)]);
  await audit(tx, actor, {
    action: 'create',
    entityType: 'person',
    entityId: person.id,
    orgId: orgIds[0] ?? null,
    after: { ...person, positions: input.positions, subjectIds: input.subjectIds },
  });
  return person;
}

/** Updates a person; the actor must manage both the old and the new positions' orgs. */
export async function update(tx: Executor, actor: Actor, id: string, input: ParsedPersonInput) {
  const before = await repo.findById(tx, id);
  if (!before) throw notFound('người');
  const oldMemberships = await repo.membershipsOf(tx, id);
  const newOrgIds = await checkPositions(tx, input.positions);
  const allOrgIds = [...new Set([...oldMemberships.map((m) => m.orgId), ...newOrgIds])];
  authorize(actor, 'write', { orgChains: await chainsOf(tx, allOrgIds) });
  if ((await schoolYearsRepo.existingSubjectIds(tx, input.subjectIds)).length !== new Set(input.subjectIds).size) {
    throw fieldError('subjectIds', 'Có môn học không tồn tại');
  }
  const person = await repo.update(tx, id, rowOf(input));
  await repo.setMemberships(tx, id, membershipRows(input));
  await repo.setSubjects(tx, id, [...new Set(input.subjectIds)]);
  await audit(tx, actor, {
    action: 'update',
    entityType: 'person',
    entityId: id,
    orgId: newOrgIds[0] ?? null,
    before: { ...before, positions: oldMemberships },
    after: { ...person, positions: input.positions, subjectIds: input.subjectIds },
  });
  return person;
}
