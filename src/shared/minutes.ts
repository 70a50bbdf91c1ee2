import { z } from 'zod';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type MeetingStatus, type MinutesStatus } from './enums';

/**
 * Request schemas and response shapes of attendance, QR check-in and minutes (Mẫu 2).
 * Kept in their own file so the features that other engineers build in parallel never collide here.
 */

const trimmed = (max: number) => z.string().trim().max(max);

/** One person's attendance in the secretary's batch. A reason is required for excused and absent. */
export const attendanceEntryInput = z
  .object({
    personId: z.uuid(),
    status: z.enum(ATTENDANCE_STATUSES),
    reason: trimmed(500).nullish(),
  })
  .superRefine((v, ctx) => {
    if ((v.status === 'excused' || v.status === 'absent') && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Cần ghi lý do vắng' });
    }
  });

/** The secretary's batch: everyone on one screen, saved in one transaction. */
export const attendanceBatchInput = z.object({ entries: z.array(attendanceEntryInput).min(1).max(2000) });
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

export interface VenueRef {
  id: string;
  name: string;
  isCentral: boolean;
}

/** One invitee on the secretary's screen. */
export interface AttendanceRow {
  personId: string;
  fullName: string;
  unitName: string | null;
  venue: VenueRef | null;
  status: AttendanceStatus | null;
  reason: string | null;
  method: 'secretary' | 'qr' | null;
  checkedInAt: string | null;
}

/** Counts for one venue (or for people without a venue: venue null). */
export interface VenueCount {
  venue: VenueRef | null;
  invited: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  unrecorded: number;
}

export interface AttendanceSummary {
  plannedCount: number;
  invited: number;
  attended: number;
  venues: VenueCount[];
}

export interface MeetingHeader {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
  mode: string;
  hostOrgName: string;
}

export interface AttendanceSheet {
  meeting: MeetingHeader;
  rows: AttendanceRow[];
  summary: AttendanceSummary;
  locked: boolean;
  can: { record: boolean; showCheckinCode: boolean };
}

export interface CheckinCode {
  url: string;
  path: string;
  validFrom: string;
  validTo: string;
  /** When this code is replaced on screen (it is still accepted for one more 30-second window). */
  codeExpiresAt: string;
  /** Milliseconds from the server's answer to `codeExpiresAt`, so the screen refreshes without trusting its own clock. */
  refreshInMs: number;
}

/** What the check-in landing page shows before the button, for a live code only. */
export interface CheckinPreview {
  meetingTitle: string;
  startsAt: string;
  endsAt: string;
  hostOrgName: string;
  /** When the scanned code stops being accepted. */
  expiresAt: string;
}

export interface CheckinResult {
  status: AttendanceStatus;
  checkedInAt: string;
  alreadyCheckedIn: boolean;
  meetingTitle: string;
}

/** Facts of Mẫu 2, taken from the meeting and its attendance. */
export interface MinutesFacts {
  meetingTitle: string;
  date: string;
  startsAt: string;
  place: string | null;
  hostOrgName: string;
  subjects: string[];
  presenters: Array<{ name: string; unitName: string | null }>;
  plannedCount: number;
  presentCount: number;
  absentees: Array<{ fullName: string; unitName: string | null; status: 'excused' | 'absent'; reason: string }>;
  chairName: string | null;
  secretaryName: string | null;
}

export interface MinutesSignature {
  personId: string;
  fullName: string;
  role: string;
  signedAt: string;
  textHash: string;
}

export interface MinutesAddendum {
  id: string;
  content: string;
  textHash: string;
  createdAt: string;
  createdByName: string | null;
  signatures: Array<{ personId: string; fullName: string; signedAt: string }>;
}

export interface MinutesView {
  meetingId: string;
  meetingTitle: string;
  /** null while nothing has been saved (a prefilled draft view). */
  id: string | null;
  status: MinutesStatus;
  version: number;
  facts: MinutesFacts;
  discussion: string;
  recommendations: string;
  textHash: string | null;
  lockedAt: string | null;
  participants: Array<{ personId: string; fullName: string; role: 'chair' | 'secretary' | 'participant'; signedAt: string | null }>;
  signatures: MinutesSignature[];
  versions: Array<{ version: number; savedAt: string; savedByName: string | null }>;
  addenda: MinutesAddendum[];
  can: { edit: boolean; startSigning: boolean; sign: boolean; addAddendum: boolean; signAddenda: boolean };
}

export interface MinutesVerification {
  status: MinutesStatus;
  storedHash: string | null;
  computedHash: string;
  textMatches: boolean;
  allSignaturesMatch: boolean;
  signatures: Array<{ personId: string; fullName: string; matches: boolean }>;
}

export interface TeamMeetingCount {
  teamId: string;
  from: string;
  to: string;
  own: number;
  group: number;
  total: number;
  meetings: Array<{ id: string; title: string; startsAt: string; source: 'own' | 'group' }>;
}
