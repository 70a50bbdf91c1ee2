import { z } from 'zod';
import { ATTENDANCE_STATUSES } from './enums';
import type {
  attendanceRow,
  attendanceSheet,
  attendanceSummary,
  checkinCode,
  checkinPreview,
  checkinResult,
  meetingHeader,
  minutesAddendum,
  minutesFacts,
  minutesSignature,
  minutesVerification,
  minutesView,
  teamMeetingCount,
  venueCount,
  venueRef,
} from './minutesViews';

/**
 * Request schemas and response shapes of attendance, QR check-in and minutes (Mẫu 2).
 * Kept in their own file so the features that other engineers build in parallel never collide here.
 */

const trimmed = (max: number) => z.string().trim().max(max);

/**
 * One person's attendance in the secretary's batch. An excused absence («vắng có phép») needs its reason; an
 * unexcused one may have none («vắng không lý do», as minutes record it).
 */
export const attendanceEntryInput = z
  .object({
    personId: z.uuid(),
    status: z.enum(ATTENDANCE_STATUSES),
    reason: trimmed(500).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'excused' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Cần ghi lý do vắng có phép' });
    }
  });

/**
 * The secretary's batch, saved in one transaction: the exceptions typed (absent with a reason, late…), and with
 * `othersPresent` ("Tất cả có mặt") everyone else not yet recorded is present. People who checked in by QR keep it.
 */
export const attendanceBatchInput = z
  .object({ entries: z.array(attendanceEntryInput).max(2000).default([]), othersPresent: z.boolean().default(false) })
  .refine((v) => v.entries.length > 0 || v.othersPresent, { path: ['entries'], message: 'Chưa ghi điểm danh cho ai' });
export type AttendanceBatchInput = z.infer<typeof attendanceBatchInput>;

/** Travel-allowance export filter. */
export const travelQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  orgId: z.uuid(),
});

/** The two texts the secretary writes (small HTML subset, sanitised on the server). */
export const minutesTextInput = z.object({
  discussion: z.string().max(100_000),
  recommendations: z.string().max(100_000),
  /** The version the editor started from; a stale save is refused. */
  baseVersion: z.number().int().min(0).optional(),
});
export type MinutesTextInput = z.infer<typeof minutesTextInput>;

/** A correction to locked minutes. */
export const addendumInput = z.object({ content: z.string().trim().min(1).max(50_000) });
export type AddendumInput = z.infer<typeof addendumInput>;

/** Period filter of the team meeting count. */
export const periodQuery = z.object({ from: z.iso.date(), to: z.iso.date() });

/** See `venueRef` in minutesViews.ts. */
export type VenueRef = z.infer<typeof venueRef>;

/** See `attendanceRow` in minutesViews.ts. */
export type AttendanceRow = z.infer<typeof attendanceRow>;

/** See `venueCount` in minutesViews.ts. */
export type VenueCount = z.infer<typeof venueCount>;

/** See `attendanceSummary` in minutesViews.ts. */
export type AttendanceSummary = z.infer<typeof attendanceSummary>;

/** See `meetingHeader` in minutesViews.ts. */
export type MeetingHeader = z.infer<typeof meetingHeader>;

/** See `attendanceSheet` in minutesViews.ts. */
export type AttendanceSheet = z.infer<typeof attendanceSheet>;

/** See `checkinCode` in minutesViews.ts. */
export type CheckinCode = z.infer<typeof checkinCode>;

/** See `checkinPreview` in minutesViews.ts. */
export type CheckinPreview = z.infer<typeof checkinPreview>;

/** See `checkinResult` in minutesViews.ts. */
export type CheckinResult = z.infer<typeof checkinResult>;

/** See `minutesFacts` in minutesViews.ts. */
export type MinutesFacts = z.infer<typeof minutesFacts>;

/** See `minutesSignature` in minutesViews.ts. */
export type MinutesSignature = z.infer<typeof minutesSignature>;

/** See `minutesAddendum` in minutesViews.ts. */
export type MinutesAddendum = z.infer<typeof minutesAddendum>;

/** See `minutesView` in minutesViews.ts. */
export type MinutesView = z.infer<typeof minutesView>;

/** See `minutesVerification` in minutesViews.ts. */
export type MinutesVerification = z.infer<typeof minutesVerification>;

/** See `teamMeetingCount` in minutesViews.ts. */
export type TeamMeetingCount = z.infer<typeof teamMeetingCount>;
