import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

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

/** The rubrics module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  read: (actor: Actor, f: { ownerOrgId: string | null; ownerChain: string[] | null }) => canRead(actor, f.ownerOrgId, f.ownerChain),
  edit: (actor: Actor, f: { ownerChain: string[] | null }) => canEdit(actor, f.ownerChain),
});
