import type { PlanStatus } from '../../../shared/enums';
import { OFFICE_TYPES, SCHOOL_TYPES } from '../../../shared/enums';
import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/** What a plan's policy needs to know about who owns and who reviews it (org chains at today's date). */
export interface PlanScope {
  /** A network's plan: its leaders and deputies, its lead org's chain, its supervising org's chain, its members' chains. */
  network?: { leaderIds: string[]; leadChain: string[] | null; supervisingChain: string[]; memberChains: string[][] };
  /** An org's plan: the org's type and chain. */
  org?: { type: string; chain: string[] };
  reviewerType: string;
  reviewerChain: string[];
}

/**
 * Who drafts, edits and submits a plan. Network: its leaders and deputies, managers of its lead org, office staff over
 * its supervising org. Org: managers of that org (team heads for a team, principals for a school, office staff for an
 * office). Admins always.
 */
export function canDraft(actor: Actor, s: Pick<PlanScope, 'network' | 'org'>): boolean {
  if (actor.isAdmin) return true;
  if (s.network) {
    const n = s.network;
    if (n.leaderIds.includes(actor.personId)) return true;
    if (n.leadChain && atLeast(scopeOf(actor, n.leadChain), 'school')) return true;
    return atLeast(scopeOf(actor, n.supervisingChain), 'office');
  }
  if (s.org) {
    const needed = s.org.type === 'team' ? 'team' : SCHOOL_TYPES.includes(s.org.type as never) ? 'school' : 'office';
    return atLeast(scopeOf(actor, s.org.chain), needed);
  }
  return false;
}

/**
 * Who returns or approves a plan: office staff over the reviewer org, admins; when the reviewer is a school (a team's
 * plan), also its principal and vice-principals.
 */
export function canReview(actor: Actor, s: Pick<PlanScope, 'reviewerType' | 'reviewerChain'>): boolean {
  const scope = scopeOf(actor, s.reviewerChain);
  if (atLeast(scope, 'office')) return true;
  return SCHOOL_TYPES.includes(s.reviewerType as never) && atLeast(scope, 'school');
}

/**
 * Who is told of a submitted plan or report and lists it under "Việc cần làm" (canReview's twin over positions): a
 * position held at an org of the reviewer org's chain reviews from there when it is office staff of an office (the
 * reviewer org or one above it), or a principal or vice-principal of the reviewer org itself when that is a school.
 * Anyone this accepts passes canReview; the service tells the nearest level of the chain that has such people.
 */
export function reviewsFrom(orgType: string, position: string, atReviewerOrg: boolean): boolean {
  if (OFFICE_TYPES.includes(orgType as never)) return position === 'office_leader' || position === 'specialist';
  return atReviewerOrg && SCHOOL_TYPES.includes(orgType as never) && (position === 'principal' || position === 'vice_principal');
}

/** A plan's creator and its last submitter: neither may approve it (issue 14, finding 6). */
export interface PlanAuthors {
  createdBy: string | null;
  submittedBy: string | null;
}

/** Approving is for reviewers who neither created nor submitted the plan; returning it stays open to every reviewer. */
export function canApprove(actor: Actor, s: Pick<PlanScope, 'reviewerType' | 'reviewerChain'>, a: PlanAuthors): boolean {
  return canReview(actor, s) && actor.personId !== a.createdBy && actor.personId !== a.submittedBy;
}

/** Who may approve instead, in Vietnamese, naming the reviewer org ("hiệu trưởng hoặc phó hiệu trưởng khác của …"). */
export function otherApprovers(reviewerType: string, reviewerName: string): string {
  return SCHOOL_TYPES.includes(reviewerType as never)
    ? `hiệu trưởng hoặc phó hiệu trưởng khác của ${reviewerName}, hoặc lãnh đạo, chuyên viên của cơ quan quản lý cấp trên`
    : `lãnh đạo hoặc chuyên viên khác của ${reviewerName}, hoặc của cơ quan quản lý cấp trên`;
}

/**
 * Whether a meeting carries out an item of this plan (issue 14, finding 3): a network plan's meetings are the
 * network's; an org plan's are hosted in the org (a team's plan also by the team's school).
 */
export function meetingOfPlan(
  plan: { networkId: string | null; orgId: string | null },
  s: Pick<PlanScope, 'org'>,
  m: { networkId: string | null; hostChain: readonly string[] },
): boolean {
  if (plan.networkId) return m.networkId === plan.networkId;
  if (!plan.orgId) return false;
  if (m.hostChain.includes(plan.orgId)) return true;
  return s.org?.type === 'team' && s.org.chain[1] === m.hostChain[0];
}

/** Who reads a plan: drafters, reviewers, and anyone working in the network's member schools or in the org. */
export function canRead(actor: Actor, s: PlanScope): boolean {
  if (canDraft(actor, s) || canReview(actor, s)) return true;
  if (s.network) return s.network.memberChains.some((chain) => atLeast(scopeOf(actor, chain), 'member'));
  if (s.org) return atLeast(scopeOf(actor, s.org.chain), 'member');
  return false;
}

/** The `can` flags of a plan in a given status. */
export function planCan(actor: Actor, s: PlanScope, status: PlanStatus) {
  const draft = canDraft(actor, s);
  const editable = status === 'draft' || status === 'returned';
  return {
    update: draft && editable,
    submit: draft && editable,
    review: status === 'submitted' && canReview(actor, s),
    trackItems: status === 'approved' && draft,
  };
}

/**
 * The orgs a plan's items may always name as host or presenter (beyond the drafter's own reach, orgs.canNameOrg): a
 * network plan's member schools, lead org and supervising office; an org plan's org.
 */
export function planOrgIds(s: Pick<PlanScope, 'network' | 'org'>): string[] {
  if (s.org) return s.org.chain.slice(0, 1);
  if (!s.network) return [];
  const n = s.network;
  return [...n.memberChains.map((c) => c[0]), n.leadChain?.[0], n.supervisingChain[0]].filter((x): x is string => Boolean(x));
}

/** The plans module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  read: (actor: Actor, s: PlanScope) => canRead(actor, s),
  draft: (actor: Actor, s: Pick<PlanScope, 'network' | 'org'>) => canDraft(actor, s),
  review: (actor: Actor, s: Pick<PlanScope, 'reviewerType' | 'reviewerChain'>) => canReview(actor, s),
  /**
   * "Lên lịch theo kế hoạch": the plan's drafters turn its items into meetings; each meeting is then created through
   * the meetings service, whose own `create` rule (host managers, network leaders) applies to every host.
   */
  schedule: (actor: Actor, s: Pick<PlanScope, 'network' | 'org'>) => canDraft(actor, s),
  /**
   * A meeting created for one of the plan's items (`POST /api/meetings` with `planItemId`): the creator reads the plan,
   * and the meeting is the plan's (its network's, or hosted in its org): nobody links a meeting to, or copies the
   * content of, another network's or province's plan.
   */
  carryOut: (
    actor: Actor,
    f: {
      scope: PlanScope;
      plan: { networkId: string | null; orgId: string | null };
      meeting: { networkId: string | null; hostChain: readonly string[] };
    },
  ) => canRead(actor, f.scope) && meetingOfPlan(f.plan, f.scope, f.meeting),
});
