import type { Actor } from '../../lib/actor';

/** Accounts are created, listed, disabled and enabled by admins only. */
export function canManageAccounts(actor: Actor): boolean {
  return actor.isAdmin;
}
