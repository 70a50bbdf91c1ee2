import { type Actor, officeLeaderOrgs } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/**
 * Audit policy: admins read everything; office leaders read the rows about orgs in their own subtree;
 * nobody else reads the audit log. Returns the roots to filter by, null for all, or false when refused.
 */
export function auditScope(actor: Actor): string[] | null | false {
  if (actor.isAdmin) return null;
  const roots = officeLeaderOrgs(actor);
  return roots.length > 0 ? roots : false;
}

/** Whether the actor reads any of the audit log (the `can` flag of the menu). */
export function canReadAudit(actor: Actor): boolean {
  return auditScope(actor) !== false;
}

/** The org roots whose audit rows the actor reads: null for all, none at all when refused (fails closed). */
export function auditRoots(actor: Actor): string[] | null {
  const scope = auditScope(actor);
  return scope === false ? [] : scope;
}

/** The audit module's one authorisation entry: `authorize(actor, action)` throws FORBIDDEN when refused. */
export const authorize = authorizer({ read: canReadAudit });
