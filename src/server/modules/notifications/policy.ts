import type { Actor } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/**
 * Notices and preferences are personal: every route acts on the logged-in person's own (there is no way to name
 * another person). The outbox (addresses and texts of everyone's mail) is for admins only.
 */
export function canSeeOutbox(actor: Actor): boolean {
  return actor.isAdmin;
}

/** The notifications module's one authorisation entry: `authorize(actor, action)` throws FORBIDDEN when refused. */
export const authorize = authorizer({ 'outbox.list': canSeeOutbox, 'outbox.retry': canSeeOutbox });
