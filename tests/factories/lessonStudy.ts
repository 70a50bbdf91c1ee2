import { randomUUID } from 'node:crypto';
import type { Executor } from '../../src/server/db/client';
import { lessonPlanVersions, lessonStudies, meetingPresenters, observationNotes } from '../../src/server/db/schema';
import type { ObservationTag, SeatLayout } from '../../src/shared/lessonStudy';

/**
 * Factories of lesson study and observation (presenters, study rows, lesson-plan versions, notes), with overrides.
 * They insert rows directly: they stand for data that already exists; services and policies are not involved.
 */

/** A presenter of a meeting (the teacher who teaches the studied lesson). */
export async function buildPresenter(db: Executor, o: { meetingId: string; personId: string; topic?: string | null }) {
  const [row] = await db
    .insert(meetingPresenters)
    .values({ meetingId: o.meetingId, personId: o.personId, topic: o.topic ?? null })
    .returning();
  return row;
}

/** The study row of a lesson-study meeting (step 1, no seating map by default). */
export async function buildLessonStudy(db: Executor, o: { meetingId: string; step?: number; layout?: SeatLayout | null }) {
  const [row] = await db
    .insert(lessonStudies)
    .values({ meetingId: o.meetingId, step: o.step ?? 1, seatLayout: o.layout ?? null })
    .returning();
  return row;
}

/** A lesson-plan version written as (already sanitised) rich text. */
export async function buildLessonPlanVersion(
  db: Executor,
  o: { meetingId: string; version: number; bodyHtml: string; stage?: 'design' | 'revised'; createdBy?: string | null },
) {
  const [row] = await db
    .insert(lessonPlanVersions)
    .values({
      meetingId: o.meetingId,
      version: o.version,
      bodyHtml: o.bodyHtml,
      stage: o.stage ?? 'design',
      createdBy: o.createdBy ?? null,
    })
    .returning();
  return row;
}

/** An observation note (private unless `shared`). */
export async function buildObservationNote(
  db: Executor,
  o: {
    meetingId: string;
    observerId: string;
    observedAt: Date;
    text?: string;
    tags?: ObservationTag[];
    seat?: string | null;
    shared?: boolean;
  },
) {
  const [row] = await db
    .insert(observationNotes)
    .values({
      id: randomUUID(),
      meetingId: o.meetingId,
      observerId: o.observerId,
      observedAt: o.observedAt,
      body: o.text ?? 'Học sinh thảo luận sôi nổi',
      tags: o.tags ?? [],
      seat: o.seat ?? null,
      sharedAt: o.shared ? new Date() : null,
    })
    .returning();
  return row;
}
