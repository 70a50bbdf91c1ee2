import type { Actor } from '../../lib/actor';
import { authorizer } from '../../lib/policy';
import { type MeetingFacts, managesHost } from '../meetings/policy';

/**
 * Lesson-study policy. The study group is the meeting's host managers (and office staff above the host, admins), its
 * chair and secretary, its presenters and its invitees; nobody else sees anything of the study. Inside the group:
 * everyone writes lesson-plan versions and comments, draws the seating map and takes observation notes; organisers (host
 * managers, chair, secretary, presenters) move the study to its next step and write the analysis; the chair and
 * the secretary (who write the minutes) put the analysis into the minutes.
 */
export function inStudyGroup(actor: Actor, f: MeetingFacts): boolean {
  return (
    managesHost(actor, f) ||
    actor.personId === f.chairPersonId ||
    actor.personId === f.secretaryPersonId ||
    f.actorInvited ||
    f.actorPresents
  );
}

/** Host managers, chair, secretary and presenters organise the study. */
export function organisesStudy(actor: Actor, f: MeetingFacts): boolean {
  return managesHost(actor, f) || actor.personId === f.chairPersonId || actor.personId === f.secretaryPersonId || f.actorPresents;
}

/** The minutes' writers (chair, secretary) copy the analysis into the minutes while they are a draft. */
export function writesMinutes(actor: Actor, f: MeetingFacts): boolean {
  return actor.personId === f.chairPersonId || actor.personId === f.secretaryPersonId;
}

/** The `can` flags of a lesson study for the actor. */
export function lessonStudyCan(actor: Actor, f: MeetingFacts, minutesStatus: string) {
  const open = f.status !== 'cancelled';
  return {
    contribute: open && inStudyGroup(actor, f),
    organise: open && organisesStudy(actor, f),
    toMinutes: writesMinutes(actor, f) && minutesStatus === 'draft',
  };
}

/** The lesson-study module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  contribute: inStudyGroup,
  organise: organisesStudy,
  toMinutes: writesMinutes,
});
