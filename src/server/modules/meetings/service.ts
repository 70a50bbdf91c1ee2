import { randomBytes } from 'node:crypto';
import type { MeetingCreate, MeetingReasonInput, MeetingUpdate } from '../../../shared/meetings';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, fieldError } from '../../lib/errors';
import * as networksRepo from '../networks/repo';
import { notify } from '../notifications/service';
import { type NamedRef, requireNameable } from '../orgs/naming';
import * as orgsRepo from '../orgs/repo';
import { followMeeting } from '../plans/follow';
import { requirePlanForMeeting } from '../plans/service';
import { loadEditable, requireStatus } from './access';
import { inviteNamedPeople } from './invite';
import { inviteReach, requireHostFits, requireInvitablePeople } from './inviteScope';
import { authorize, canNameSecretary, managesHost } from './policy';
import * as repo from './repo';
import { localClock, localDay, requireLinks, validateMeeting, vnInstant } from './validate';

const link = (id: string) => `/meetings/${id}`;
const when = (d: Date) => `${localClock(d)} ngày ${localDay(d).split('-').reverse().join('/')}`;

/** Fills a create input from its plan item: fields the user left empty are copied from the planned meeting. */
async function fromPlanItem(
  db: Executor,
  input: MeetingCreate,
): Promise<MeetingUpdate & { planItemId: string | null; planId: string | null }> {
  if (!input.planItemId) return { ...(input as MeetingUpdate), planItemId: null, planId: null };
  const found = await repo.findPlanItem(db, input.planItemId);
  if (!found) throw fieldError('planItemId', 'Mục kế hoạch không tồn tại');
  const { item } = found;
  // With no host on the item, a network's meeting is hosted by its lead school ("dưới sự chủ trì của đơn vị nhóm trưởng").
  const leadOrgId = found.planNetworkId ? ((await networksRepo.findById(db, found.planNetworkId))?.network.leadOrgId ?? null) : null;
  const hostOrgId = input.hostOrgId ?? item.hostOrgId ?? found.planOrgId ?? leadOrgId;
  if (!hostOrgId) throw fieldError('hostOrgId', 'Mục kế hoạch chưa có đơn vị tổ chức: hãy chọn đơn vị tổ chức');
  let startsAt = input.startsAt;
  if (!startsAt) {
    if (!item.proposedDate) throw fieldError('startsAt', 'Mục kế hoạch chưa có ngày dự kiến: hãy nhập thời gian bắt đầu');
    startsAt = vnInstant(item.proposedDate, item.proposedTime ?? '07:30').toISOString();
  }
  const endsAt = input.endsAt ?? new Date(Date.parse(startsAt) + 3 * 3_600_000).toISOString();
  const presenters =
    input.presenters.length || !(item.presenterPersonId || item.presenterOrgId)
      ? input.presenters
      : [{ personId: item.presenterPersonId, orgId: item.presenterOrgId, topic: null }];
  const venues =
    input.venues.length || !item.place
      ? input.venues
      : [{ isCentral: true, orgId: hostOrgId, name: item.place, room: null, address: null, onlineUrl: null }];
  return {
    ...input,
    planItemId: item.id,
    planId: item.planId,
    kind: input.kind ?? item.kind,
    title: input.title ?? item.content.slice(0, 300),
    content: input.content ?? item.content,
    subjectIds: input.subjectIds.length ? input.subjectIds : item.subjectIds,
    grade: input.grade ?? item.grade,
    hostOrgId,
    networkId: input.networkId ?? found.planNetworkId,
    schoolYearId: input.schoolYearId ?? found.planYearId,
    mode: input.planItemId && input.mode === 'in_person' ? item.mode : input.mode,
    plannedCount: input.plannedCount ?? item.plannedCount,
    startsAt,
    endsAt,
    presenters,
    venues,
  };
}

/** Adds the central venue at the host when an in-person or hybrid meeting has none. */
async function withCentral(db: Executor, input: MeetingUpdate): Promise<MeetingUpdate['venues']> {
  if (input.mode === 'online' || input.venues.some((v) => v.isCentral)) return input.venues;
  const host = await orgsRepo.findById(db, input.hostOrgId);
  return [
    { isCentral: true, orgId: input.hostOrgId, name: host?.name ?? 'Điểm cầu trung tâm', room: null, address: null, onlineUrl: null },
    ...input.venues,
  ];
}

/** Writes the venues: rows with an id (of this meeting) are changed, new rows inserted, the others deleted. */
async function writeVenues(db: Executor, meetingId: string, venues: MeetingUpdate['venues']): Promise<boolean> {
  const before = await repo.venuesOf(db, meetingId);
  const byId = new Map(before.map((v) => [v.id, v]));
  let changed = false;
  const kept = new Set<string>();
  for (const [i, v] of venues.entries()) {
    const row = {
      isCentral: v.isCentral,
      orgId: v.orgId ?? null,
      name: v.name,
      room: v.room ?? null,
      address: v.address ?? null,
      onlineUrl: v.onlineUrl ?? null,
      sortOrder: i,
    };
    const old = v.id ? byId.get(v.id) : undefined;
    if (v.id && !old) throw fieldError(`venues.${i}.id`, 'Điểm cầu không thuộc buổi sinh hoạt này');
    if (old) {
      kept.add(old.id);
      if (
        old.name !== row.name ||
        old.room !== row.room ||
        old.address !== row.address ||
        old.onlineUrl !== row.onlineUrl ||
        old.orgId !== row.orgId
      )
        changed = true;
      await repo.updateVenue(db, old.id, row);
    } else {
      changed = true;
      await repo.insertVenue(db, { ...row, meetingId });
    }
  }
  const gone = before.filter((v) => !kept.has(v.id)).map((v) => v.id);
  await repo.deleteVenues(db, gone);
  return changed || gone.length > 0;
}

async function requireCreateRight(db: Executor, actor: Actor, input: MeetingUpdate): Promise<string[]> {
  const hostChain = await orgsRepo.ancestorChain(db, input.hostOrgId, todayIso());
  const leaders = await repo.networkLeaderIds(db, input.networkId ?? null);
  authorize(actor, 'create', { hostChain, networkLeaderIds: leaders });
  return hostChain;
}

/** The person ids a meeting names (chair, secretary, presenters, agenda presenters) with the field each came in. */
function namedPeople(input: MeetingUpdate) {
  const out: Array<{ field: string; personId: string; label: string }> = [];
  if (input.chairPersonId) out.push({ field: 'chairPersonId', personId: input.chairPersonId, label: 'Người chủ trì' });
  if (input.secretaryPersonId) out.push({ field: 'secretaryPersonId', personId: input.secretaryPersonId, label: 'Thư ký' });
  input.presenters.forEach((p, i) => {
    if (p.personId) out.push({ field: `presenters.${i}.personId`, personId: p.personId, label: 'Giáo viên thực hiện' });
  });
  input.agenda.forEach((a, i) => {
    if (a.presenterPersonId) out.push({ field: `agenda.${i}.presenterPersonId`, personId: a.presenterPersonId, label: 'Người trình bày' });
  });
  return out;
}

/** The orgs a meeting names (presenting teams, bridge points) with the field each came in, less those it already had. */
function namedOrgs(input: MeetingUpdate, kept: ReadonlySet<string | null>): NamedRef[] {
  const refs: NamedRef[] = [];
  input.presenters.forEach((p, i) => {
    if (p.orgId && !kept.has(p.orgId)) refs.push({ field: `presenters.${i}.orgId`, orgIds: [p.orgId] });
  });
  input.venues.forEach((v, i) => {
    if (v.orgId && !kept.has(v.orgId)) refs.push({ field: `venues.${i}.orgId`, orgIds: [v.orgId] });
  });
  return refs;
}

/**
 * Issue 14: the host fits the network (finding 4), every person named is in the invitable set (finding 1), and every
 * new presenting team or bridge-point org is one the actor may name or one of the meeting's own orgs (host, network
 * members and lead, supervising office).
 */
async function requireReach(
  tx: Executor,
  actor: Actor,
  input: MeetingUpdate,
  named: { people: ReturnType<typeof namedPeople>; orgs: NamedRef[] },
  hostMoved: boolean,
) {
  if (hostMoved) await requireHostFits(tx, actor, input.hostOrgId, input.networkId ?? null);
  const day = localDay(input.startsAt);
  const reach = await inviteReach(tx, input.hostOrgId, input.networkId ?? null, day);
  await requireInvitablePeople(tx, actor, reach, named.people, day);
  const own = [reach.hostOrgId, ...reach.networkOrgIds, ...(reach.supervisingOrgId ? [reach.supervisingOrgId] : [])];
  await requireNameable(tx, actor, named.orgs, own);
}

function rowOf(input: MeetingUpdate, year: { schoolYearId: string; termNumber: number | null }) {
  return {
    kind: input.kind,
    title: input.title,
    content: input.content ?? null,
    grade: input.grade ?? null,
    hostOrgId: input.hostOrgId,
    networkId: input.networkId ?? null,
    schoolYearId: year.schoolYearId,
    termNumber: year.termNumber,
    mode: input.mode,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    chairPersonId: input.chairPersonId ?? null,
    secretaryPersonId: input.secretaryPersonId ?? null,
    plannedCount: input.plannedCount ?? null,
    notes: input.notes ?? null,
  };
}

const children = (input: MeetingUpdate) => ({
  subjectIds: [...new Set(input.subjectIds)],
  presenters: input.presenters.map((p) => ({ personId: p.personId ?? null, orgId: p.orgId ?? null, topic: p.topic ?? null })),
  agenda: input.agenda.map((a) => ({
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    title: a.title,
    presenterPersonId: a.presenterPersonId ?? null,
  })),
});

/** Creates a meeting, ad hoc or from a plan item; a draft unless `scheduleNow`. */
export async function create(tx: Executor, actor: Actor, raw: MeetingCreate) {
  const input = await fromPlanItem(tx, raw);
  const venues = await withCentral(tx, input);
  const full = { ...input, venues };
  const year = await validateMeeting(tx, full);
  const hostChain = await requireCreateRight(tx, actor, full);
  if (input.planId) await requirePlanForMeeting(tx, actor, input.planId, { networkId: full.networkId ?? null, hostChain });
  if (full.secretaryPersonId && !canNameSecretary(actor, { hostChain, chairPersonId: full.chairPersonId ?? null }))
    throw fieldError('secretaryPersonId', 'Chỉ người chủ trì hoặc lãnh đạo đơn vị tổ chức được chỉ định thư ký');
  await requireReach(tx, actor, full, { people: namedPeople(full), orgs: namedOrgs(full, new Set()) }, true);
  if (raw.scheduleNow) requireLinks(full.mode, venues);
  const meeting = await repo.insertMeeting(tx, {
    ...rowOf(full, year),
    planItemId: input.planItemId,
    status: raw.scheduleNow ? 'scheduled' : 'draft',
    checkinSecret: randomBytes(16).toString('hex'),
    createdBy: actor.personId,
  });
  await repo.replaceChildren(tx, meeting.id, children(full));
  await writeVenues(tx, meeting.id, venues);
  await inviteNamedPeople(tx, actor, meeting, full);
  await audit(tx, actor, {
    action: 'create',
    entityType: 'meeting',
    entityId: meeting.id,
    orgId: meeting.hostOrgId,
    after: { ...meeting, checkinSecret: undefined },
  });
  return meeting;
}

/** Changes a meeting; invitees of a scheduled meeting are told when its time or place changes. */
export async function update(tx: Executor, actor: Actor, id: string, raw: MeetingUpdate) {
  const { meeting: before, facts } = await loadEditable(tx, actor, id);
  requireStatus(before, ['draft', 'scheduled', 'postponed'], 'Buổi sinh hoạt đã diễn ra hoặc đã hủy, không thể sửa');
  const venues = await withCentral(tx, raw);
  const input = { ...raw, venues };
  const year = await validateMeeting(tx, input);
  const moved = input.hostOrgId !== before.hostOrgId || (input.networkId ?? null) !== before.networkId;
  if (moved) await requireCreateRight(tx, actor, input);
  // People already named keep their place; new ones (all of them when the host or network moves) must be invitable.
  const presentersBefore = await repo.presentersOf(tx, id);
  const kept = new Set([before.chairPersonId, before.secretaryPersonId, ...presentersBefore.map((p) => p.personId)]);
  const keptOrgs = new Set<string | null>(
    moved ? [] : [...presentersBefore.map((p) => p.orgId), ...(await repo.venuesOf(tx, id)).map((v) => v.orgId)],
  );
  await requireReach(
    tx,
    actor,
    input,
    { people: namedPeople(input).filter((p) => moved || !kept.has(p.personId)), orgs: namedOrgs(input, keptOrgs) },
    moved,
  );
  if ((input.secretaryPersonId ?? null) !== before.secretaryPersonId && !canNameSecretary(actor, facts))
    throw fieldError('secretaryPersonId', 'Chỉ người chủ trì hoặc lãnh đạo đơn vị tổ chức được chỉ định thư ký');
  if (
    (input.chairPersonId ?? null) !== before.chairPersonId &&
    !managesHost(actor, facts) &&
    !facts.networkLeaderIds.includes(actor.personId)
  )
    throw fieldError('chairPersonId', 'Chỉ lãnh đạo đơn vị tổ chức hoặc trưởng mạng lưới được đổi người chủ trì');
  if (before.status === 'scheduled') requireLinks(input.mode, venues);
  const after = await repo.updateMeeting(tx, id, rowOf(input, year));
  await repo.replaceChildren(tx, id, children(input));
  const placeChanged = await writeVenues(tx, id, venues);
  const timeChanged = after.startsAt.getTime() !== before.startsAt.getTime() || after.endsAt.getTime() !== before.endsAt.getTime();
  if (after.startsAt.getTime() !== before.startsAt.getTime())
    await followMeeting(tx, actor, after, { kind: 'moved', startsAt: after.startsAt });
  if (before.status === 'scheduled' && (timeChanged || placeChanged || after.mode !== before.mode)) {
    await notify(
      tx,
      await repo.invitedPersonIds(tx, id),
      {
        kind: 'meeting_changed',
        title: `Thay đổi thời gian/địa điểm: ${after.title}`,
        body: `Thời gian mới: ${when(after.startsAt)}`,
        link: link(id),
      },
      actor.personId,
    );
  }
  await inviteNamedPeople(tx, actor, after, input);
  await audit(tx, actor, {
    action: 'update',
    entityType: 'meeting',
    entityId: id,
    orgId: after.hostOrgId,
    before: { ...before, checkinSecret: undefined },
    after: { ...after, checkinSecret: undefined },
  });
  return after;
}

/** Schedules a draft or postponed meeting (every bridge point needs its link); invitees are told. */
export async function schedule(tx: Executor, actor: Actor, id: string) {
  const { meeting } = await loadEditable(tx, actor, id);
  requireStatus(meeting, ['draft', 'postponed'], 'Chỉ lên lịch được buổi sinh hoạt ở trạng thái nháp hoặc đã hoãn');
  requireLinks(meeting.mode, await repo.venuesOf(tx, id));
  const after = await repo.updateMeeting(tx, id, { status: 'scheduled', statusReason: null });
  await notify(
    tx,
    await repo.invitedPersonIds(tx, id),
    { kind: 'meeting_scheduled', title: `Lịch sinh hoạt: ${after.title}`, body: `Thời gian: ${when(after.startsAt)}`, link: link(id) },
    actor.personId,
  );
  await audit(tx, actor, {
    action: 'schedule',
    entityType: 'meeting',
    entityId: id,
    orgId: after.hostOrgId,
    before: { status: meeting.status },
    after: { status: 'scheduled' },
  });
  return after;
}

/** Postpones (optionally to a new time) or cancels a meeting with a reason; invitees are told. */
export async function postponeOrCancel(tx: Executor, actor: Actor, id: string, action: 'postpone' | 'cancel', input: MeetingReasonInput) {
  const { meeting } = await loadEditable(tx, actor, id);
  if (action === 'postpone') requireStatus(meeting, ['scheduled'], 'Chỉ hoãn được buổi sinh hoạt đã lên lịch');
  else requireStatus(meeting, ['draft', 'scheduled', 'postponed'], 'Buổi sinh hoạt đã diễn ra hoặc đã hủy');
  const times =
    action === 'postpone' && input.startsAt
      ? {
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt ?? Date.parse(input.startsAt) + (meeting.endsAt.getTime() - meeting.startsAt.getTime())),
        }
      : {};
  const status = action === 'postpone' ? 'postponed' : 'cancelled';
  const after = await repo.updateMeeting(tx, id, { status, statusReason: input.reason, ...times });
  await followMeeting(
    tx,
    actor,
    after,
    action === 'cancel'
      ? { kind: 'cancelled', reason: input.reason }
      : times.startsAt
        ? { kind: 'moved', startsAt: times.startsAt, postponeReason: input.reason }
        : { kind: 'postponed', reason: input.reason },
  );
  if (meeting.status !== 'draft') {
    const verb = action === 'postpone' ? 'Hoãn' : 'Hủy';
    await notify(
      tx,
      await repo.invitedPersonIds(tx, id),
      { kind: `meeting_${status}`, title: `${verb} buổi sinh hoạt: ${after.title}`, body: `Lý do: ${input.reason}`, link: link(id) },
      actor.personId,
    );
  }
  await audit(tx, actor, {
    action,
    entityType: 'meeting',
    entityId: id,
    orgId: after.hostOrgId,
    before: { status: meeting.status },
    after: { status, reason: input.reason, ...times },
  });
  return after;
}

/** Marks a scheduled meeting as held (once it has started). */
export async function markHeld(tx: Executor, actor: Actor, id: string) {
  const { meeting } = await loadEditable(tx, actor, id);
  requireStatus(meeting, ['scheduled'], 'Chỉ đánh dấu đã diễn ra cho buổi sinh hoạt đã lên lịch');
  if (meeting.startsAt.getTime() > Date.now()) throw new AppError('INVALID_STATE', { params: { message: 'Buổi sinh hoạt chưa bắt đầu' } });
  const after = await repo.updateMeeting(tx, id, { status: 'held' });
  await audit(tx, actor, {
    action: 'held',
    entityType: 'meeting',
    entityId: id,
    orgId: after.hostOrgId,
    before: { status: meeting.status },
    after: { status: 'held' },
  });
  return after;
}

/** Deletes a draft meeting. */
export async function remove(tx: Executor, actor: Actor, id: string): Promise<void> {
  const { meeting } = await loadEditable(tx, actor, id);
  requireStatus(meeting, ['draft'], 'Chỉ xóa được buổi sinh hoạt ở trạng thái nháp; hãy hủy buổi đã lên lịch');
  await repo.deleteMeeting(tx, id);
  await audit(tx, actor, {
    action: 'delete',
    entityType: 'meeting',
    entityId: id,
    orgId: meeting.hostOrgId,
    before: { ...meeting, checkinSecret: undefined },
  });
}
