import type { MinutesFacts, MinutesTextInput, MinutesView } from '../../../shared/minutes';
import type { Executor } from '../../db/client';
import type { minutes } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError } from '../../lib/errors';
import { loadReadableMeeting, type MeetingRecord } from '../attendance/access';
import type { MeetingAccess } from '../attendance/policy';
import * as attendanceRepo from '../attendance/repo';
import { signersOf } from './frozen';
import { authorize, minutesCan } from './policy';
import * as repo from './repo';
import { sanitizeRichText } from './sanitize';

export type MinutesRow = typeof minutes.$inferSelect;
export type Participant = MinutesView['participants'][number];

/** Mẫu 2's facts, read now from the meeting and its attendance. */
export async function computeFacts(db: Executor, m: MeetingRecord): Promise<MinutesFacts> {
  const { meeting } = m;
  const today = todayIso();
  // One query after another: this runs inside the signing transaction, on one connection.
  const venues = await attendanceRepo.venuesOf(db, meeting.id);
  const presenters = await repo.presentersOf(db, meeting.id, today);
  const subjects = await repo.subjectNames(db, meeting.id);
  const absentees = await repo.absentees(db, meeting.id, today);
  const attendees = await repo.attendeeIds(db, meeting.id);
  const invitees = await attendanceRepo.invitees(db, meeting.id);
  const names = await repo.names(
    db,
    [meeting.chairPersonId, meeting.secretaryPersonId].filter((x): x is string => !!x),
  );
  const central = venues.find((v) => v.isCentral) ?? venues[0];
  const place = central ? [central.name, central.room, central.address].filter(Boolean).join(', ') : m.hostOrgName;
  return {
    meetingTitle: meeting.title,
    date: todayIso(meeting.startsAt),
    startsAt: meeting.startsAt.toISOString(),
    place,
    hostOrgName: m.hostOrgName,
    subjects,
    presenters,
    plannedCount: meeting.plannedCount ?? invitees.length,
    presentCount: attendees.length,
    absentees,
    chairName: meeting.chairPersonId ? (names.get(meeting.chairPersonId) ?? null) : null,
    secretaryName: meeting.secretaryPersonId ? (names.get(meeting.secretaryPersonId) ?? null) : null,
  };
}

/** Everyone who signs: attendees present or late, plus the chair and the secretary. */
export async function participantsOf(db: Executor, meeting: MeetingRecord['meeting']): Promise<Map<string, Participant['role']>> {
  const roles = new Map<string, Participant['role']>();
  for (const id of await repo.attendeeIds(db, meeting.id)) roles.set(id, 'participant');
  if (meeting.secretaryPersonId) roles.set(meeting.secretaryPersonId, 'secretary');
  if (meeting.chairPersonId) roles.set(meeting.chairPersonId, 'chair');
  return roles;
}

/** The minutes of a meeting, or a prefilled draft view when nothing was saved yet (nothing is created on read). */
export async function getView(db: Executor, actor: Actor, meetingId: string): Promise<MinutesView> {
  const m = await loadReadableMeeting(db, actor, meetingId);
  return buildView(db, actor, m, await repo.findByMeeting(db, meetingId));
}

/** Whether stored facts were frozen (not the column's empty default). */
function hasFacts(facts: unknown): boolean {
  return typeof facts === 'object' && facts !== null && Object.keys(facts).length > 0;
}

/** Shapes the view of saved (or not yet saved) minutes for the actor. */
export async function buildView(
  db: Executor,
  actor: Actor,
  m: MeetingRecord & { access: MeetingAccess },
  row: MinutesRow | undefined,
): Promise<MinutesView> {
  const status = row?.status ?? 'draft';
  const [facts, roles, signatures, versions, addenda] = await Promise.all([
    // Facts are frozen when signing starts; a row without them (the column's default {}) shows the current facts.
    status === 'draft' || !hasFacts(row?.facts) ? computeFacts(db, m) : Promise.resolve(row?.facts as MinutesFacts),
    signersOf(db, m.meeting, row),
    row ? repo.signaturesOf(db, row.id) : Promise.resolve([]),
    row ? repo.versionsOf(db, row.id) : Promise.resolve([]),
    row ? repo.addendaOf(db, row.id) : Promise.resolve([]),
  ]);
  const names = await repo.namesWithUnits(db, [...roles.keys()], todayIso());
  const signedAt = new Map(signatures.map((s) => [s.personId, s.signedAt.toISOString()]));
  const order = { chair: 2, secretary: 1, participant: 0 };
  const participants = [...roles.entries()]
    .map(([personId, role]) => ({
      personId,
      role,
      fullName: names.get(personId)?.fullName ?? '',
      unitName: names.get(personId)?.unitName ?? null,
      signedAt: signedAt.get(personId) ?? null,
    }))
    .sort((a, b) => order[a.role] - order[b.role] || a.fullName.localeCompare(b.fullName, 'vi'));
  return {
    meetingId: m.meeting.id,
    meetingTitle: m.meeting.title,
    id: row?.id ?? null,
    status,
    version: row?.version ?? 0,
    facts,
    discussion: row?.discussion ?? '',
    recommendations: row?.recommendations ?? '',
    textHash: row?.textHash ?? null,
    lockedAt: row?.lockedAt?.toISOString() ?? null,
    participants,
    signatures: signatures.map((s) => ({ ...s, signedAt: s.signedAt.toISOString() })),
    versions: versions.map((v) => ({ ...v, savedAt: new Date(v.savedAt).toISOString() })),
    addenda: addenda.map((a) => ({ ...a, createdAt: new Date(a.createdAt).toISOString() })),
    can: minutesCan(actor, m.access, status, roles.has(actor.personId), signedAt.has(actor.personId)),
  };
}

/** Refuses any change to locked minutes (to everyone) and text edits while signing. */
export function assertEditable(row: MinutesRow | undefined): void {
  if (row?.status === 'locked') throw new AppError('MINUTES_LOCKED');
  if (row?.status === 'signing') throw new AppError('MINUTES_SIGNING');
}

/** The secretary (or chair) saves the two texts, sanitised; every save keeps a version. */
export async function saveText(db: Executor, actor: Actor, meetingId: string, input: MinutesTextInput): Promise<void> {
  const m = await loadReadableMeeting(db, actor, meetingId);
  assertEditable(await repo.findByMeeting(db, meetingId));
  authorize(actor, 'write', m.access);
  await repo.ensure(db, meetingId);
  const row = await repo.findByMeetingForUpdate(db, meetingId);
  assertEditable(row);
  if (input.baseVersion !== undefined && input.baseVersion !== row.version) {
    throw new AppError('INVALID_STATE', {
      params: { message: 'Biên bản vừa được người khác lưu. Hãy tải lại trang để xem bản mới nhất' },
    });
  }
  const discussion = sanitizeRichText(input.discussion);
  const recommendations = sanitizeRichText(input.recommendations);
  const version = row.version + 1;
  await repo.update(db, row.id, { discussion, recommendations, version, updatedBy: actor.personId });
  await repo.insertVersion(db, { minutesId: row.id, version, discussion, recommendations, savedBy: actor.personId });
  await audit(db, actor, {
    action: 'minutes.save',
    entityType: 'minutes',
    entityId: row.id,
    orgId: m.meeting.hostOrgId,
    before: { version: row.version },
    after: { version },
  });
}
