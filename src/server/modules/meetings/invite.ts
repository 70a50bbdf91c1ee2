import { positionLabels } from '../../../shared/labels';
import type { InvitationRule, InvitationRuleInput, InviteByNameInput } from '../../../shared/meetings';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { fieldError, notFound } from '../../lib/errors';
import { notify } from '../notifications/service';
import * as orgsRepo from '../orgs/repo';
import { loadEditable, requireStatus } from './access';
import { filterByLevel, ruleLevels } from './inviteLevels';
import * as inviteRepo from './inviteRepo';
import { invitableSubtrees, inviteReach, requireInvitablePeople } from './inviteScope';
import type { InviteReach } from './policy';
import * as repo from './repo';
import { localDay } from './validate';

const OPEN = ['draft', 'scheduled', 'postponed'];
const CLOSED_MESSAGE = 'Buổi sinh hoạt đã diễn ra hoặc đã hủy, không thể thay đổi danh sách mời';

/**
 * The orgs a rule's scope covers on a day (each with its subtree: schools and their teams), within the meeting's
 * invitable set (policy `mayInviteFrom`): a root outside it is refused (403, or 400 naming the field).
 */
async function scopeOrgs(db: Executor, actor: Actor, reach: InviteReach, rule: InvitationRule, day: string): Promise<string[]> {
  const s = rule.scope;
  if ('networkId' in s) {
    const members = await repo.networkMemberIds(db, s.networkId);
    if (members.length === 0) throw fieldError('rule.scope.networkId', 'Mạng lưới không tồn tại hoặc chưa có thành viên');
    return invitableSubtrees(db, actor, reach, members, day, 'rule.scope.networkId');
  }
  if ('orgIds' in s) {
    if ((await repo.existing(db, 'orgs', s.orgIds)).size !== new Set(s.orgIds).size)
      throw fieldError('rule.scope.orgIds', 'Có đơn vị không tồn tại');
    return invitableSubtrees(db, actor, reach, [...new Set(s.orgIds)], day, 'rule.scope.orgIds');
  }
  if (!(await orgsRepo.findById(db, s.underOrgId))) throw fieldError('rule.scope.underOrgId', 'Đơn vị không tồn tại');
  const allowed = new Set(await invitableSubtrees(db, actor, reach, [s.underOrgId], day, 'rule.scope.underOrgId'));
  const below = [...allowed].filter((id) => id !== s.underOrgId);
  const schools = await inviteRepo.schoolsAmong(db, below, s.levels);
  return (await orgsRepo.subtreeIds(db, schools, day)).filter((id) => allowed.has(id));
}

const LEVEL = { preschool: 'mầm non', primary: 'tiểu học', lower_secondary: 'THCS', upper_secondary: 'THPT' } as const;

/** A Vietnamese description of a rule: "Tổ trưởng môn Toán — các trường tiểu học thuộc Xã Phú Hòa Đông". */
export async function describeRule(db: Executor, rule: InvitationRule): Promise<string> {
  const who = rule.positions.length ? rule.positions.map((p) => positionLabels[p]).join(', ') : 'Toàn bộ cán bộ, giáo viên';
  const subjects = await inviteRepo.namesOf(db, 'subjects', rule.subjectIds);
  const what = subjects.length ? ` môn ${subjects.join(', ')}` : '';
  const s = rule.scope;
  let where: string;
  if ('networkId' in s) where = `các trường của ${(await inviteRepo.namesOf(db, 'networks', [s.networkId]))[0] ?? 'mạng lưới'}`;
  else if ('orgIds' in s) where = (await inviteRepo.namesOf(db, 'orgs', s.orgIds)).join(', ');
  else {
    const levels = s.levels.map((l) => LEVEL[l]).join(', ');
    where = `các trường ${levels ? `${levels} ` : ''}thuộc ${(await inviteRepo.namesOf(db, 'orgs', [s.underOrgId]))[0] ?? ''}`;
  }
  // The teachers' level, unless the scope already names the same schools' level ("các trường THCS thuộc …").
  const said = 'underOrgId' in s ? [...s.levels].sort().join() : '';
  const taught = [...(rule.levels ?? [])].sort().join();
  const levels = taught && taught !== said ? ` — cấp ${(rule.levels ?? []).map((l) => LEVEL[l]).join(', ')}` : '';
  return `${who}${what} — ${where}${levels}`.slice(0, 500);
}

/** The venue invitees go to by default: the only venue, or the central one when in person. */
async function defaultVenue(db: Executor, meetingId: string, mode: string): Promise<string | null> {
  const venues = await repo.venuesOf(db, meetingId);
  if (venues.length === 1) return venues[0].id;
  if (mode === 'in_person') return venues.find((v) => v.isCentral)?.id ?? null;
  return null;
}

async function tellInvited(tx: Executor, actor: Actor, meeting: repo.MeetingRow, personIds: string[]) {
  if (meeting.status !== 'scheduled') return;
  await notify(
    tx,
    personIds,
    {
      kind: 'meeting_invited',
      title: `Mời dự sinh hoạt chuyên môn: ${meeting.title}`,
      body: meeting.content,
      link: `/meetings/${meeting.id}`,
    },
    actor.personId,
  );
}

/**
 * Who a rule reaches as of the meeting's date: the orgs of its scope (authorised), the holders of the positions and
 * subjects there, then the level filter (`ruleLevels`: the rule's own, else its grade's, else the meeting grade's).
 */
async function matchRule(tx: Executor, actor: Actor, meetingId: string, input: InvitationRuleInput & { rule: InvitationRule }) {
  const { meeting } = await loadEditable(tx, actor, meetingId);
  requireStatus(meeting, OPEN, CLOSED_MESSAGE);
  const day = localDay(meeting.startsAt);
  const reach = await inviteReach(tx, meeting.hostOrgId, meeting.networkId, day);
  const orgIds = await scopeOrgs(tx, actor, reach, input.rule, day);
  const levels = ruleLevels(input.rule, meeting.grade);
  const rule: InvitationRule = { ...input.rule, levels };
  const holders = await inviteRepo.holdersIn(tx, orgIds, day, rule);
  const { kept, unknown } = await filterByLevel(tx, holders, levels, day);
  const description = input.description || (await describeRule(tx, rule));
  return { meeting, rule, levels, kept, unknown, description };
}

/** What adding a rule would do, writing nothing (the invite dialog shows it before the editor confirms). */
export async function previewRule(tx: Executor, actor: Actor, meetingId: string, input: InvitationRuleInput & { rule: InvitationRule }) {
  const { levels, kept, unknown, description } = await matchRule(tx, actor, meetingId, input);
  const invited = await inviteRepo.alreadyInvited(tx, meetingId, kept);
  return {
    description,
    levels,
    matched: kept.length,
    added: kept.filter((id) => !invited.has(id)).length,
    unknownLevel: unknown.length,
    unknownLevelNames: await inviteRepo.personNames(tx, unknown.slice(0, 20)),
  };
}

/** Adds a rule and invites the people it reaches as of the meeting's date (people already invited are kept). */
export async function addRule(tx: Executor, actor: Actor, meetingId: string, input: InvitationRuleInput & { rule: InvitationRule }) {
  const { meeting, rule, kept, unknown, description } = await matchRule(tx, actor, meetingId, input);
  const stored = await inviteRepo.insertRule(tx, meetingId, rule, description);
  const added = await inviteRepo.insertInvitations(tx, meetingId, kept, {
    venueId: await defaultVenue(tx, meetingId, meeting.mode),
    ruleId: stored.id,
  });
  await tellInvited(tx, actor, meeting, added);
  await audit(tx, actor, {
    action: 'invite_rule',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: meeting.hostOrgId,
    after: { rule, description, added: added.length, unknownLevel: unknown.length },
  });
  return { ruleId: stored.id, description, matched: kept.length, added: added.length, unknownLevel: unknown.length };
}

/**
 * The chair, the secretary and the presenters always take part: they are invited (at the default venue) whenever a
 * meeting is written, so they stand on the attendance sheet and in Mẫu 2's planned and present numbers. People already
 * invited keep their invitation; those newly invited to a scheduled meeting are told.
 */
export async function inviteNamedPeople(
  tx: Executor,
  actor: Actor,
  meeting: repo.MeetingRow,
  named: { chairPersonId?: string | null; secretaryPersonId?: string | null; presenters: Array<{ personId?: string | null }> },
): Promise<string[]> {
  const ids = [named.chairPersonId, named.secretaryPersonId, ...named.presenters.map((p) => p.personId)].filter((id): id is string => !!id);
  if (ids.length === 0) return [];
  const venueId = await defaultVenue(tx, meeting.id, meeting.mode);
  const added = await inviteRepo.insertInvitations(tx, meeting.id, [...new Set(ids)], { venueId, ruleId: null });
  await tellInvited(tx, actor, meeting, added);
  return added;
}

/** Invites people by name. */
export async function inviteByName(tx: Executor, actor: Actor, meetingId: string, input: InviteByNameInput) {
  const { meeting } = await loadEditable(tx, actor, meetingId);
  requireStatus(meeting, OPEN, CLOSED_MESSAGE);
  const known = await repo.existing(tx, 'people', input.personIds);
  const unknown = input.personIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw fieldError(`personIds.${unknown}`, 'Người được mời không tồn tại');
  const day = localDay(meeting.startsAt);
  const reach = await inviteReach(tx, meeting.hostOrgId, meeting.networkId, day);
  const wanted = input.personIds.map((personId, i) => ({ field: `personIds.${i}`, personId, label: 'Người được mời' }));
  await requireInvitablePeople(tx, actor, reach, wanted, day);
  let venueId = input.venueId ?? null;
  if (venueId && !(await repo.venuesOf(tx, meetingId)).some((v) => v.id === venueId))
    throw fieldError('venueId', 'Điểm cầu không thuộc buổi sinh hoạt này');
  const venueChosen = venueId !== null;
  venueId ??= await defaultVenue(tx, meetingId, meeting.mode);
  const added = await inviteRepo.insertInvitations(tx, meetingId, [...new Set(input.personIds)], { venueId, ruleId: null, venueChosen });
  await tellInvited(tx, actor, meeting, added);
  await audit(tx, actor, { action: 'invite', entityType: 'meeting', entityId: meetingId, orgId: meeting.hostOrgId, after: { added } });
  return { added: added.length };
}

/** Removes one invitation. */
export async function removeInvitation(tx: Executor, actor: Actor, meetingId: string, invitationId: string): Promise<void> {
  const { meeting } = await loadEditable(tx, actor, meetingId);
  requireStatus(meeting, OPEN, CLOSED_MESSAGE);
  const personId = await inviteRepo.deleteInvitation(tx, meetingId, invitationId);
  if (!personId) throw notFound('lời mời');
  await audit(tx, actor, {
    action: 'uninvite',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: meeting.hostOrgId,
    before: { personId },
  });
}

/** Removes a rule and the invitations it made. */
export async function removeRule(tx: Executor, actor: Actor, meetingId: string, ruleId: string): Promise<void> {
  const { meeting } = await loadEditable(tx, actor, meetingId);
  requireStatus(meeting, OPEN, CLOSED_MESSAGE);
  const rules = await repo.rulesOf(tx, meetingId);
  if (!rules.some((r) => r.id === ruleId)) throw notFound('quy tắc mời');
  const removed = await inviteRepo.deleteRule(tx, meetingId, ruleId);
  await audit(tx, actor, {
    action: 'uninvite_rule',
    entityType: 'meeting',
    entityId: meetingId,
    orgId: meeting.hostOrgId,
    before: { ruleId, removed },
  });
}

/** Moves one invitee to another venue. */
export async function setInvitationVenue(tx: Executor, actor: Actor, meetingId: string, invitationId: string, venueId: string | null) {
  const { meeting } = await loadEditable(tx, actor, meetingId);
  requireStatus(meeting, OPEN, CLOSED_MESSAGE);
  if (venueId && !(await repo.venuesOf(tx, meetingId)).some((v) => v.id === venueId))
    throw fieldError('venueId', 'Điểm cầu không thuộc buổi sinh hoạt này');
  if (!(await inviteRepo.setInvitationVenue(tx, meetingId, invitationId, venueId))) throw notFound('lời mời');
}
