import type { MinutesStatus } from '../../../shared/enums';
import type { MinutesView } from '../../../shared/minutes';
import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';
import { isChairOrSecretary, type MeetingAccess } from '../attendance/policy';

export { canReadMeetingRecord as canReadMinutes } from '../attendance/policy';

/**
 * Minutes policy. Reading: see canReadMinutes. Writing the text and starting the signing: the secretary and the
 * chair, while the minutes are a draft. Signing: participants only (attendees present or late, chair, secretary).
 * Signing at the venue (decision 0028): the chair or secretary's session submits the signature of a required signer
 * who proved who they are on that device. Addenda to locked minutes: written by the secretary or chair, signed by participants. Nobody, not even an admin,
 * changes locked minutes.
 */
export function minutesCan(
  actor: Actor,
  m: MeetingAccess,
  status: MinutesStatus,
  participant: boolean,
  signed: boolean,
): MinutesView['can'] {
  const writer = isChairOrSecretary(actor, m);
  return {
    edit: writer && status === 'draft',
    startSigning: writer && status === 'draft',
    sign: participant && !signed && status === 'signing',
    addAddendum: writer && status === 'locked',
    signAddenda: participant && status === 'locked',
    venueSign: writer && status === 'signing',
  };
}

/** The team meeting count is readable by anyone working in the team's school and by the offices above it. */
export function canReadTeamCount(actor: Actor, teamChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, teamChain), 'member');
}

/** Signing the minutes or an addendum is for the required signers frozen at start-signing (person id → role). */
export function isSigner(actor: Actor, signers: ReadonlyMap<string, string>): boolean {
  return signers.has(actor.personId);
}

/** The minutes module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  /** Writing the text, starting the signing, adding an addendum: the chair and the secretary. */
  write: (actor: Actor, m: MeetingAccess) => isChairOrSecretary(actor, m),
  sign: (actor: Actor, f: { signers: ReadonlyMap<string, string> }) => isSigner(actor, f.signers),
  /** Signing at the venue: the device holder is the meeting's chair or secretary, the signer a required signer. */
  venueSign: (actor: Actor, f: { access: MeetingAccess; signers: ReadonlyMap<string, string>; signerId: string }) =>
    isChairOrSecretary(actor, f.access) && f.signers.has(f.signerId),
  'teamCount.read': (actor: Actor, f: { teamChain: readonly string[] }) => canReadTeamCount(actor, f.teamChain),
});
