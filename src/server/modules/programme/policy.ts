import { type Actor, atLeast, isOfficeRole, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/**
 * Who writes the province programme and inspections: office staff of the province department (Sở) itself, and
 * admins. District offices and communes do not (seed 002 §III: the Sở's Phòng GDTrH, GDTX drafts them).
 */
export function canWriteProvince(actor: Actor, provinceOrgId: string): boolean {
  return atLeast(scopeOf(actor, [provinceOrgId]), 'office');
}

/**
 * Who reads an assignment: anyone working in the assigned unit, office staff above it (its district office or
 * commune, the Sở), admins. `unitChain` is the unit and its ancestors in the school year.
 */
export function canReadAssignment(actor: Actor, unitChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, unitChain), 'member');
}

/** Who links the meeting that fulfils an assignment: the unit's managers, office staff above it, admins. */
export function canLinkAssignment(actor: Actor, unitChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, unitChain), 'school');
}

/** The province departments whose programme the actor writes (office staff of the Sở); null = every one (admins). */
export function writableProvinces(actor: Actor): string[] | null {
  if (actor.isAdmin) return null;
  return [...new Set(actor.roles.filter((r) => r.orgType === 'province_department' && isOfficeRole(r)).map((r) => r.orgId))];
}

/** The programme module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  write: (actor: Actor, f: { provinceOrgId: string }) => canWriteProvince(actor, f.provinceOrgId),
  read: (actor: Actor, f: { unitChain: readonly string[] }) => canReadAssignment(actor, f.unitChain),
  link: (actor: Actor, f: { unitChain: readonly string[] }) => canLinkAssignment(actor, f.unitChain),
});
