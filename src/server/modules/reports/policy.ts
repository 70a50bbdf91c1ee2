import { SCHOOL_TYPES } from '../../../shared/enums';
import type { ReportStatus } from '../../../shared/reports';
import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';
import { canDraft as canDraftPlan, canReview as canReviewPlan, type PlanScope } from '../plans/policy';

/**
 * Who may do what with a report (Mẫu 3) and a roll-up. A report is written by those who write the owner's plan and
 * reviewed by those who review it (plans/policy.ts), so the two never drift apart:
 * - draft, edit, submit: the network's leaders and deputies, managers of its lead school, office staff over its
 *   supervising org; for an org: its managers (team head, principal, office staff); admins;
 * - return or accept: office staff over the reviewer org (principals when the reviewer is a school); admins;
 * - read: the above, and managers (principal, vice-principal) of the network's member schools or of the org.
 *   Teachers and other schools do not read reports: they list absent colleagues with their reasons.
 */
export type ReportScope = PlanScope;

/** True when the actor may draft, edit and submit the report. */
export function canDraft(actor: Actor, s: ReportScope): boolean {
  return canDraftPlan(actor, s);
}

/** True when the actor may return or accept the report. */
export function canReview(actor: Actor, s: ReportScope): boolean {
  return canReviewPlan(actor, s);
}

/** True when the actor may read the report. */
export function canRead(actor: Actor, s: ReportScope): boolean {
  if (canDraft(actor, s) || canReview(actor, s)) return true;
  if (s.network) return s.network.memberChains.some((chain) => atLeast(scopeOf(actor, chain), 'school'));
  if (s.org) return atLeast(scopeOf(actor, s.org.chain), s.org.type === 'team' ? 'team' : 'school');
  return false;
}

/** The `can` flags of a report in a status. */
export function reportCan(actor: Actor, s: ReportScope, status: ReportStatus) {
  const draft = canDraft(actor, s);
  const editable = status === 'draft' || status === 'returned';
  return {
    update: draft && editable,
    submit: draft && editable,
    review: (status === 'submitted' || status === 'resubmitted') && canReview(actor, s),
  };
}

/** Who reads an org's roll-up: office staff over it (its own staff included), a school's managers, admins. */
export function canReadRollup(actor: Actor, org: { type: string; chain: string[] }): boolean {
  const scope = scopeOf(actor, org.chain);
  if (atLeast(scope, 'office')) return true;
  return SCHOOL_TYPES.includes(org.type as never) && atLeast(scope, 'school');
}

/** The reports module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  read: canRead,
  draft: canDraft,
  review: canReview,
  readRollup: canReadRollup,
});
