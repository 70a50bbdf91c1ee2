import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { meetings } from './meetings';
import { people } from './people';
import { assignments } from './programme';

/**
 * The plan and preparation report a unit sends the Sở before a province-level meeting it was assigned (seed 002
 * §III.2: "trước một tuần"). One per assignment and meeting: when the assignment is linked to another meeting, the
 * old submission no longer counts.
 */
export const preparationReports = pgTable(
  'preparation_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    note: text('note'),
    submittedBy: uuid('submitted_by').references(() => people.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('preparation_reports_unique').on(t.assignmentId, t.meetingId), index('preparation_reports_meeting_idx').on(t.meetingId)],
);
