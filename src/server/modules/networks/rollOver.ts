import type { NetworkRollOverInput } from '../../../shared/schemas';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { fieldError, notFound } from '../../lib/errors';
import * as schoolYearsRepo from '../schoolYears/repo';
import * as repo from './repo';
import { create } from './service';

/**
 * Forms the same network for another school year. Named leadership is copied; rotating leadership passes to the
 * next member school in the decision's order, led by its principal. A parent network is kept when a network of the
 * same name exists in the target year.
 */
export async function rollOver(tx: Executor, actor: Actor, id: string, input: NetworkRollOverInput) {
  const source = await repo.findById(tx, id);
  if (!source) throw notFound('mạng lưới');
  const year = await schoolYearsRepo.findById(tx, input.schoolYearId);
  if (!year) throw fieldError('schoolYearId', 'Năm học không tồn tại');
  if (year.id === source.schoolYearId) throw fieldError('schoolYearId', 'Hãy chọn một năm học khác năm học của mạng lưới');
  const n = source.network;
  const supervisingOrgId = input.supervisingOrgId ?? n.supervisingOrgId;
  if (await repo.findByName(tx, year.id, supervisingOrgId, n.name)) {
    throw fieldError('schoolYearId', `Năm học ${year.code} đã có mạng lưới «${n.name}»`);
  }
  const members = (await repo.membersOf(tx, id)).map((m) => m.id);
  let leadOrgId = n.leadOrgId;
  let leaders = (await repo.leadersOf(tx, id, year.startDate)).map((l) => ({ personId: l.personId, role: l.role }));
  if (n.leadershipMode === 'rotating' && members.length > 0) {
    const current = leadOrgId ? members.indexOf(leadOrgId) : -1;
    leadOrgId = members[(current + 1) % members.length];
    const principal = await repo.principalOf(tx, leadOrgId, year.startDate);
    leaders = principal ? [{ personId: principal, role: 'leader' }] : [];
  }
  let parentNetworkId: string | null = null;
  if (n.parentNetworkId) {
    const parent = await repo.findById(tx, n.parentNetworkId);
    const sameInTarget = parent ? await repo.findByName(tx, year.id, supervisingOrgId, parent.name) : undefined;
    parentNetworkId = sameInTarget?.id ?? null;
  }
  return create(tx, actor, {
    kind: n.kind,
    name: n.name,
    schoolYearId: year.id,
    supervisingOrgId,
    parentNetworkId,
    leadOrgId,
    leadershipMode: n.leadershipMode,
    decisionNumber: null,
    decisionDate: null,
    description: n.description,
    memberOrgIds: members,
    leaders,
  });
}
