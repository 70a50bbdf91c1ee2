import { type Actor, atLeast, scopeOf } from '../../lib/actor';

/** Everyone logged in reads the rules of any org (they are public instructions). */
export function canReadRules(_actor: Actor): boolean {
  return true;
}

/** Office staff over the org (its leaders and specialists, or those of an office above it) and admins write its rules. */
export function canWriteRules(actor: Actor, orgChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, orgChain), 'office');
}
