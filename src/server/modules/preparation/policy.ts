import type { Actor } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/**
 * Preparation policy: the report that the plan and preparation were sent to the Sở is recorded by whoever may link
 * the assignment's meeting (the unit's managers, office staff above it, admins: programme/policy.ts canLinkAssignment,
 * carried as the assignment's `can.link`). Reading follows reading the assignment.
 */
export const authorize = authorizer({
  submit: (_actor: Actor, f: { canLinkAssignment: boolean }) => f.canLinkAssignment,
});
