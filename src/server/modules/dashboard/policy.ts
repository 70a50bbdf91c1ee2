import { SCHOOL_TYPES } from '../../../shared/enums';
import { type Actor, atLeast, isOfficeRole, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/** The orgs at which the actor is office staff (office leader or specialist): the roots of their dashboard. */
export function officeRoots(actor: Actor): { id: string; name: string }[] {
  return actor.roles.filter(isOfficeRole).map((r) => ({ id: r.orgId, name: r.orgName }));
}

/** The schools the actor manages (principal, vice-principal): their networks' dashboards as lead school. */
export function managedSchools(actor: Actor): string[] {
  return actor.roles
    .filter((r) => SCHOOL_TYPES.includes(r.orgType) && ['principal', 'vice_principal'].includes(r.position))
    .map((r) => r.orgId);
}

/** An office's dashboard: office staff over the org (their subtree) and admins. */
export function canSeeOrg(actor: Actor, orgChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, orgChain), 'office');
}

/**
 * A network's dashboard: its leaders and deputies, managers of its lead school, office staff over its supervising
 * org, admins.
 */
export function canSeeNetwork(
  actor: Actor,
  n: { leaderIds: string[]; leadOrgId: string | null; supervisingChain: readonly string[] },
): boolean {
  if (actor.isAdmin || n.leaderIds.includes(actor.personId)) return true;
  if (n.leadOrgId && managedSchools(actor).includes(n.leadOrgId)) return true;
  return atLeast(scopeOf(actor, n.supervisingChain), 'office');
}

/** The whole installation's dashboard (the default view of an admin with no office or network). */
export function canSeeAll(actor: Actor): boolean {
  return actor.isAdmin;
}

/** The dashboard module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  'see.org': (actor: Actor, f: { orgChain: readonly string[] }) => canSeeOrg(actor, f.orgChain),
  'see.network': canSeeNetwork,
  'see.all': canSeeAll,
});
