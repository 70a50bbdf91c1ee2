import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { people, preparationReports } from '../../db/schema';

/** The preparation report sent for an assignment and meeting, with the sender's name. */
export async function find(db: Executor, assignmentId: string, meetingId: string) {
  const rows = await db
    .select({ r: preparationReports, byName: people.fullName })
    .from(preparationReports)
    .leftJoin(people, eq(people.id, preparationReports.submittedBy))
    .where(and(eq(preparationReports.assignmentId, assignmentId), eq(preparationReports.meetingId, meetingId)))
    .limit(1);
  return rows[0];
}

/** Stores a preparation report; false when one was already stored for the assignment and meeting. */
export async function insert(db: Executor, row: typeof preparationReports.$inferInsert): Promise<boolean> {
  const rows = await db.insert(preparationReports).values(row).onConflictDoNothing().returning({ id: preparationReports.id });
  return rows.length > 0;
}
