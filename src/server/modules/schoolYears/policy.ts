import type { Actor } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/** School years are read by everyone and set by admins (they apply to the whole installation). */
export function canManageSchoolYears(actor: Actor): boolean {
  return actor.isAdmin;
}

/** The school years module's one authorisation entry: `authorize(actor, action)` throws FORBIDDEN when refused. */
export const authorize = authorizer({ manage: canManageSchoolYears });
