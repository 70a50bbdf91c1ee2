import { z } from 'zod';
import { NETWORK_KINDS, OFFICE_TYPES, SCHOOL_TYPES } from '../../../shared/enums';
import type { NetworkInput } from '../../../shared/schemas';
import type { NetworkDetail, NetworkSummary, OrgSummary } from '../../../shared/types';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { todayIso } from '../../lib/dates';
import { fieldError, notFound } from '../../lib/errors';
import { requireNameable } from '../orgs/naming';
import * as orgsRepo from '../orgs/repo';
import * as schoolYearsRepo from '../schoolYears/repo';
import { authorize, networkCan } from './policy';
import * as repo from './repo';

type ParsedNetworkInput = Omit<NetworkInput, 'leaders' | 'leadershipMode'> & {
  leaders: Array<{ personId: string; role: 'leader' | 'deputy' }>;
  leadershipMode: 'named' | 'rotating';
};

type SummaryRow = Awaited<ReturnType<typeof repo.list>>[number];

/** Adds supervising and lead org summaries to network rows. */
export async function summarize<T extends SummaryRow>(
  db: Executor,
  rows: T[],
): Promise<Array<Omit<T, 'supervisingOrgId' | 'leadOrgId'> & Pick<NetworkSummary, 'supervisingOrg' | 'leadOrg'>>> {
  const ids = [...new Set(rows.flatMap((r) => [r.supervisingOrgId, r.leadOrgId]).filter((x): x is string => !!x))];
  const orgs = new Map((await orgsRepo.summaries(db, ids)).map((o) => [o.id, o]));
  return rows.map(({ supervisingOrgId, leadOrgId, ...rest }) => ({
    ...rest,
    supervisingOrg: orgs.get(supervisingOrgId) as OrgSummary,
    leadOrg: leadOrgId ? (orgs.get(leadOrgId) ?? null) : null,
  }));
}

const networkKey = z.tuple([z.iso.date(), z.enum(NETWORK_KINDS), z.string(), z.uuid()]);

/** One page of the networks matching a filter, with the total and the next page's cursor (decision 0027). */
export async function list(
  db: Executor,
  f: repo.NetworkFilter & { limit: number; cursor?: string },
): Promise<{ items: NetworkSummary[]; total: number; nextCursor: string | null }> {
  const after = decodeCursor(f.cursor, networkKey);
  const [{ rows, more }, total] = await Promise.all([repo.page(db, f, f.limit, after), repo.count(db, f)]);
  const last = rows.at(-1);
  return {
    items: await summarize(db, rows),
    total,
    nextCursor: more && last ? encodeCursor([last.startDate, last.kind, last.name, last.id]) : null,
  };
}

/** One network with members, leaders and what the actor may do. */
export async function get(db: Executor, actor: Actor, id: string): Promise<NetworkDetail> {
  authorize(actor, 'read', {});
  const row = await repo.findById(db, id);
  if (!row) throw notFound('mạng lưới');
  const { network, ...summaryRow } = row;
  const today = todayIso();
  const [[summary], members, leaders, children, chain, parent] = await Promise.all([
    summarize(db, [summaryRow]),
    repo.membersOf(db, id),
    repo.leadersOf(db, id, today),
    repo.childrenOf(db, id),
    orgsRepo.ancestorChain(db, network.supervisingOrgId, today),
    network.parentNetworkId ? repo.findById(db, network.parentNetworkId) : Promise.resolve(undefined),
  ]);
  return {
    ...summary,
    leadershipMode: network.leadershipMode,
    decisionNumber: network.decisionNumber,
    decisionDate: network.decisionDate,
    description: network.description,
    parentNetwork: parent ? { id: parent.id, name: parent.name } : null,
    childNetworks: children,
    members,
    leaders: leaders.map((l) => ({ ...l, position: l.position as NetworkDetail['leaders'][number]['position'] })),
    can: networkCan(actor, chain),
  };
}

async function validate(db: Executor, actor: Actor, input: ParsedNetworkInput, selfId?: string) {
  const year = await schoolYearsRepo.findById(db, input.schoolYearId);
  if (!year) throw fieldError('schoolYearId', 'Năm học không tồn tại');
  const supervisor = await orgsRepo.findById(db, input.supervisingOrgId);
  if (!supervisor) throw fieldError('supervisingOrgId', 'Đơn vị quản lý không tồn tại');
  if (!OFFICE_TYPES.includes(supervisor.type)) {
    throw fieldError('supervisingOrgId', 'Đơn vị quản lý phải là Sở GD&ĐT, Phòng GD&ĐT hoặc UBND xã/phường');
  }
  const chain = await orgsRepo.ancestorChain(db, supervisor.id, todayIso());
  authorize(actor, 'update', { supervisingChain: chain });
  const members = await orgsRepo.summaries(db, input.memberOrgIds);
  if (members.length !== input.memberOrgIds.length) throw fieldError('memberOrgIds', 'Có đơn vị thành viên không tồn tại');
  const notSchool = members.find((m) => !SCHOOL_TYPES.includes(m.type));
  if (notSchool) throw fieldError('memberOrgIds', `«${notSchool.name}» không phải là trường hoặc trung tâm`);
  await requireNameable(db, actor, [{ field: 'memberOrgIds', orgIds: input.memberOrgIds }]);
  if (input.parentNetworkId) {
    if (input.parentNetworkId === selfId) throw fieldError('parentNetworkId', 'Mạng lưới không thể nằm trong chính nó');
    const parent = await repo.findById(db, input.parentNetworkId);
    if (!parent) throw fieldError('parentNetworkId', 'Mạng lưới cấp trên không tồn tại');
    await requireNameable(db, actor, [{ field: 'parentNetworkId', orgIds: [parent.network.supervisingOrgId] }]);
    if (parent.schoolYearId !== input.schoolYearId) throw fieldError('parentNetworkId', 'Mạng lưới cấp trên phải cùng năm học');
    if (parent.network.parentNetworkId === selfId && selfId)
      throw fieldError('parentNetworkId', 'Không thể tạo vòng lặp giữa hai mạng lưới');
  }
  const leaderIds = input.leaders.map((l) => l.personId);
  if ((await repo.existingPeople(db, leaderIds)).length !== leaderIds.length)
    throw fieldError('leaders', 'Có người lãnh đạo không tồn tại');
  await requireNameable(db, actor, [{ field: 'leaders', personIds: leaderIds }], input.memberOrgIds);
}

function rowOf(input: ParsedNetworkInput) {
  return {
    kind: input.kind,
    name: input.name,
    schoolYearId: input.schoolYearId,
    supervisingOrgId: input.supervisingOrgId,
    parentNetworkId: input.parentNetworkId ?? null,
    leadOrgId: input.leadOrgId ?? null,
    leadershipMode: input.leadershipMode,
    decisionNumber: input.decisionNumber ?? null,
    decisionDate: input.decisionDate ?? null,
    description: input.description ?? null,
  };
}

/** Forms a network for a school year with members and leaders. */
export async function create(tx: Executor, actor: Actor, input: ParsedNetworkInput) {
  await validate(tx, actor, input);
  const network = await repo.insert(tx, rowOf(input));
  await repo.setMembersAndLeaders(tx, network.id, input.memberOrgIds, input.leaders);
  await audit(tx, actor, {
    action: 'create',
    entityType: 'network',
    entityId: network.id,
    orgId: network.supervisingOrgId,
    after: { ...network, memberOrgIds: input.memberOrgIds, leaders: input.leaders },
  });
  return network;
}

/** Changes a network (the actor must supervise both the old and the new supervising org). */
export async function update(tx: Executor, actor: Actor, id: string, input: ParsedNetworkInput) {
  const before = await repo.findById(tx, id);
  if (!before) throw notFound('mạng lưới');
  const oldChain = await orgsRepo.ancestorChain(tx, before.network.supervisingOrgId, todayIso());
  authorize(actor, 'update', { supervisingChain: oldChain });
  await validate(tx, actor, input, id);
  const [oldMembers, oldLeaders] = await Promise.all([repo.membersOf(tx, id), repo.leadersOf(tx, id, todayIso())]);
  const network = await repo.update(tx, id, rowOf(input));
  await repo.setMembersAndLeaders(tx, id, input.memberOrgIds, input.leaders);
  await audit(tx, actor, {
    action: 'update',
    entityType: 'network',
    entityId: id,
    orgId: network.supervisingOrgId,
    before: {
      ...before.network,
      memberOrgIds: oldMembers.map((m) => m.id),
      leaders: oldLeaders.map((l) => ({ personId: l.personId, role: l.role })),
    },
    after: { ...network, memberOrgIds: input.memberOrgIds, leaders: input.leaders },
  });
  return network;
}

/** Dissolves a network. */
export async function remove(tx: Executor, actor: Actor, id: string) {
  const before = await repo.findById(tx, id);
  if (!before) throw notFound('mạng lưới');
  const chain = await orgsRepo.ancestorChain(tx, before.network.supervisingOrgId, todayIso());
  authorize(actor, 'delete', { supervisingChain: chain });
  const members = await repo.membersOf(tx, id);
  await repo.remove(tx, id);
  await audit(tx, actor, {
    action: 'delete',
    entityType: 'network',
    entityId: id,
    orgId: before.network.supervisingOrgId,
    before: { ...before.network, memberOrgIds: members.map((m) => m.id) },
  });
}
