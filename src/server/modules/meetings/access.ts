import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { todayIso } from '../../lib/dates';
import { AppError, notFound } from '../../lib/errors';
import { assertMeetingRecordOpen } from '../minutes/recordGuard';
import { canEditMeeting, canReadMeeting, type MeetingFacts } from './policy';
import * as repo from './repo';

/** A meeting row with the facts its policy needs about the actor. */
export interface LoadedMeeting {
  meeting: repo.MeetingRow;
  facts: MeetingFacts;
}

/** The policy facts of a meeting for the actor, from its row and what the database said of it. */
function factsFrom(meeting: repo.MeetingRow, f: repo.RawPolicyFacts): MeetingFacts {
  const chain = (id: string) => f.chains[id] ?? [id];
  return {
    status: meeting.status,
    mode: meeting.mode,
    chairPersonId: meeting.chairPersonId,
    secretaryPersonId: meeting.secretaryPersonId,
    hostChain: chain(meeting.hostOrgId),
    networkChains: f.memberIds.map(chain),
    networkLeaderIds: f.leaderIds,
    actorInvited: f.invited,
    actorPresents: f.presents,
    started: meeting.startsAt.getTime() <= Date.now(),
    recordClosed: f.recordClosed,
  };
}

/** Loads a meeting (locked when `lock`) and its facts in one statement; 404 when it does not exist. */
export async function loadMeeting(db: Executor, actor: Actor, id: string, lock = false): Promise<LoadedMeeting> {
  const found = await repo.meetingWithFacts(db, id, actor.personId, todayIso(), lock);
  if (!found) throw notFound('buổi sinh hoạt');
  return { meeting: found.meeting, facts: factsFrom(found.meeting, found.facts) };
}

/** As loadMeeting, with everything its page shows read in the same statement (repo.meetingPage); 404 when missing. */
export async function loadMeetingPage(db: Executor, actor: Actor, id: string): Promise<LoadedMeeting & { parts: repo.DetailParts }> {
  const found = await repo.meetingPage(db, id, actor.personId, todayIso());
  if (!found) throw notFound('buổi sinh hoạt');
  return { meeting: found.meeting, facts: factsFrom(found.meeting, found.facts), parts: found.parts };
}

/** As loadMeeting, and 403 unless the actor reads the meeting in full. */
export async function loadReadable(db: Executor, actor: Actor, id: string): Promise<LoadedMeeting> {
  const m = await loadMeeting(db, actor, id);
  if (!canReadMeeting(actor, m.facts)) throw new AppError('FORBIDDEN');
  return m;
}

/**
 * As loadMeeting (locked), and 403 unless the actor edits the meeting; 409 once its minutes are out for signing or
 * locked, whatever the meeting's status (assertMeetingRecordOpen).
 */
export async function loadEditable(db: Executor, actor: Actor, id: string): Promise<LoadedMeeting> {
  const m = await loadMeeting(db, actor, id, true);
  if (!canEditMeeting(actor, m.facts)) throw new AppError('FORBIDDEN');
  if (m.meeting.status === 'minutes_locked') throw new AppError('MINUTES_LOCKED');
  await assertMeetingRecordOpen(db, id);
  return m;
}

/** 409 with a Vietnamese message unless the meeting is in one of the statuses. */
export function requireStatus(m: repo.MeetingRow, allowed: readonly string[], message: string): void {
  if (!allowed.includes(m.status)) throw new AppError('INVALID_STATE', { params: { message } });
}
