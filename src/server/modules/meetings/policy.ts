import type { MeetingCan } from '../../../shared/meetings';
import { type Actor, atLeast, scopeOf } from '../../lib/actor';

/** What the meetings policy needs to know about one meeting and the actor's place in it. */
export interface MeetingFacts {
  status: string;
  mode: string;
  chairPersonId: string | null;
  secretaryPersonId: string | null;
  /** The host org and its ancestors, today. */
  hostChain: readonly string[];
  /** Chains of the network's member schools (empty without a network). */
  networkChains: ReadonlyArray<readonly string[]>;
  /** People leading the meeting's network (leader or deputy). */
  networkLeaderIds: readonly string[];
  /** The actor is invited, or presents. */
  actorInvited: boolean;
  actorPresents: boolean;
  /** The meeting has started (it may be marked as held). */
  started: boolean;
}

/** Host managers (scope school over the host), office staff above the host, admins. */
export function managesHost(actor: Actor, m: Pick<MeetingFacts, 'hostChain'>): boolean {
  return atLeast(scopeOf(actor, m.hostChain), 'school');
}

/**
 * Who edits a meeting: host managers, the network's leaders and deputies, the named chair and secretary, office staff
 * above the host, admins.
 */
export function canEditMeeting(actor: Actor, m: MeetingFacts): boolean {
  return (
    managesHost(actor, m) ||
    m.networkLeaderIds.includes(actor.personId) ||
    actor.personId === m.chairPersonId ||
    actor.personId === m.secretaryPersonId
  );
}

/**
 * Who reads a meeting in full: editors, invitees and presenters, anyone working in the host school or in one of the
 * network's schools, office staff above them. Others get at most the public calendar line.
 */
export function canReadMeeting(actor: Actor, m: MeetingFacts): boolean {
  if (canEditMeeting(actor, m) || m.actorInvited || m.actorPresents) return true;
  if (atLeast(scopeOf(actor, m.hostChain), 'member')) return true;
  return m.networkChains.some((chain) => atLeast(scopeOf(actor, chain), 'member'));
}

/** Contacts of invitees (e-mail, phone) are for the meeting's editors only. */
export function canSeeContacts(actor: Actor, m: MeetingFacts): boolean {
  return canEditMeeting(actor, m);
}

/** Naming the secretary is for the chair and the host's managers (and office staff above, admins). */
export function canNameSecretary(actor: Actor, m: Pick<MeetingFacts, 'hostChain' | 'chairPersonId'>): boolean {
  return managesHost(actor, m) || actor.personId === m.chairPersonId;
}

const OPEN = ['draft', 'scheduled', 'postponed'];

/** Every flag the UI needs, from the status and the actor's rights. */
export function meetingCan(actor: Actor, m: MeetingFacts): MeetingCan {
  const read = canReadMeeting(actor, m);
  const edit = canEditMeeting(actor, m);
  const open = OPEN.includes(m.status);
  const editOpen = edit && open;
  return {
    read,
    edit: editOpen,
    schedule: edit && (m.status === 'draft' || m.status === 'postponed'),
    postpone: edit && m.status === 'scheduled',
    cancel: editOpen,
    markHeld: edit && m.status === 'scheduled' && m.started,
    delete: edit && m.status === 'draft',
    applyBridgeRule: editOpen && m.mode !== 'in_person',
    invite: editOpen,
    upload: edit && m.status !== 'cancelled',
    nameSecretary: open && canNameSecretary(actor, m),
  };
}
