import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import type { AppError } from '../../lib/errors';
import { fieldError } from '../../lib/errors';
import { forbidden } from '../../lib/policy';
import * as networksRepo from '../networks/repo';
import * as orgsRepo from '../orgs/repo';
import * as inviteRepo from './inviteRepo';
import { type HostFacts, hostProblem, type InviteReach, invitesAnyone, invitesWholeSubtree, mayInviteFrom, refusal } from './policy';
import * as repo from './repo';

const chainOf = (chains: Map<string, string[]>, id: string) => chains.get(id) ?? [id];

/** The orgs that widen a meeting's invitable set (policy `InviteReach`), for its host and network on a day. */
export async function inviteReach(db: Executor, hostOrgId: string, networkId: string | null, day: string): Promise<InviteReach> {
  const [hostChain, members, network] = await Promise.all([
    orgsRepo.ancestorChain(db, hostOrgId, day),
    repo.networkMemberIds(db, networkId),
    networkId ? networksRepo.findById(db, networkId) : undefined,
  ]);
  const lead = network?.network.leadOrgId;
  return {
    hostOrgId,
    hostChain,
    networkOrgIds: lead ? [...members, lead] : members,
    supervisingOrgId: network?.network.supervisingOrgId ?? null,
  };
}

function refuse(actor: Actor, chains: ReadonlyArray<readonly string[]>, field: string, message: string): AppError {
  return refusal(actor, chains) === 'forbidden' ? forbidden() : fieldError(field, message);
}

/**
 * The orgs a rule's scope roots reach for this actor and meeting: every root must be invitable (else 403 or a 400 on
 * `field`); roots invited whole give their subtree, the others (an office above) only the invitable part of theirs.
 */
export async function invitableSubtrees(
  db: Executor,
  actor: Actor,
  reach: InviteReach,
  roots: string[],
  day: string,
  field: string,
): Promise<string[]> {
  const rootChains = await orgsRepo.ancestorChains(db, roots, day);
  const bad = roots.find((id) => !mayInviteFrom(actor, reach, chainOf(rootChains, id)));
  if (bad) throw refuse(actor, [chainOf(rootChains, bad)], field, 'Đơn vị nằm ngoài phạm vi được mời của buổi sinh hoạt này');
  const whole = roots.filter((id) => invitesWholeSubtree(actor, reach, chainOf(rootChains, id)));
  const partial = roots.filter((id) => !whole.includes(id));
  const out = new Set(await orgsRepo.subtreeIds(db, whole, day));
  if (partial.length) {
    const below = (await orgsRepo.subtreeIds(db, partial, day)).filter((id) => !out.has(id));
    const chains = await orgsRepo.ancestorChains(db, below, day);
    for (const id of below) if (mayInviteFrom(actor, reach, chainOf(chains, id))) out.add(id);
  }
  return [...out];
}

/**
 * Every person id (with the field it came in) must hold a position, on the meeting's day or today, in an org of the
 * invitable set: else 403 when the actor may not read the person, a 400 naming the field when they may.
 */
export async function requireInvitablePeople(
  db: Executor,
  actor: Actor,
  reach: InviteReach,
  people: ReadonlyArray<{ field: string; personId: string; label: string }>,
  day: string,
): Promise<void> {
  if (invitesAnyone(actor) || people.length === 0) return;
  const ids = [...new Set(people.map((p) => p.personId))];
  const orgsOf = await inviteRepo.positionOrgsOn(db, ids, [...new Set([day, todayIso()])]);
  const chains = await orgsRepo.ancestorChains(db, [...new Set([...orgsOf.values()].flat())], todayIso());
  for (const p of people) {
    const personChains = (orgsOf.get(p.personId) ?? []).map((id) => chainOf(chains, id));
    if (p.personId === actor.personId || personChains.some((c) => mayInviteFrom(actor, reach, c))) continue;
    throw refuse(actor, personChains, p.field, `${p.label} không thuộc các đơn vị được mời của buổi sinh hoạt này`);
  }
}

/** Finding 4: 403 (or a 400 naming «Đơn vị tổ chức» / «Mạng lưới» when the actor reads it) unless the host and network fit. */
export async function requireHostFits(db: Executor, actor: Actor, hostOrgId: string, networkId: string | null): Promise<void> {
  const today = todayIso();
  const hostChain = await orgsRepo.ancestorChain(db, hostOrgId, today);
  let network: HostFacts['network'] = null;
  const found = networkId ? await networksRepo.findById(db, networkId) : undefined;
  if (found) {
    const members = await repo.networkMemberIds(db, found.network.id);
    network = {
      orgIds: found.network.leadOrgId ? [...members, found.network.leadOrgId] : members,
      leaderIds: await repo.networkLeaderIds(db, found.network.id),
      supervisingChain: await orgsRepo.ancestorChain(db, found.network.supervisingOrgId, today),
    };
  }
  const problem = hostProblem(actor, { hostChain, network });
  if (problem === 'hostOrgId')
    throw refuse(
      actor,
      [hostChain],
      'hostOrgId',
      'Đơn vị tổ chức phải là trường thành viên hoặc đơn vị đứng đầu của mạng lưới, hoặc đơn vị bạn quản lý',
    );
  if (problem === 'networkId' && network) {
    const chains = await orgsRepo.ancestorChains(db, [...network.orgIds], today);
    throw refuse(
      actor,
      [...chains.values()],
      'networkId',
      'Mạng lưới không có đơn vị tổ chức là thành viên và bạn không phụ trách mạng lưới này',
    );
  }
}
