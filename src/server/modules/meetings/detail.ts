import {
  type InvitationRule,
  type MeetingDetail,
  type MeetingSummary,
  type MeetingsQuery,
  type MinePage,
  mineCursorOf,
  parseMineCursor,
} from '../../../shared/meetings';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { ancestorChains } from '../orgs/repo';
import { canReadPerson, readsEveryPerson } from '../people/policy';
import { loadMeetingPage } from './access';
import { anyPositionOrgs } from './inviteRepo';
import { listMeetings, type MeetingLine, myMeetings, myMeetingsPage } from './listRepo';
import { authorize, canSeeContacts, meetingPageCan, viewerOf } from './policy';
import { missingLinks } from './validate';

const iso = (d: Date | string) => new Date(d).toISOString();
const named = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);

/** Schedule lines with their subjects (read with the lines); restricted lines keep only the public calendar facts. */
function shape(lines: MeetingLine[]): MeetingSummary[] {
  return lines.map((l) => ({
    id: l.id,
    title: l.title,
    kind: l.kind,
    mode: l.mode,
    status: l.status,
    startsAt: iso(l.startsAt),
    endsAt: iso(l.endsAt),
    hostOrg: { id: l.hostOrgId, name: l.hostName },
    network: named(l.networkId, l.networkName),
    subjects: l.subjects.map((s) => ({ id: s.id, name: s.name })),
    grade: l.grade,
    restricted: !l.readable,
    ...(l.roles ? { myRoles: l.roles } : {}),
  }));
}

/** The schedule: meetings matching the filters that the actor may see. */
export async function list(db: Executor, actor: Actor, q: MeetingsQuery): Promise<MeetingSummary[]> {
  return shape(await listMeetings(db, viewerOf(actor), q, todayIso()));
}

/** "My meetings": invited, chairing, writing the minutes or presenting. */
export async function mine(db: Executor, actor: Actor, q: Pick<MeetingsQuery, 'from' | 'to'>): Promise<MeetingSummary[]> {
  return shape(await myMeetings(db, actor.personId, q));
}

/** A page of "my meetings", upcoming or past as of `date` (today by default), with the cursor of the next page. */
export async function minePage(
  db: Executor,
  actor: Actor,
  period: 'upcoming' | 'past',
  q: { date?: string; after?: string; limit: number },
): Promise<MinePage> {
  const after = q.after ? parseMineCursor(q.after) : null;
  const { lines, more } = await myMeetingsPage(db, actor.personId, { period, day: q.date ?? todayIso(), after, limit: q.limit });
  const meetings = shape(lines);
  const last = meetings.at(-1);
  return { meetings, next: more && last ? mineCursorOf(last) : null };
}

/** Of the given people, those whose record (contacts) the actor may read (people policy), for the invitation list. */
async function readablePeople(db: Executor, actor: Actor, personIds: string[]): Promise<Set<string>> {
  if (readsEveryPerson(actor)) return new Set(personIds);
  const orgsOf = await anyPositionOrgs(db, personIds);
  const chains = await ancestorChains(db, [...new Set([...orgsOf.values()].flat())], todayIso());
  return new Set(
    personIds.filter((id) =>
      canReadPerson(
        actor,
        id,
        (orgsOf.get(id) ?? []).map((o) => chains.get(o) ?? [o]),
      ),
    ),
  );
}

/** One meeting in full, with what the actor may do; 403 for those who may not read it. */
export async function get(db: Executor, actor: Actor, id: string): Promise<MeetingDetail> {
  // One statement: the row, its policy facts, and the names and ordered lists as JSON (the invitations with each
  // person's org on the meeting's day); nothing of the parts leaves unless the policy lets the actor read.
  const { meeting: m, facts, parts } = await loadMeetingPage(db, actor, id);
  authorize(actor, 'read', facts);
  const can = meetingPageCan(actor, facts);
  const { presenters, agenda, venues, rules, attachments, subjects, invitations } = parts;
  const readable = canSeeContacts(actor, facts)
    ? await readablePeople(
        db,
        actor,
        invitations.map((i) => i.personId),
      )
    : new Set<string>();
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    mode: m.mode,
    status: m.status,
    startsAt: iso(m.startsAt),
    endsAt: iso(m.endsAt),
    hostOrg: { id: m.hostOrgId, name: parts.hostName ?? '' },
    network: m.networkId && parts.networkName !== null ? { id: m.networkId, name: parts.networkName } : null,
    subjects: subjects.map((s) => ({ id: s.id, name: s.name })),
    grade: m.grade,
    restricted: false,
    planItemId: m.planItemId,
    schoolYearId: m.schoolYearId,
    termNumber: m.termNumber,
    content: m.content,
    statusReason: m.statusReason,
    chair: named(m.chairPersonId, parts.chairName),
    secretary: named(m.secretaryPersonId, parts.secretaryName),
    plannedCount: m.plannedCount,
    notes: m.notes,
    presenters: presenters.map((p) => ({
      id: p.id,
      person: named(p.personId, p.personName),
      org: named(p.orgId, p.orgName),
      topic: p.topic,
    })),
    agenda: agenda.map((a) => ({
      id: a.id,
      startsAt: a.startsAt.slice(0, 5),
      endsAt: a.endsAt.slice(0, 5),
      title: a.title,
      presenter: named(a.presenterId, a.presenterName),
    })),
    venues: venues.map((v) => ({
      id: v.id,
      isCentral: v.isCentral,
      org: v.orgId ? { id: v.orgId, name: v.orgName ?? '' } : null,
      name: v.name,
      room: v.room,
      address: v.address,
      onlineUrl: v.onlineUrl,
      invitedCount: invitations.filter((i) => i.venueId === v.id).length,
    })),
    invitationRules: rules.map((r) => ({ id: r.id, description: r.description, rule: r.rule as InvitationRule, count: r.count })),
    invitations: invitations.map((i) => ({
      id: i.id,
      person: {
        id: i.personId,
        fullName: i.fullName,
        email: readable.has(i.personId) ? i.email : null,
        phone: readable.has(i.personId) ? i.phone : null,
      },
      orgName: i.orgName,
      venueId: i.venueId,
      ruleId: i.ruleId,
    })),
    attachments: attachments.map((a) => ({ ...a, createdAt: iso(a.createdAt) })),
    problems: missingLinks(m.mode, venues).map((p) => p.message),
    can,
  };
}
