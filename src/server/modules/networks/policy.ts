import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/**
 * Network policy. Networks are public within the platform (name, members, leaders' names: they come from a
 * published decision). Forming, changing or dissolving one is for the supervising office (office staff whose
 * subtree holds the supervising org) and admins.
 */
export function networkCan(actor: Actor, supervisingChain: readonly string[]): { update: boolean; delete: boolean } {
  const office = atLeast(scopeOf(actor, supervisingChain), 'office');
  return { update: office, delete: office };
}

/** The networks module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  /**
   * Listing and reading networks, with any filter (school year, kind, org, name): every logged-in user, since a
   * network's name, members and leaders come from a published decision (the route has already refused anonymous
   * requests). Stated here so that the rule, and any later narrowing of it, has one place.
   */
  read: (_actor: Actor, _f: Record<string, never>) => true,
  update: (actor: Actor, f: { supervisingChain: readonly string[] }) => networkCan(actor, f.supervisingChain).update,
  delete: (actor: Actor, f: { supervisingChain: readonly string[] }) => networkCan(actor, f.supervisingChain).delete,
});
