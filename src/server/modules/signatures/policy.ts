import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/**
 * Digital signatures of official documents (decision 0032).
 * - Sealing a record's PDF with the organisation's certificate: the leaders of the issuing school (school scope on
 *   the host's chain: principal, vice-principals) and the office staff above it, admins.
 * - A Sở's setting ("account" or "ca_required" per form kind): read and changed by the Sở's office staff and admins.
 */

/** True when the actor may sign the record of an org (the host's chain, from the host up) with the seal. */
export function canSeal(actor: Actor, hostChain: readonly string[]): boolean {
  return actor.isAdmin || atLeast(scopeOf(actor, hostChain), 'school');
}

/** True when the actor manages the Sở's signature settings (the Sở's own chain). */
export function canManageSettings(actor: Actor, departmentChain: readonly string[]): boolean {
  return actor.isAdmin || atLeast(scopeOf(actor, departmentChain), 'office');
}

/** The signatures module's one authorisation entry. */
export const authorize = authorizer({
  seal: (actor: Actor, f: { hostChain: readonly string[] }) => canSeal(actor, f.hostChain),
  settings: (actor: Actor, f: { departmentChain: readonly string[] }) => canManageSettings(actor, f.departmentChain),
});
