import type { Actor } from '../../lib/actor';
import { authorizer } from '../../lib/policy';
import { canDraft, type PlanScope } from '../plans/policy';

/**
 * Who may see a proposal, turn it into a plan, or copy a plan forward: whoever may draft a plan of that owner (the
 * network's leaders and deputies, managers of its lead school, office staff over its supervising org; admins).
 */
export function canPropose(actor: Actor, scope: Pick<PlanScope, 'network' | 'org'>): boolean {
  return canDraft(actor, scope);
}

/** The plan proposals module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  propose: canPropose,
  copyForward: canPropose,
});
