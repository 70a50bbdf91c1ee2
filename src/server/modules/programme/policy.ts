import { type Actor, atLeast, scopeOf } from '../../lib/actor';

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
