import { type SQL, sql } from 'drizzle-orm';
import { SCHOOL_TYPES } from '../../../shared/enums';
import type { MeetingCan } from '../../../shared/meetings';
import { type Actor, atLeast, isOfficeRole, scopeOf } from '../../lib/actor';
import { authorizer } from '../../lib/policy';

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
  /** Its minutes are out for signing or locked: nothing of the meeting changes any more (decision 0024). */
  recordClosed?: boolean;
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
 * The flags a meeting page shows: meetingCan, with every change withdrawn once the minutes are out for signing or
 * locked (the record guard answers 409 to each, decision 0024), so the page offers nothing it would refuse.
 */
export function meetingPageCan(actor: Actor, m: MeetingFacts): MeetingCan {
  const can = meetingCan(actor, m);
  if (!m.recordClosed) return can;
  return {
    ...can,
    edit: false,
    schedule: false,
    postpone: false,
    cancel: false,
    markHeld: false,
    delete: false,
    applyBridgeRule: false,
    invite: false,
    upload: false,
    nameSecretary: false,
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
 * The invitable set as org roots, for the people pickers of a meeting: `subtrees` are invited whole (the host, the
 * network's schools and lead, orgs the actor manages), `own` are offices whose own staff are invitable (the
 * supervising office, the offices above the host), each given by its chain. Every root satisfies mayInviteFrom.
 */
export function invitableRoots(
  actor: Actor,
  reach: InviteReach,
  officeChains: ReadonlyArray<readonly string[]>,
): { subtrees: string[]; own: string[] } {
  const managed = actor.roles.filter((r) => invitesWholeSubtree(actor, reach, r.chain)).map((r) => r.orgId);
  const own = officeChains.filter((c) => c.length > 0 && mayInviteFrom(actor, reach, c)).map((c) => c[0]);
  return { subtrees: [...new Set([reach.hostOrgId, ...reach.networkOrgIds, ...managed])], own: [...new Set(own)] };
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

/** Finding 6: admins may invite or name anyone, so their named people need no check against the invitable set. */
export function invitesAnyone(actor: Actor): boolean {
  return actor.isAdmin;
}

/** Who creates a meeting: the host's managers (office staff above, admins) and the leaders of its network. */
export function canCreateMeeting(actor: Actor, f: { hostChain: readonly string[]; networkLeaderIds: readonly string[] }): boolean {
  return managesHost(actor, f) || f.networkLeaderIds.includes(actor.personId);
}

/** What the network policy needs: its leaders and deputies, the supervising office's chain, the member schools' chains. */
export interface NetworkFacts {
  leaderIds: readonly string[];
  supervisingChain: readonly string[];
  memberChains: ReadonlyArray<readonly string[]>;
}

/**
 * A network's shared things (chat links, calendar feed): its leaders and deputies, the supervising office and admins
 * edit; anyone working in a member school (and office staff above) reads.
 */
export function networkCan(actor: Actor, f: NetworkFacts): { read: boolean; edit: boolean } {
  const edit = f.leaderIds.includes(actor.personId) || atLeast(scopeOf(actor, f.supervisingChain), 'office');
  const read = edit || f.memberChains.some((c) => atLeast(scopeOf(actor, c), 'member'));
  return { read, edit };
}

/**
 * An org a network's meetings may use as a bridge point (and keep a saved link for): a member school, the supervising
 * office, or an office above a member school (its commune or district office, the Sở).
 */
export function isBridgeOrgOf(f: NetworkFacts, chain: readonly string[]): boolean {
  const orgId = chain[0];
  return f.supervisingChain[0] === orgId || f.memberChains.some((c) => c.includes(orgId));
}

/** Who is asking, for the schedule's SQL visibility condition: admin, or the orgs whose subtree they reach. */
export interface Viewer {
  personId: string;
  isAdmin: boolean;
  /** Orgs whose subtree the viewer reads: their schools (and teams' schools) and, for office staff, their office. */
  rootOrgIds: string[];
}

/** The viewer of a schedule: office staff reach their office, everyone else their schools (a team's school). */
export function viewerOf(actor: Actor): Viewer {
  const roots = new Set<string>();
  for (const r of actor.roles) {
    if (isOfficeRole(r) || SCHOOL_TYPES.includes(r.orgType)) roots.add(r.orgId);
    else if (r.orgType === 'team' && r.chain[1]) roots.add(r.chain[1]);
  }
  return { personId: actor.personId, isAdmin: actor.isAdmin, rootOrgIds: [...roots] };
}

/**
 * SQL twin of canReadMeeting for lists: the viewer may read meeting `m` in full. It refers to the recursive CTE
 * `reach` (the viewer's root orgs and their subtrees), which the query declares.
 */
export function readableMeetingSql(v: Viewer): SQL {
  if (v.isAdmin) return sql`true`;
  const reach = v.rootOrgIds.length
    ? sql`(m.host_org_id in (select id from reach) or exists (select 1 from network_members nm where nm.network_id = m.network_id and nm.org_id in (select id from reach)))`
    : sql`false`;
  return sql`(${reach}
    or m.chair_person_id = ${v.personId} or m.secretary_person_id = ${v.personId}
    or exists (select 1 from invitations i where i.meeting_id = m.id and i.person_id = ${v.personId})
    or exists (select 1 from meeting_presenters p where p.meeting_id = m.id and p.person_id = ${v.personId})
    or exists (select 1 from network_leaders nl where nl.network_id = m.network_id and nl.person_id = ${v.personId}))`;
}

/** The meetings module's one authorisation entry: `authorize(actor, action, facts)` throws FORBIDDEN when refused. */
export const authorize = authorizer({
  create: (actor: Actor, f: { hostChain: readonly string[]; networkLeaderIds: readonly string[] }) => canCreateMeeting(actor, f),
  read: (actor: Actor, f: MeetingFacts) => canReadMeeting(actor, f),
  edit: (actor: Actor, f: MeetingFacts) => canEditMeeting(actor, f),
  upload: (actor: Actor, f: MeetingFacts) => meetingCan(actor, f).upload,
  'network.read': (actor: Actor, f: NetworkFacts) => networkCan(actor, f).read,
  'network.edit': (actor: Actor, f: NetworkFacts) => networkCan(actor, f).edit,
});
