import type { Executor } from '../../db/client';
import { AppError } from '../../lib/errors';
import * as repo from './repo';

/**
 * Refuses any change to a meeting or its parts (the meeting row, chair, secretary, time, venues, subjects,
 * presenters, agenda, invitation rules, invitations, attendance, attachments) once its minutes are out for signing
 * (409 MINUTES_SIGNING) or locked (409 MINUTES_LOCKED), whatever the meeting's status. Call it inside the write's
 * transaction, after the authorisation check: it locks the meeting row, so it cannot race with start-signing
 * (decision 0024). Migration 0019's triggers refuse the same writes in the database.
 */
export async function assertMeetingRecordOpen(db: Executor, meetingId: string): Promise<void> {
  const status = await repo.recordStatus(db, meetingId);
  if (status === 'locked') throw new AppError('MINUTES_LOCKED');
  if (status === 'signing') throw new AppError('MINUTES_SIGNING');
}
