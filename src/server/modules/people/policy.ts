import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/**
 * People policy. A person's record (contacts, positions) is private to: the person, colleagues of the same school,
 * the school's managers, the offices above, and admins. Writing needs manager scope ('school' or above) over every
 * org the person holds or will hold a position in.
 */
export function canReadPerson(actor: Actor, personId: string, orgChains: ReadonlyArray<readonly string[]>): boolean {
  return actor.personId === personId || actor.isAdmin || orgChains.some((c) => atLeast(scopeOf(actor, c), 'member'));
}

/** Admins read every person's record (a shortcut of canReadPerson that needs no facts). */
export function readsEveryPerson(actor: Actor): boolean {
  return actor.isAdmin;
}

/** Whether the actor may create or change a person holding positions in these orgs. */
export function canWritePerson(actor: Actor, orgChains: ReadonlyArray<readonly string[]>): boolean {
  if (actor.isAdmin) return true;
  return orgChains.length > 0 && orgChains.every((c) => atLeast(scopeOf(actor, c), 'school'));
}

/** Whether the actor reads the staff of an org and its subtree (chain = the org, then its ancestors). */
export function canReadStaff(actor: Actor, orgChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, orgChain), 'member');
}

/**
 * The roots of the subtrees whose staff the actor lists without naming an org: the schools they work in (a team's
 * school) and the orgs where they hold a position; null = all (admins). The service reads the subtrees below them.
 */
export function readableStaffRoots(actor: Actor): string[] | null {
  if (actor.isAdmin) return null;
  return [...new Set(actor.roles.map((r) => (r.orgType === 'team' ? (r.chain[1] ?? r.orgId) : r.orgId)))];
}

type PersonFacts = { personId: string; orgChains: ReadonlyArray<readonly string[]> };

/** The people module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  'staff.read': (actor: Actor, f: { orgChain: readonly string[] }) => canReadStaff(actor, f.orgChain),
  read: (actor: Actor, f: PersonFacts) => canReadPerson(actor, f.personId, f.orgChains),
  write: (actor: Actor, f: { orgChains: ReadonlyArray<readonly string[]> }) => canWritePerson(actor, f.orgChains),
});
