import { type Actor, atLeast, scopeOf } from '../../lib/actor';

/**
 * People policy. A person's record (contacts, positions) is private to: the person, colleagues of the same school,
 * the school's managers, the offices above, and admins. Writing needs manager scope ('school' or above) over every
 * org the person holds or will hold a position in.
 */
export function canReadPerson(actor: Actor, personId: string, orgChains: ReadonlyArray<readonly string[]>): boolean {
  return actor.personId === personId || actor.isAdmin || orgChains.some((c) => atLeast(scopeOf(actor, c), 'member'));
}

/** Whether the actor may create or change a person holding positions in these orgs. */
export function canWritePerson(actor: Actor, orgChains: ReadonlyArray<readonly string[]>): boolean {
  if (actor.isAdmin) return true;
  return orgChains.length > 0 && orgChains.every((c) => atLeast(scopeOf(actor, c), 'school'));
}
