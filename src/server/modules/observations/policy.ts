import type { Actor } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

/** What the observations policy needs about one note. */
export interface NoteFacts {
  observerId: string;
  sharedAt: Date | null;
}

/**
 * Observation policy (the actor is already known to be in the study group, see lessonStudy/policy.ts): a note and its
 * photo are its observer's alone until shared; once shared the whole study group reads them. Only the observer
 * changes, shares or deletes a note, and deletes its photo. Nobody outside the group ever reads a photo.
 */
export function canReadNote(actor: Actor, n: NoteFacts): boolean {
  return n.observerId === actor.personId || n.sharedAt !== null;
}

/** Only the observer writes to a note. */
export function isObserver(actor: Actor, n: NoteFacts): boolean {
  return n.observerId === actor.personId;
}

/** The observations module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  /** Writing to a note needs the note (a missing one is refused like another's) and its observer. */
  write: (actor: Actor, n: NoteFacts | undefined) => n !== undefined && isObserver(actor, n),
});
