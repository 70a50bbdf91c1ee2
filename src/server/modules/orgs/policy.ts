import { ALLOWED_CHILDREN, type OrgType } from '../../../shared/enums';
import type { OrgDetail } from '../../../shared/types';
import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/**
 * Org policy. Everyone logged in reads an org's public facts (name, type, place in the tree).
 * Staff lists and contacts are private: members of the school, its managers and the offices above.
 * Office staff edit and move what is under them; a principal edits the school and creates its teams;
 * a team head edits the team.
 */
export function orgCan(actor: Actor, chain: readonly string[], type: OrgType): OrgDetail['can'] {
  const scope = scopeOf(actor, chain);
  const office = atLeast(scope, 'office');
  return {
    update: atLeast(scope, 'team'),
    createChild: ALLOWED_CHILDREN[type].length > 0 && (office || (scope === 'school' && (type === 'school' || type === 'center'))),
    move: office && type !== 'province_department',
    viewStaff: atLeast(scope, 'member'),
    manageStaff: atLeast(scope, 'school'),
  };
}

/** Creating an org without a parent (a new province department) is for admins only. */
export function canCreateRoot(actor: Actor): boolean {
  return actor.isAdmin;
}

/**
 * Whether an org may be named in a record the actor writes (a host, a presenting team, a network member, the school
 * of a panel member or presenter): it lies within the actor's reach (any scope over it, or an office above one of the
 * actor's own orgs), or inside the record's own orgs (e.g. the member schools of the record's network). Another
 * province's school is neither.
 */
export function canNameOrg(actor: Actor, chain: readonly string[], recordOrgIds: readonly string[] = []): boolean {
  if (actor.isAdmin || scopeOf(actor, chain) !== 'none') return true;
  if (actor.roles.some((r) => r.chain.includes(chain[0] as string))) return true;
  return chain.some((id) => recordOrgIds.includes(id));
}

/** Admins may name any org or person in a record (a shortcut of canNameOrg that needs no chains). */
export function namesAnything(actor: Actor): boolean {
  return actor.isAdmin;
}

/** Whether the actor may move an org under this new parent (admins anywhere, else office staff over the parent). */
export function canMoveUnder(actor: Actor, parentChain: readonly string[], parentType: OrgType): boolean {
  return actor.isAdmin || orgCan(actor, parentChain, parentType).move;
}

type OrgFacts = { chain: readonly string[]; type: OrgType };

/** The orgs module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  /** The tree's public facts (names, types, places) are for everyone logged in; a root only narrows what is read. */
  readTree: (_actor: Actor, _root: OrgFacts) => true,
  createChild: (actor: Actor, parent: OrgFacts) => orgCan(actor, parent.chain, parent.type).createChild,
  update: (actor: Actor, org: OrgFacts) => orgCan(actor, org.chain, org.type).update,
  move: (actor: Actor, org: OrgFacts) => orgCan(actor, org.chain, org.type).move,
});
