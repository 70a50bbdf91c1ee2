import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { lessonPlanComments, lessonPlanVersions, lessonStudies, people } from '../../db/schema';

export type StudyRow = typeof lessonStudies.$inferSelect;
export type VersionRow = typeof lessonPlanVersions.$inferSelect;

/** The row a study has before anything was saved (nothing is created on read). */
export function emptyStudy(meetingId: string): StudyRow {
  return {
    meetingId,
    step: 1,
    seatLayout: null,
    analysisTeacher: '',
    analysisEvidence: '',
    analysisExpert: '',
    updatedBy: null,
    updatedAt: new Date(0),
  };
}

/** The study row of a meeting, if saved. */
export async function findStudy(db: Executor, meetingId: string): Promise<StudyRow | undefined> {
  const rows = await db.select().from(lessonStudies).where(eq(lessonStudies.meetingId, meetingId)).limit(1);
  return rows[0];
}

/** Creates the study row unless it exists, then locks it until the transaction ends. */
export async function lockStudy(db: Executor, meetingId: string): Promise<StudyRow> {
  await db.insert(lessonStudies).values({ meetingId }).onConflictDoNothing({ target: lessonStudies.meetingId });
  const [row] = await db.select().from(lessonStudies).where(eq(lessonStudies.meetingId, meetingId)).for('update');
  return row;
}

/** Changes the study row. */
export async function updateStudy(db: Executor, meetingId: string, set: Partial<typeof lessonStudies.$inferInsert>): Promise<void> {
  await db
    .update(lessonStudies)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(lessonStudies.meetingId, meetingId));
}

/** Lesson-plan versions of a meeting, oldest first, with the author's name. */
export async function versionsOf(db: Executor, meetingId: string) {
  return db
    .select({ v: lessonPlanVersions, createdByName: people.fullName })
    .from(lessonPlanVersions)
    .leftJoin(people, eq(people.id, lessonPlanVersions.createdBy))
    .where(eq(lessonPlanVersions.meetingId, meetingId))
    .orderBy(asc(lessonPlanVersions.version));
}

/** One version. */
export async function findVersion(db: Executor, id: string): Promise<VersionRow | undefined> {
  const rows = await db.select().from(lessonPlanVersions).where(eq(lessonPlanVersions.id, id)).limit(1);
  return rows[0];
}

/** The next version number of a meeting's lesson plan (call with the study row locked). */
export async function nextVersion(db: Executor, meetingId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(max(version), 0)::int + 1 as n from lesson_plan_versions where meeting_id = ${meetingId}`,
  );
  return row?.n ?? 1;
}

/** Stores a version. */
export async function insertVersion(db: Executor, row: typeof lessonPlanVersions.$inferInsert): Promise<VersionRow> {
  const [v] = await db.insert(lessonPlanVersions).values(row).returning();
  return v;
}

/** Comments on the given versions, oldest first, with the author's name. */
export async function commentsOf(db: Executor, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({
      id: lessonPlanComments.id,
      versionId: lessonPlanComments.versionId,
      body: lessonPlanComments.body,
      createdAt: lessonPlanComments.createdAt,
      personName: people.fullName,
    })
    .from(lessonPlanComments)
    .innerJoin(people, eq(people.id, lessonPlanComments.personId))
    .where(inArray(lessonPlanComments.versionId, versionIds))
    .orderBy(asc(lessonPlanComments.createdAt));
}

/** Stores a comment. */
export async function insertComment(db: Executor, row: typeof lessonPlanComments.$inferInsert) {
  const [c] = await db.insert(lessonPlanComments).values(row).returning();
  return c;
}

/** The teacher who teaches the lesson: the meeting's first presenter who is a person. */
export async function teacherOf(db: Executor, meetingId: string): Promise<{ id: string; fullName: string } | undefined> {
  const [row] = await queryRows<{ id: string; fullName: string }>(
    db,
    sql`select p.id, p.full_name as "fullName" from meeting_presenters mp join people p on p.id = mp.person_id
        where mp.meeting_id = ${meetingId} order by mp.sort_order limit 1`,
  );
  return row;
}

/** Seats used by notes of the meeting (to refuse a seating map that would orphan them). */
export async function usedSeats(db: Executor, meetingId: string): Promise<string[]> {
  const rows = await queryRows<{ seat: string }>(
    db,
    sql`select distinct seat from observation_notes where meeting_id = ${meetingId} and seat is not null`,
  );
  return rows.map((r) => r.seat);
}

/** How many notes of the meeting are shared with the group. */
export async function sharedNoteCount(db: Executor, meetingId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from observation_notes where meeting_id = ${meetingId} and shared_at is not null`,
  );
  return row?.n ?? 0;
}

/** Whether a version belongs to the meeting. */
export async function versionOfMeeting(db: Executor, id: string, meetingId: string): Promise<VersionRow | undefined> {
  const rows = await db
    .select()
    .from(lessonPlanVersions)
    .where(and(eq(lessonPlanVersions.id, id), eq(lessonPlanVersions.meetingId, meetingId)))
    .limit(1);
  return rows[0];
}
