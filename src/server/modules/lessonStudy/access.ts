import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { loadMeeting } from '../meetings/access';
import type { MeetingFacts } from '../meetings/policy';
import type { MeetingRow } from '../meetings/repo';
import { authorize } from './policy';
import * as repo from './repo';

/** A lesson-study meeting, its policy facts and its study row. */
export interface StudyAccess {
  meeting: MeetingRow;
  facts: MeetingFacts;
  study: repo.StudyRow;
}

/**
 * Loads a lesson-study meeting for a member of its study group: 404 when the meeting does not exist, 409 when it is
 * not a lesson study, 403 outside the group. With `lock`, the study row is locked until the transaction ends (version
 * numbers and step changes serialise on it).
 */
export async function loadStudy(db: Executor, actor: Actor, meetingId: string, lock = false): Promise<StudyAccess> {
  const { meeting, facts } = await loadMeeting(db, actor, meetingId);
  authorize(actor, 'contribute', facts);
  if (meeting.kind !== 'lesson_study') {
    throw new AppError('INVALID_STATE', { params: { message: 'Buổi sinh hoạt này không phải là nghiên cứu bài học' } });
  }
  const study = lock ? await repo.lockStudy(db, meetingId) : await repo.findStudy(db, meetingId);
  return { meeting, facts, study: study ?? repo.emptyStudy(meetingId) };
}

/** As loadStudy (locked), and 403 unless the actor organises the study; 409 when the meeting was cancelled. */
export async function loadOrganised(db: Executor, actor: Actor, meetingId: string): Promise<StudyAccess> {
  const s = await loadStudy(db, actor, meetingId, true);
  authorize(actor, 'organise', s.facts);
  requireOpen(s);
  return s;
}

/** 409 when the meeting was cancelled: nothing more is added to its study. */
export function requireOpen(s: StudyAccess): void {
  if (s.meeting.status === 'cancelled') {
    throw new AppError('INVALID_STATE', { params: { message: 'Buổi sinh hoạt đã bị hủy' } });
  }
}
