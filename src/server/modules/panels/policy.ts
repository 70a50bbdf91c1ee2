import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/** What an event's policy needs: the organiser's chain, the panel, and the actor's progress in scoring. */
export interface PanelScope {
  organiserOrgId: string;
  organiserChain: string[];
  headPersonId: string;
  memberIds: string[];
  entryCount: number;
  myScoreCount: number;
}

/** Who creates and manages events: office staff over the organiser org (Sở, Phòng, commune), admins. */
export function canOrganise(actor: Actor, organiserChain: string[]): boolean {
  return atLeast(scopeOf(actor, organiserChain), 'office');
}

export const isMember = (actor: Actor, s: PanelScope) => s.memberIds.includes(actor.personId);
export const isHead = (actor: Actor, s: PanelScope) => s.headPersonId === actor.personId;

/** Who sees an event: organisers, its panel, and anyone working in a school or office under the organiser. */
export function canRead(actor: Actor, s: PanelScope): boolean {
  if (canOrganise(actor, s.organiserChain) || isMember(actor, s)) return true;
  return actor.roles.some((r) => r.chain.includes(s.organiserOrgId));
}

/** Who sees all entries' dossiers: organisers and the panel. Others see only their own team's entry. */
export function canSeeAllEntries(actor: Actor, s: PanelScope): boolean {
  return canOrganise(actor, s.organiserChain) || isMember(actor, s);
}

/**
 * Who sees the ranking and the members' totals: organisers always; a panel member (the head too) only once they have
 * submitted their own score for every entry, so that each scores alone. Enforced here, not only in the UI.
 */
export function canSeeScores(actor: Actor, s: PanelScope): boolean {
  if (isMember(actor, s)) return s.entryCount > 0 && s.myScoreCount >= s.entryCount;
  return canOrganise(actor, s.organiserChain);
}

/** Who submits a team's entry: the team's head or deputy, its school's managers, office staff above it. */
export function canSubmitFor(actor: Actor, teamChain: string[]): boolean {
  return atLeast(scopeOf(actor, teamChain), 'team');
}

/** The panels module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  organise: (actor: Actor, f: { organiserChain: string[] }) => canOrganise(actor, f.organiserChain),
  read: canRead,
  submitEntry: (actor: Actor, f: { teamChain: string[] }) => canSubmitFor(actor, f.teamChain),
  score: isMember,
  select: isHead,
  results: canSeeScores,
});
