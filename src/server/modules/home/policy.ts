import { type Actor, managedRoots } from '../../lib/actor';
import { authorizer } from '../../lib/policy';
import { canReadInspection, canWriteInspections } from '../inspections/policy';
import { isSigner } from '../minutes/policy';
import { canDraft, canReview, type PlanScope } from '../plans/policy';

/**
 * Home shows the logged-in person their own work: no request names another person or a record, so reading it is open
 * to every logged-in user, and each item is kept only when the owning module's rule lets the person do that work
 * (review a plan or report, sign minutes, draft the plan or report that is due, run the meeting).
 */
export const authorize = authorizer({ 'todo.read': (_actor: Actor) => true });

/** Orgs whose subtree may hold plans and reports the actor reviews: their offices (as office staff) and schools (as managers). */
export function reviewRoots(actor: Actor): string[] {
  return managedRoots(actor);
}

/** A plan or report waiting for review is the actor's work when plans/policy lets them review it. */
export function reviewsIt(actor: Actor, scope: Pick<PlanScope, 'reviewerType' | 'reviewerChain'>): boolean {
  return canReview(actor, scope);
}

/** A plan or report due is the actor's work when they may draft and submit it (plans/policy canDraft). */
export function owesIt(actor: Actor, scope: Pick<PlanScope, 'network' | 'org'>): boolean {
  return canDraft(actor, scope);
}

/** Minutes out for signing are the actor's to sign when the frozen signers name them (minutes/policy isSigner). */
export function signsIt(actor: Actor, signers: ReadonlyArray<{ personId: string; role: string }>): boolean {
  return isSigner(actor, new Map(signers.map((s) => [s.personId, s.role])));
}

/** A meeting's preparation, attendance and minutes are the work of its chair and its secretary. */
export function runsIt(actor: Actor, m: { chairPersonId: string | null; secretaryPersonId: string | null }): boolean {
  return m.chairPersonId === actor.personId || m.secretaryPersonId === actor.personId;
}

/**
 * An inspection is the actor's work as the inspector when they write the province's inspections, as the unit when
 * they manage the inspected unit (inspections/policy); undefined when it is not theirs.
 */
export function inspectionSide(actor: Actor, i: { provinceOrgId: string; unitOrgId: string | null }): 'inspector' | 'unit' | undefined {
  if (canWriteInspections(actor, i.provinceOrgId)) return 'inspector';
  if (i.unitOrgId && canReadInspection(actor, { provinceOrgId: i.provinceOrgId, targetChains: [[i.unitOrgId]], leaderIds: [] }))
    return 'unit';
  return undefined;
}

/** Failed e-mails are the administrators' work (the outbox page is theirs). */
export function watchesMail(actor: Actor): boolean {
  return actor.isAdmin;
}
