import { z } from 'zod';
import { MEETING_KINDS, MEETING_MODES, MEETING_STATUSES } from './enums';

/**
 * "Lên lịch theo kế hoạch" (issue 15, point 1): the meetings an approved plan's items become, shown before they are
 * created (preview) and as created. Response schemas of GET and POST /plans/:id/schedule.
 */

/** One planned item that has no meeting yet, as the meeting it will become. */
export const planScheduleLine = z.object({
  itemId: z.string(),
  sortOrder: z.number(),
  kind: z.enum(MEETING_KINDS),
  content: z.string(),
  /** Vietnam day and clock ("2025-10-15", "07:30"); null when the item has no date. */
  date: z.string().nullable(),
  time: z.string(),
  mode: z.enum(MEETING_MODES),
  grade: z.number().nullable(),
  subjects: z.array(z.string()),
  hostName: z.string().nullable(),
  /** The central venue: host name, room and address, joined. */
  place: z.string().nullable(),
  presenterName: z.string().nullable(),
  chairName: z.string().nullable(),
  secretaryName: z.string().nullable(),
  /** The invitation rule applied, in Vietnamese. */
  invitation: z.string().nullable(),
  /** What the meeting will be: scheduled, or a draft when an online link is still needed. */
  status: z.enum(MEETING_STATUSES),
  /** Why this item cannot become a meeting now (it is left out), in Vietnamese; null when it can. */
  problem: z.string().nullable(),
});
export type PlanScheduleLine = z.infer<typeof planScheduleLine>;

/** What scheduling would create now; `alreadyScheduled` items have a meeting and are left alone. */
export const planSchedulePreview = z.object({
  planId: z.string(),
  lines: z.array(planScheduleLine),
  alreadyScheduled: z.number(),
});
export type PlanSchedulePreview = z.infer<typeof planSchedulePreview>;

/** The meetings created (none when every item already had one). */
export const planScheduleResult = z.object({
  created: z.array(
    z.object({ id: z.string(), itemId: z.string(), title: z.string(), startsAt: z.string(), status: z.enum(MEETING_STATUSES) }),
  ),
  skipped: z.number(),
});
export type PlanScheduleResult = z.infer<typeof planScheduleResult>;
