import type { Actor } from '../../lib/actor';

/** School years are read by everyone and set by admins (they apply to the whole installation). */
export function canManageSchoolYears(actor: Actor): boolean {
  return actor.isAdmin;
}
