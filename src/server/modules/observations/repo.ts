import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { observationNotes, people } from '../../db/schema';

export type NoteRow = typeof observationNotes.$inferSelect;

/** One note. */
export async function findNote(db: Executor, id: string): Promise<NoteRow | undefined> {
  const rows = await db.select().from(observationNotes).where(eq(observationNotes.id, id)).limit(1);
  return rows[0];
}

/** One note, locked until the transaction ends. */
export async function lockNote(db: Executor, id: string): Promise<NoteRow | undefined> {
  const rows = await db.select().from(observationNotes).where(eq(observationNotes.id, id)).for('update');
  return rows[0];
}

/** Inserts a note unless its id exists; true when this call created it (two sends at once make one row). */
export async function insertNote(db: Executor, row: typeof observationNotes.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(observationNotes)
    .values(row)
    .onConflictDoNothing({ target: observationNotes.id })
    .returning({ id: observationNotes.id });
  return rows.length > 0;
}

/** Changes a note. */
export async function updateNote(db: Executor, id: string, set: Partial<typeof observationNotes.$inferInsert>): Promise<void> {
  await db
    .update(observationNotes)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(observationNotes.id, id));
}

/** Deletes a note. */
export async function deleteNote(db: Executor, id: string): Promise<void> {
  await db.delete(observationNotes).where(eq(observationNotes.id, id));
}

const noteWithName = { n: observationNotes, observerName: people.fullName };

/** One note with its observer's name. */
export async function withName(db: Executor, id: string) {
  const rows = await db
    .select(noteWithName)
    .from(observationNotes)
    .innerJoin(people, eq(people.id, observationNotes.observerId))
    .where(eq(observationNotes.id, id))
    .limit(1);
  return rows[0];
}

/** The actor's own notes of a meeting, by time. */
export async function notesOf(db: Executor, meetingId: string, observerId: string) {
  return db
    .select(noteWithName)
    .from(observationNotes)
    .innerJoin(people, eq(people.id, observationNotes.observerId))
    .where(and(eq(observationNotes.meetingId, meetingId), eq(observationNotes.observerId, observerId)))
    .orderBy(asc(observationNotes.observedAt));
}

/** Every shared note of a meeting, by time. */
export async function sharedNotes(db: Executor, meetingId: string) {
  return db
    .select(noteWithName)
    .from(observationNotes)
    .innerJoin(people, eq(people.id, observationNotes.observerId))
    .where(and(eq(observationNotes.meetingId, meetingId), isNotNull(observationNotes.sharedAt)))
    .orderBy(asc(observationNotes.observedAt), asc(observationNotes.createdAt));
}

/** Shares every unshared note of the observer in the meeting; returns how many. */
export async function shareAll(db: Executor, meetingId: string, observerId: string): Promise<number> {
  const rows = await db
    .update(observationNotes)
    .set({ sharedAt: sql`now()`, updatedAt: new Date() })
    .where(
      and(
        eq(observationNotes.meetingId, meetingId),
        eq(observationNotes.observerId, observerId),
        sql`${observationNotes.sharedAt} is null`,
      ),
    )
    .returning({ id: observationNotes.id });
  return rows.length;
}
