import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/**
 * Who may download the official documents. Reads only: no audit.
 * - A network's schedule: anyone working in one of its schools, its leaders, office staff above its schools or
 *   above its supervising org, admins.
 * - An org subtree's schedule (a district, a commune, a school): anyone working in the subtree, office staff above, admins.
 * - Minutes: the meeting's participants (invited, recorded, presenting, chairing, taking the minutes, signing),
 *   managers of the host school and of the network's schools, leaders of the network, office staff above, admins.
 */

/** The network's schedule: resource facts. */
export interface NetworkScheduleResource {
  memberChains: string[][];
  supervisingChain: string[];
  leaderIds: string[];
}

/** True when the actor may read the schedule of a network. */
export function canReadNetworkSchedule(actor: Actor, r: NetworkScheduleResource): boolean {
  if (actor.isAdmin || r.leaderIds.includes(actor.personId)) return true;
  if (atLeast(scopeOf(actor, r.supervisingChain), 'office')) return true;
  return r.memberChains.some((chain) => atLeast(scopeOf(actor, chain), 'member'));
}

/** True when the actor may read the schedule of an org's subtree (the org's chain and the subtree's ids on the date). */
export function canReadOrgSchedule(actor: Actor, orgChain: string[], subtree: string[]): boolean {
  if (atLeast(scopeOf(actor, orgChain), 'member')) return true;
  const inside = new Set(subtree);
  return actor.roles.some((r) => inside.has(r.orgId));
}

/** The minutes: resource facts. */
export interface MinutesResource {
  participantIds: string[];
  hostChain: string[];
  memberChains: string[][];
  leaderIds: string[];
}

/** True when the actor may read (and download) the minutes of a meeting. */
export function canReadMinutes(actor: Actor, r: MinutesResource): boolean {
  if (actor.isAdmin || r.participantIds.includes(actor.personId) || r.leaderIds.includes(actor.personId)) return true;
  return [r.hostChain, ...r.memberChains].some((chain) => atLeast(scopeOf(actor, chain), 'school'));
}

/** The exports module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  'schedule.network': (actor: Actor, r: NetworkScheduleResource) => canReadNetworkSchedule(actor, r),
  'schedule.org': (actor: Actor, f: { orgChain: string[]; subtree: string[] }) => canReadOrgSchedule(actor, f.orgChain, f.subtree),
  minutes: (actor: Actor, r: MinutesResource) => canReadMinutes(actor, r),
});
