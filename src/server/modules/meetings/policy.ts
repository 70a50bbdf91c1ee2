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

/**
 * The orgs of a meeting that widen who its editors may invite or name (issue 14): the host, the network's member
 * schools and lead org (each with its subtree), the network's supervising office and the offices above the host
 * (their own staff).
 */
export interface InviteReach {
  hostOrgId: string;
  /** The host and its ancestors. */
  hostChain: readonly string[];
  /** Member schools and the lead org of the meeting's network (empty without one). */
  networkOrgIds: readonly string[];
  supervisingOrgId: string | null;
}

/** Whether everyone in an org's subtree may be invited: orgs the actor manages, the host's and the network's schools. */
export function invitesWholeSubtree(actor: Actor, reach: InviteReach, chain: readonly string[]): boolean {
  if (atLeast(scopeOf(actor, chain), 'school')) return true;
  return chain.includes(reach.hostOrgId) || reach.networkOrgIds.some((id) => chain.includes(id));
}

/**
 * The invitable set, ONE rule for invitation rules, invite by name, chair, secretary and presenters: people holding a
 * position in an org (given by its chain, org first) the actor manages (office staff: their subtree; principals:
 * their school), in the host or one of the network's schools, or in the supervising office or an office above the
 * host itself. Admins invite anyone.
 */
export function mayInviteFrom(actor: Actor, reach: InviteReach, chain: readonly string[]): boolean {
  if (invitesWholeSubtree(actor, reach, chain)) return true;
  return chain[0] === reach.supervisingOrgId || reach.hostChain.slice(1).includes(chain[0]);
}

/**
 * How to refuse an id outside the invitable set: 403 when it lies outside everything the actor reaches (they may not
 * even read it), a 400 naming the field when the actor reads it but it is not allowed for this meeting.
 */
export function refusal(actor: Actor, chains: ReadonlyArray<readonly string[]>): 'forbidden' | 'field' {
  return chains.some((c) => atLeast(scopeOf(actor, c), 'member')) ? 'field' : 'forbidden';
}

/** What the host check needs: the host's chain, the network's schools, leaders and supervising office's chain. */
export interface HostFacts {
  hostChain: readonly string[];
  network: { orgIds: readonly string[]; leaderIds: readonly string[]; supervisingChain: readonly string[] } | null;
}

/**
 * Finding 4: the host is a member or the lead of the meeting's network, or an org the actor manages; a network is
 * attached only by its leaders, the office supervising it, or for a host that belongs to it.
 */
export function hostProblem(actor: Actor, f: HostFacts): 'hostOrgId' | 'networkId' | null {
  const inNetwork = !!f.network && f.network.orgIds.includes(f.hostChain[0]);
  if (!inNetwork && !managesHost(actor, f)) return 'hostOrgId';
  if (f.network && !inNetwork) {
    const leads = f.network.leaderIds.includes(actor.personId);
    if (!leads && !atLeast(scopeOf(actor, f.network.supervisingChain), 'office')) return 'networkId';
  }
  return null;
}
