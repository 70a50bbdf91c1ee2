import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { fieldError } from '../../lib/errors';
import * as networksRepo from '../networks/repo';
import * as orgsRepo from '../orgs/repo';
import { loadMeeting } from './access';
import { inviteReach, requireHostFits } from './inviteScope';
import { authorize, invitableRoots } from './policy';
import * as repo from './repo';
import { localDay } from './validate';

/** The meeting a people picker works for: a meeting being edited, or the host and network of one being created. */
export type PickerScope = { meetingId: string } | { hostOrgId: string; networkId: string | null };

/**
 * The orgs whose staff the people pickers of a meeting list ("Mời theo tên", chair, secretary, presenters): the
 * meeting's invitable set (policy `mayInviteFrom`), so every member school of its network and the offices above, not
 * only the actor's own school. The scope is authorised first: the meeting's editors (403 otherwise), or for a new
 * meeting whoever may create it at that host in that network (requireHostFits, policy `create`).
 */
export async function pickerOrgIds(db: Executor, actor: Actor, scope: PickerScope): Promise<string[]> {
  let hostOrgId: string;
  let networkId: string | null;
  let day = todayIso();
  if ('meetingId' in scope) {
    const { meeting, facts } = await loadMeeting(db, actor, scope.meetingId);
    authorize(actor, 'edit', facts);
    hostOrgId = meeting.hostOrgId;
    networkId = meeting.networkId;
    day = localDay(meeting.startsAt);
  } else {
    hostOrgId = scope.hostOrgId;
    networkId = scope.networkId;
    const hostChain = await orgsRepo.ancestorChain(db, hostOrgId, day);
    if (hostChain.length === 0) throw fieldError('hostOrgId', 'Đơn vị tổ chức không tồn tại');
    if (networkId && !(await networksRepo.findById(db, networkId))) throw fieldError('networkId', 'Mạng lưới không tồn tại');
    await requireHostFits(db, actor, hostOrgId, networkId);
    authorize(actor, 'create', { hostChain, networkLeaderIds: await repo.networkLeaderIds(db, networkId) });
  }
  const reach = await inviteReach(db, hostOrgId, networkId, day);
  const offices = [...reach.hostChain.slice(1).map((_, i) => reach.hostChain.slice(i + 1))];
  if (reach.supervisingOrgId) offices.push(await orgsRepo.ancestorChain(db, reach.supervisingOrgId, day));
  const roots = invitableRoots(actor, reach, offices);
  const below = await orgsRepo.subtreeIds(db, roots.subtrees, todayIso());
  return [...new Set([...below, ...roots.own])];
}
