import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';
import { canWriteProvince } from '../programme/policy';

/** What the inspection policy needs: the Sở, the chains of the inspected unit (or of the network's schools), leaders. */
export interface InspectionScope {
  provinceOrgId: string;
  /** The unit's chain; for a network, the chains of its member schools and of its lead org. */
  targetChains: string[][];
  /** A network's leaders and deputies. */
  leaderIds: string[];
}

export { canWriteProvince as canWriteInspections };

/** The inspected unit's side: its managers (principal, vice-principals), office staff above it, a network's leaders. */
function unitSide(actor: Actor, s: InspectionScope): boolean {
  return s.leaderIds.includes(actor.personId) || s.targetChains.some((chain) => atLeast(scopeOf(actor, chain), 'school'));
}

/**
 * Who reads an inspection: the Sở's staff, the inspected unit's managers (or the network's leaders) and the offices
 * above it (district office, commune). Teachers and other schools see nothing of it.
 */
export function canReadInspection(actor: Actor, s: InspectionScope): boolean {
  return canWriteProvince(actor, s.provinceOrgId) || unitSide(actor, s);
}

/** Who sends the documents (timetable, summary) before the visit: the unit's side and the Sở, while it is planned. */
export function canUploadDocuments(actor: Actor, s: InspectionScope, status: string): boolean {
  return status === 'planned' && canReadInspection(actor, s);
}

/** Who reads the inspection plan (Phụ lục II): anyone working in the province (the plan is sent to every unit). */
export function canReadAreas(actor: Actor, provinceOrgId: string): boolean {
  return actor.isAdmin || actor.roles.some((r) => r.chain.includes(provinceOrgId));
}

/** The inspections module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  write: (actor: Actor, f: { provinceOrgId: string }) => canWriteProvince(actor, f.provinceOrgId),
  read: canReadInspection,
  upload: (actor: Actor, f: { scope: InspectionScope; status: string }) => canUploadDocuments(actor, f.scope, f.status),
});
