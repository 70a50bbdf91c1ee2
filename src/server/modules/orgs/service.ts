import { ALLOWED_CHILDREN } from '../../../shared/enums';
import { orgTypeLabels } from '../../../shared/labels';
import type { OrgInput } from '../../../shared/schemas';
import type { OrgDetail, OrgTreeNode } from '../../../shared/types';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { fieldError, notFound } from '../../lib/errors';
import { viDate } from '../../lib/format';
import * as networksRepo from '../networks/repo';
import * as schoolYearsRepo from '../schoolYears/repo';
import { stillPointing } from './ending';
import { authorize, canCreateRoot, orgCan } from './policy';
import * as repo from './repo';

type ParsedOrgInput = Omit<OrgInput, 'levels' | 'subjectIds'> & { levels: NonNullable<OrgInput['levels']>; subjectIds: string[] };

/** Levels below a root when no depth is asked: every level (org trees are far shallower than this). */
const FULL_DEPTH = 12;

/**
 * The org tree as it stood on a date (flat, with parentId): the whole installation, or only below a root and down to
 * a depth (0 = the root alone; without a root, the depth counts from the top orgs). The root must exist on the date.
 */
export async function getTree(
  db: Executor,
  actor: Actor,
  q: { date: string; rootId?: string; depth?: number },
): Promise<{ date: string; nodes: OrgTreeNode[] }> {
  if (q.rootId) {
    const root = await repo.findById(db, q.rootId);
    const exists = root && (!root.validFrom || root.validFrom <= q.date) && (!root.validTo || root.validTo >= q.date);
    if (!root || !exists) throw fieldError('rootId', 'Đơn vị gốc không tồn tại vào ngày đã chọn');
    authorize(actor, 'readTree', { chain: await repo.ancestorChain(db, root.id, q.date), type: root.type });
  }
  if (!q.rootId && q.depth === undefined) return { date: q.date, nodes: await repo.treeOn(db, q.date) };
  return { date: q.date, nodes: await repo.treeBelow(db, q.date, q.rootId ?? null, q.depth ?? FULL_DEPTH) };
}

/** Loads an org or throws 404. */
export async function mustFind(db: Executor, id: string) {
  const org = await repo.findById(db, id);
  if (!org) throw notFound('đơn vị');
  return org;
}

/** One org as seen on a date, with what the actor may do with it. */
export async function getDetail(db: Executor, actor: Actor, id: string, date: string): Promise<OrgDetail> {
  const org = await mustFind(db, id);
  const [chainOnDate, chainToday, children, history, subjects, networks] = await Promise.all([
    repo.ancestorChain(db, id, date),
    repo.recordChain(db, org, todayIso()),
    repo.childrenOn(db, id, date),
    repo.parentHistory(db, id),
    repo.subjectsOf(db, id),
    networksRepo.networksOfOrg(db, id),
  ]);
  const ancestorRows = await repo.summaries(db, chainOnDate.slice(1));
  const byId = new Map(ancestorRows.map((a) => [a.id, a]));
  const ancestors = chainOnDate
    .slice(1)
    .reverse()
    .map((a) => byId.get(a))
    .filter((a) => a !== undefined);
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    shortName: org.shortName,
    type: org.type,
    levels: org.levels,
    address: org.address,
    phone: org.phone,
    email: org.email,
    validFrom: org.validFrom,
    validTo: org.validTo,
    parent: ancestors.at(-1) ?? null,
    ancestors,
    children,
    parentHistory: history.map((h) => ({ id: h.id, parent: h.parent, validFrom: h.validFrom, validTo: h.validTo })),
    subjects,
    networks,
    can: orgCan(actor, chainToday, org.type),
  };
}

/** The parent named for an org of a type: it exists and may hold that type (else 400 on parentId). */
export async function checkParent(db: Executor, parentId: string, childType: OrgInput['type']) {
  const parent = await repo.findById(db, parentId);
  if (!parent) throw fieldError('parentId', 'Đơn vị cấp trên không tồn tại');
  if (!ALLOWED_CHILDREN[parent.type].includes(childType)) {
    throw fieldError('parentId', `${orgTypeLabels[childType]} không thể trực thuộc ${orgTypeLabels[parent.type]}`);
  }
  return parent;
}

async function checkSubjects(db: Executor, ids: string[]) {
  const found = await schoolYearsRepo.existingSubjectIds(db, ids);
  if (found.length !== new Set(ids).size) throw fieldError('subjectIds', 'Có môn học không tồn tại');
}

function rowOf(input: ParsedOrgInput) {
  return {
    code: input.code,
    name: input.name,
    shortName: input.shortName ?? null,
    type: input.type,
    levels: input.type === 'school' || input.type === 'center' ? input.levels : [],
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
  };
}

/** Creates an org under a parent (from validFrom, else today). */
export async function create(tx: Executor, actor: Actor, input: ParsedOrgInput) {
  const today = todayIso();
  if (input.parentId) {
    const parent = await checkParent(tx, input.parentId, input.type);
    const chain = await repo.ancestorChain(tx, parent.id, today);
    authorize(actor, 'createChild', { chain, type: parent.type });
  } else if (!canCreateRoot(actor)) {
    throw fieldError('parentId', 'Cần chọn đơn vị cấp trên');
  } else if (input.type !== 'province_department') {
    throw fieldError('parentId', 'Chỉ Sở GD&ĐT mới không có đơn vị cấp trên');
  }
  await checkSubjects(tx, input.subjectIds);
  const org = await repo.insert(tx, rowOf(input));
  if (input.parentId) await repo.insertLink(tx, { orgId: org.id, parentId: input.parentId, validFrom: input.validFrom ?? today });
  await repo.setSubjects(tx, org.id, input.type === 'team' ? input.subjectIds : []);
  await audit(tx, actor, {
    action: 'create',
    entityType: 'org',
    entityId: org.id,
    orgId: org.id,
    after: { ...org, parentId: input.parentId ?? null },
  });
  return org;
}

/** Updates an org's own facts (the parent changes only through move). */
export async function update(tx: Executor, actor: Actor, id: string, input: ParsedOrgInput) {
  const org = await mustFind(tx, id);
  const chain = await repo.recordChain(tx, org, todayIso());
  authorize(actor, 'update', { chain, type: org.type });
  if (input.type !== org.type) throw fieldError('type', 'Không thể đổi loại đơn vị sau khi đã tạo');
  // The parent changes only through move: a different parentId is refused rather than silently ignored.
  if (input.parentId && (await repo.openLink(tx, id))?.parentId !== input.parentId)
    throw fieldError('parentId', 'Đổi đơn vị cấp trên bằng chức năng chuyển đơn vị');
  await checkSubjects(tx, input.subjectIds);
  const ending = input.validTo && input.validTo !== org.validTo ? input.validTo : null;
  if (ending) await endOpenLink(tx, id, ending);
  const updated = await repo.update(tx, id, rowOf(input));
  if (org.type === 'team') await repo.setSubjects(tx, id, input.subjectIds);
  await audit(tx, actor, { action: 'update', entityType: 'org', entityId: id, orgId: id, before: org, after: updated });
  return { org: updated, ending: ending ? await stillPointing(tx, id, ending) : null };
}

/**
 * Ending an org on a day ends its own open parent link that day (so it leaves the tree with its link); nothing under
 * it is moved: what still points at it is answered by stillPointing. A link that starts after the day is refused.
 */
async function endOpenLink(tx: Executor, id: string, validTo: string) {
  const open = await repo.openLink(tx, id);
  if (!open) return;
  if (open.validFrom > validTo)
    throw fieldError('validTo', `Ngày kết thúc hiệu lực phải từ ${viDate(open.validFrom)}, ngày bắt đầu trực thuộc hiện tại`);
  await repo.closeLink(tx, open.id, validTo);
}

/** What ending an org on a day would leave pointing at it (the web shows it before saving). */
export async function endingPreview(db: Executor, actor: Actor, id: string, validTo: string) {
  const org = await mustFind(db, id);
  authorize(actor, 'update', { chain: await repo.recordChain(db, org, todayIso()), type: org.type });
  if (org.validFrom && validTo < org.validFrom) throw fieldError('validTo', 'Ngày kết thúc hiệu lực phải sau ngày bắt đầu hiệu lực');
  return stillPointing(db, id, validTo);
}
