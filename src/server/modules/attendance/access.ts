import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { AppError, notFound } from '../../lib/errors';
import * as orgsRepo from '../orgs/repo';
import { canReadMeetingRecord, type MeetingAccess } from './policy';
import * as repo from './repo';

export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof repo.findMeeting>>>;

/** Loads a meeting and what its policies need about the actor; 404 when it does not exist. */
export async function loadMeetingAccess(db: Executor, actor: Actor, meetingId: string): Promise<MeetingRecord & { access: MeetingAccess }> {
  const found = await repo.findMeeting(db, meetingId);
  if (!found) throw notFound('buổi sinh hoạt');
  const { meeting } = found;
  const today = todayIso();
  const memberIds = await repo.networkMemberIds(db, meeting.networkId);
  const chains = await orgsRepo.ancestorChains(db, [meeting.hostOrgId, ...memberIds], today);
  // One query after another: inside a transaction they share one connection.
  const invitation = await repo.invitationOf(db, meetingId, actor.personId);
  const row = invitation ? undefined : await repo.findAttendance(db, meetingId, actor.personId);
  return {
    ...found,
    access: {
      chairPersonId: meeting.chairPersonId,
      secretaryPersonId: meeting.secretaryPersonId,
      hostChain: chains.get(meeting.hostOrgId) ?? [meeting.hostOrgId],
      networkChains: memberIds.map((id) => chains.get(id) ?? [id]),
      actorInvited: Boolean(invitation || row),
    },
  };
}

/** As loadMeetingAccess, and 403 unless the actor may read the meeting's attendance and minutes. */
export async function loadReadableMeeting(db: Executor, actor: Actor, meetingId: string) {
  const m = await loadMeetingAccess(db, actor, meetingId);
  if (!canReadMeetingRecord(actor, m.access)) throw new AppError('FORBIDDEN');
  return m;
}
