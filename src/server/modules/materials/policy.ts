import type { MaterialVisibility } from '../../../shared/materials';
import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/** What a material's policy needs: its owner's chain, province, uploader, and whether the actor's school shares a network with the owner. */
export interface MaterialScope {
  visibility: MaterialVisibility;
  ownerChain: string[];
  provinceOrgId: string;
  uploadedBy: string | null;
  sharesNetwork: boolean;
}

/**
 * Who reads a material: everyone logged in when public; anyone working in the province when "province"; when
 * "network", the owner school, the offices above it, and the schools sharing a network with it. The uploader always.
 */
export function canRead(actor: Actor, s: MaterialScope): boolean {
  if (actor.isAdmin || s.visibility === 'public' || s.uploadedBy === actor.personId) return true;
  if (s.visibility === 'province') return actor.roles.some((r) => r.chain.includes(s.provinceOrgId));
  return s.sharesNetwork || atLeast(scopeOf(actor, s.ownerChain), 'member');
}

/** Who deletes a material: its uploader, the owner school's managers, office staff above it, admins. */
export function canDelete(actor: Actor, s: MaterialScope): boolean {
  return s.uploadedBy === actor.personId || atLeast(scopeOf(actor, s.ownerChain), 'school');
}

/** The schools (or centres) the actor works in: used to find networks shared with a material's owner. */
export function actorSchools(actor: Actor): string[] {
  return actor.roles.flatMap((r) =>
    r.orgType === 'team' ? [r.chain[1]] : r.orgType === 'school' || r.orgType === 'center' ? [r.orgId] : [],
  );
}

/** Who publishes a meeting attachment to the library: its uploader, or whoever may manage the meeting's files. */
export function canPublish(actor: Actor, f: { uploadedBy: string | null; managesMeetingFiles: boolean }): boolean {
  return f.uploadedBy === actor.personId || f.managesMeetingFiles;
}

/** The materials module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  read: canRead,
  delete: (actor: Actor, s: MaterialScope) => canRead(actor, s) && canDelete(actor, s),
  publish: canPublish,
});
