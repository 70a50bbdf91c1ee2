import type { Rubric, RubricGroup, RubricInput, RubricPurpose } from '../../../shared/rubrics';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, fieldError, notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { authorize, canEdit, canRead } from './policy';
import { RUBRIC_PRESETS } from './presets';
import * as repo from './repo';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

/** Gives every group and criterion a stable key (g1, g1c2…) and every criterion its levels list. */
export function normaliseGroups(groups: RubricInput['groups']): RubricGroup[] {
  return groups.map((g, gi) => ({
    key: g.key ?? `g${gi + 1}`,
    title: g.title,
    criteria: g.criteria.map((c, ci) => ({
      key: c.key ?? `g${gi + 1}c${ci + 1}`,
      title: c.title,
      maxPoints: c.maxPoints,
      levels: (c.levels ?? []).map((l) => ({ label: l.label, points: l.points, description: l.description ?? null })),
    })),
  }));
}

/** Sum of the criteria's maximum points. */
export function maxTotal(groups: RubricGroup[]): number {
  return groups.reduce((s, g) => s + g.criteria.reduce((t, c) => t + c.maxPoints, 0), 0);
}

/** Makes sure the presets exist (idempotent; called with the reference data). */
export async function ensurePresets(db: Executor): Promise<void> {
  for (const p of RUBRIC_PRESETS) {
    await repo.ensurePreset(db, { ...p, groups: normaliseGroups(p.groups), ownerOrgId: null });
  }
}

function shape(row: Row, can: { update: boolean }): Rubric {
  const groups = row.groups as RubricGroup[];
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose as RubricPurpose,
    noGrading: row.noGrading,
    presetKey: row.presetKey,
    ownerOrg: row.ownerOrgId ? { id: row.ownerOrgId, name: row.ownerOrgName ?? '' } : null,
    groups,
    maxTotal: maxTotal(groups),
    can,
  };
}

/** Rubrics the actor may read: presets first, then org rubrics. */
export async function list(db: Executor, actor: Actor, purpose?: RubricPurpose): Promise<Rubric[]> {
  const rows = await repo.list(db, purpose);
  const chains = await orgsRepo.ancestorChains(db, [...new Set(rows.flatMap((r) => (r.ownerOrgId ? [r.ownerOrgId] : [])))], todayIso());
  return rows
    .filter((r) => canRead(actor, r.ownerOrgId, r.ownerOrgId ? (chains.get(r.ownerOrgId) ?? []) : null))
    .map((r) => shape(r, { update: canEdit(actor, r.ownerOrgId ? (chains.get(r.ownerOrgId) ?? null) : null) }));
}

/**
 * Reads one rubric for another feature (panels, lesson study); 404 when missing, 403 when the actor may not read it.
 * Without an actor, no policy check (for services that already checked theirs).
 */
export async function readRubric(db: Executor, id: string, actor?: Actor): Promise<Rubric> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('bộ tiêu chí');
  const chain = row.ownerOrgId ? await orgsRepo.ancestorChain(db, row.ownerOrgId, todayIso()) : null;
  if (actor) authorize(actor, 'read', { ownerOrgId: row.ownerOrgId, ownerChain: chain });
  return shape(row, { update: actor ? canEdit(actor, chain) : false });
}

async function ownerChain(db: Executor, ownerOrgId: string): Promise<string[]> {
  const org = await orgsRepo.findById(db, ownerOrgId);
  if (!org) throw fieldError('ownerOrgId', 'Đơn vị ban hành bộ tiêu chí không tồn tại');
  return orgsRepo.ancestorChain(db, ownerOrgId, todayIso());
}

function checkGrading(v: RubricInput): void {
  if (!v.noGrading && maxTotal(normaliseGroups(v.groups)) <= 0)
    throw fieldError('groups', 'Bộ tiêu chí có chấm điểm phải có ít nhất một tiêu chí với điểm tối đa lớn hơn 0');
}

/** Creates an org's rubric (office staff over the org). */
export async function create(tx: Executor, actor: Actor, v: RubricInput): Promise<string> {
  const chain = await ownerChain(tx, v.ownerOrgId);
  authorize(actor, 'edit', { ownerChain: chain });
  checkGrading(v);
  const row = { ownerOrgId: v.ownerOrgId, name: v.name, purpose: v.purpose, noGrading: v.noGrading, groups: normaliseGroups(v.groups) };
  const { id } = await repo.insert(tx, { ...row, createdBy: actor.personId });
  await audit(tx, actor, { action: 'create', entityType: 'rubric', entityId: id, orgId: v.ownerOrgId, after: row });
  return id;
}

/** Replaces an org's rubric; presets cannot be changed (copy them instead). */
export async function update(tx: Executor, actor: Actor, id: string, v: RubricInput): Promise<void> {
  const before = await repo.findById(tx, id);
  if (!before) throw notFound('bộ tiêu chí');
  if (!before.ownerOrgId)
    throw new AppError('INVALID_STATE', { params: { message: 'Bộ tiêu chí mẫu không sửa được; hãy tạo bản sao cho đơn vị' } });
  const chain = await orgsRepo.ancestorChain(tx, before.ownerOrgId, todayIso());
  authorize(actor, 'edit', { ownerChain: chain });
  if (v.ownerOrgId !== before.ownerOrgId) throw fieldError('ownerOrgId', 'Không đổi được đơn vị ban hành của bộ tiêu chí');
  checkGrading(v);
  const set = { name: v.name, purpose: v.purpose, noGrading: v.noGrading, groups: normaliseGroups(v.groups) };
  await repo.update(tx, id, set);
  await audit(tx, actor, { action: 'update', entityType: 'rubric', entityId: id, orgId: before.ownerOrgId, before, after: set });
}
