import { OFFICE_TYPES, type OrgType, type Position, SCHOOL_TYPES } from '../../shared/enums';
import type { Executor } from '../db/client';
import * as orgsRepo from '../modules/orgs/repo';
import * as peopleRepo from '../modules/people/repo';
import type { Auth } from './auth';
import { todayIso } from './dates';

/** One current position of the actor, with the org's chain of ancestors (org first). */
export interface ActorRole {
  orgId: string;
  orgName: string;
  orgType: OrgType;
  position: Position;
  chain: string[];
}

/** Who is acting: the account, its person and current positions. Policies decide from this alone plus the resource. */
export interface Actor {
  accountId: string;
  personId: string;
  fullName: string;
  isAdmin: boolean;
  roles: ActorRole[];
}

/** Loads the actor's positions valid today and each position's org ancestry. */
export async function loadActor(db: Executor, auth: Pick<Auth, 'accountId' | 'personId' | 'fullName' | 'isAdmin'>): Promise<Actor> {
  const today = todayIso();
  const memberships = await peopleRepo.activeMemberships(db, auth.personId, today);
  const chains = await orgsRepo.ancestorChains(
    db,
    memberships.map((m) => m.orgId),
    today,
  );
  return {
    accountId: auth.accountId,
    personId: auth.personId,
    fullName: auth.fullName,
    isAdmin: auth.isAdmin,
    roles: memberships.map((m) => ({ ...m, chain: chains.get(m.orgId) ?? [m.orgId] })),
  };
}

/** The actor from positions already read (auth/repo findSessionWithRoles); the same as loadActor would give. */
export function actorFromRoles(
  auth: Pick<Auth, 'accountId' | 'personId' | 'fullName' | 'isAdmin'>,
  roles: { orgId: string; orgName: string; orgType: string; position: string; chain: string[] | null }[],
): Actor {
  return {
    accountId: auth.accountId,
    personId: auth.personId,
    fullName: auth.fullName,
    isAdmin: auth.isAdmin,
    roles: roles.map((r) => ({
      orgId: r.orgId,
      orgName: r.orgName,
      orgType: r.orgType as OrgType,
      position: r.position as Position,
      chain: r.chain?.length ? r.chain : [r.orgId],
    })),
  };
}

/** How far the actor reaches over an org: from 'none' to 'admin'. */
export type Scope = 'none' | 'member' | 'team' | 'school' | 'office' | 'admin';
const rank: Record<Scope, number> = { none: 0, member: 1, team: 2, school: 3, office: 4, admin: 5 };

/** True when scope a reaches at least b. */
export function atLeast(a: Scope, b: Scope): boolean {
  return rank[a] >= rank[b];
}

const OFFICE_POSITIONS: readonly Position[] = ['office_leader', 'specialist'];
const SCHOOL_MANAGERS: readonly Position[] = ['principal', 'vice_principal'];
const TEAM_LEADERS: readonly Position[] = ['team_head', 'team_deputy'];

/** The actor's role as office staff, if any (office leader or specialist of a Sở, Phòng or commune). */
export function isOfficeRole(r: ActorRole): boolean {
  return OFFICE_TYPES.includes(r.orgType) && OFFICE_POSITIONS.includes(r.position);
}

/**
 * The actor's scope over an org, given the org's chain (the org, then its ancestors, at today's date):
 * office staff reach their subtree, principals their school, team heads their team,
 * and anyone working in a school is a member of everything in that school.
 */
export function scopeOf(actor: Actor, chain: readonly string[]): Scope {
  if (actor.isAdmin) return 'admin';
  let best: Scope = 'none';
  const raise = (s: Scope) => {
    if (rank[s] > rank[best]) best = s;
  };
  for (const r of actor.roles) {
    const inChain = chain.includes(r.orgId);
    if (inChain && isOfficeRole(r)) return 'office';
    if (inChain && SCHOOL_TYPES.includes(r.orgType) && SCHOOL_MANAGERS.includes(r.position)) raise('school');
    if (chain[0] === r.orgId && r.orgType === 'team' && TEAM_LEADERS.includes(r.position)) raise('team');
    if (inChain) raise('member');
    const school = schoolOf(r);
    if (school && chain.includes(school)) raise('member');
  }
  return best;
}

/** The school or centre a role belongs to (the role's own org, or its nearest school ancestor). */
function schoolOf(r: ActorRole): string | undefined {
  if (SCHOOL_TYPES.includes(r.orgType)) return r.orgId;
  if (r.orgType === 'team') return r.chain[1];
  return undefined;
}

/** Orgs at which the actor is an office leader (for audit reading). */
export function officeLeaderOrgs(actor: Actor): string[] {
  return actor.roles.filter((r) => OFFICE_TYPES.includes(r.orgType) && r.position === 'office_leader').map((r) => r.orgId);
}

/** Orgs whose subtree the actor manages as office staff or school manager. */
export function managedRoots(actor: Actor): string[] {
  return actor.roles
    .filter((r) => isOfficeRole(r) || (SCHOOL_TYPES.includes(r.orgType) && SCHOOL_MANAGERS.includes(r.position)))
    .map((r) => r.orgId);
}
