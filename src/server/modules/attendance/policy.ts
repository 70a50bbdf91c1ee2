import { type Actor, atLeast, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

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

/** Travel-allowance export: office staff above the org and the org's own managers (principals). */
export function canExportTravel(actor: Actor, orgChain: readonly string[]): boolean {
  return atLeast(scopeOf(actor, orgChain), 'school');
}

/** The attendance module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  record: (actor: Actor, m: MeetingAccess) => attendanceCan(actor, m).record,
  showCheckinCode: (actor: Actor, m: MeetingAccess) => attendanceCan(actor, m).showCheckinCode,
  'travel.export': (actor: Actor, f: { orgChain: readonly string[] }) => canExportTravel(actor, f.orgChain),
});
