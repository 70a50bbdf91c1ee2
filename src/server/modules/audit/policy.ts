import { type Actor, officeLeaderOrgs } from '../../lib/actor';

/**
 * Audit policy: admins read everything; office leaders read the rows about orgs in their own subtree;
 * nobody else reads the audit log. Returns the roots to filter by, null for all, or false when refused.
 */
export function auditScope(actor: Actor): string[] | null | false {
  if (actor.isAdmin) return null;
  const roots = officeLeaderOrgs(actor);
  return roots.length > 0 ? roots : false;
}
