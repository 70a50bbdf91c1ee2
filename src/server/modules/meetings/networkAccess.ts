import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { networkOf } from './calendarRepo';
import { type NetworkFacts, networkCan } from './policy';
import * as repo from './repo';

/** The network policy's facts of one network, as of today; 404 when it does not exist. */
export async function networkFacts(db: Executor, networkId: string): Promise<NetworkFacts> {
  const network = await networkOf(db, networkId);
  if (!network) throw notFound('mạng lưới');
  const today = todayIso();
  const members = await repo.networkMemberIds(db, networkId);
  const chains = await orgsRepo.ancestorChains(db, [network.supervisingOrgId, ...members], today);
  const leaders = await repo.networkLeaderIds(db, networkId);
  return {
    leaderIds: leaders,
    supervisingChain: chains.get(network.supervisingOrgId) ?? [network.supervisingOrgId],
    memberChains: members.map((id) => chains.get(id) ?? [id]),
  };
}

/** What the actor may do with a network's shared things (policy networkCan), from its facts as of today. */
export async function networkAccess(db: Executor, actor: Actor, networkId: string): Promise<{ read: boolean; edit: boolean }> {
  return networkCan(actor, await networkFacts(db, networkId));
}
