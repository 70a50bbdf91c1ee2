import { type Actor, atLeast, scopeOf } from '../../lib/actor';

/** What a policy needs to know about a meeting: its people and where it sits in the org tree. */
export interface MeetingAccess {
  chairPersonId: string | null;
  secretaryPersonId: string | null;
  /** The host org and its ancestors, today. */
  hostChain: readonly string[];
  /** Chains of the network's member schools (empty without a network). */
  networkChains: ReadonlyArray<readonly string[]>;
  /** The actor is invited or has an attendance row. */
  actorInvited: boolean;
}

/** The actor is the named chair or secretary of the meeting. */
export function isChairOrSecretary(actor: Actor, m: MeetingAccess): boolean {
  return actor.personId === m.chairPersonId || actor.personId === m.secretaryPersonId;
}

/** Host managers (principals of the host school), office staff above the host, admins. */
export function isHostManager(actor: Actor, m: MeetingAccess): boolean {
  return atLeast(scopeOf(actor, m.hostChain), 'school');
}

/**
 * Attendance policy: the secretary, the chair, the host's managers, office staff above the host and admins record
 * attendance and show the QR check-in code.
 */
export function attendanceCan(actor: Actor, m: MeetingAccess): { record: boolean; showCheckinCode: boolean } {
  const record = isChairOrSecretary(actor, m) || isHostManager(actor, m);
  return { record, showCheckinCode: record };
}

/**
 * Who may read the meeting's attendance summary and minutes: participants and invitees, the chair and secretary,
 * managers of the host and of the network's schools, office staff above them, admins. Other schools' staff may not.
 */
export function canReadMeetingRecord(actor: Actor, m: MeetingAccess): boolean {
  if (m.actorInvited || isChairOrSecretary(actor, m) || isHostManager(actor, m)) return true;
  return m.networkChains.some((chain) => atLeast(scopeOf(actor, chain), 'school'));
}
