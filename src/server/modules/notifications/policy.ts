import type { Actor } from '../../lib/actor';

/**
 * Notices and preferences are personal: every route acts on the logged-in person's own (there is no way to name
 * another person). The outbox (addresses and texts of everyone's mail) is for admins only.
 */
export function canSeeOutbox(actor: Actor): boolean {
  return actor.isAdmin;
}
