import type { Executor } from '../../db/client';
import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { networkOf } from './calendarRepo';
import * as repo from './repo';

/**
 * What the actor may do with a network's shared things (chat links, calendar feed): its leaders and deputies, the
 * supervising office and admins edit; anyone working in a member school (and office staff above) reads.
 */
export async function networkAccess(db: Executor, actor: Actor, networkId: string): Promise<{ read: boolean; edit: boolean }> {
  const network = await networkOf(db, networkId);
  if (!network) throw notFound('mạng lưới');
  const today = todayIso();
  const members = await repo.networkMemberIds(db, networkId);
  const chains = await orgsRepo.ancestorChains(db, [network.supervisingOrgId, ...members], today);
  const leaders = await repo.networkLeaderIds(db, networkId);
  const edit =
    leaders.includes(actor.personId) ||
    atLeast(scopeOf(actor, chains.get(network.supervisingOrgId) ?? [network.supervisingOrgId]), 'office');
  const read = edit || members.some((id) => atLeast(scopeOf(actor, chains.get(id) ?? [id]), 'member'));
  return { read, edit };
}
