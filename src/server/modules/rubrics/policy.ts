import { type Actor, atLeast, scopeOf } from '../../lib/actor';

/** Who defines an org's rubrics: office staff over the org (Sở, Phòng, commune), and admins. Presets are fixed. */
export function canEdit(actor: Actor, ownerChain: string[] | null): boolean {
  if (!ownerChain) return false;
  return atLeast(scopeOf(actor, ownerChain), 'office');
}

/** Who reads a rubric: everyone for presets; for an org's rubric, anyone working in or under it, and those above it. */
export function canRead(actor: Actor, ownerOrgId: string | null, ownerChain: string[] | null): boolean {
  if (!ownerOrgId || !ownerChain) return true;
  if (actor.isAdmin) return true;
  if (actor.roles.some((r) => r.chain.includes(ownerOrgId))) return true;
  return atLeast(scopeOf(actor, ownerChain), 'member');
}
