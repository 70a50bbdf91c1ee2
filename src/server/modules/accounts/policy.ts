import type { Actor } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/** Accounts are created, listed, disabled and enabled by admins only. */
export function canManageAccounts(actor: Actor): boolean {
  return actor.isAdmin;
}

/** The accounts module's one authorisation entry: `authorize(actor, action)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  list: canManageAccounts,
  create: canManageAccounts,
  setDisabled: canManageAccounts,
});
