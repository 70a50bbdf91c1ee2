import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/** Everyone logged in reads the rules of any org (they are public instructions). */
export function canReadRules(_actor: Actor): boolean {
  return true;
}

/** Office staff over the org (its leaders and specialists, or those of an office above it) and admins write its rules. */
export function canWriteRules(actor: Actor, orgChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, orgChain), 'office');
}

/** The rules module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  write: (actor: Actor, f: { orgChain: readonly string[] }) => canWriteRules(actor, f.orgChain),
});
