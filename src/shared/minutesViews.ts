import { z } from 'zod';
import { ATTENDANCE_STATUSES, MEETING_STATUSES, MINUTES_STATUSES } from './enums';

/** Response schemas of attendance, QR check-in and minutes (Mẫu 2); the types in minutes.ts are inferred from them. */

/** A venue named beside an invitee. */
export const venueRef = z.object({ id: z.string(), name: z.string(), isCentral: z.boolean() });

/** One invitee on the secretary's screen. */
export const attendanceRow = z.object({
  personId: z.string(),
  fullName: z.string(),
  unitName: z.string().nullable(),
  venue: venueRef.nullable(),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  reason: z.string().nullable(),
  method: z.enum(['secretary', 'qr']).nullable(),
  checkedInAt: z.string().nullable(),
});

/** Counts for one venue (or for people without a venue: venue null). */
export const venueCount = z.object({
  venue: venueRef.nullable(),
  invited: z.number(),
  present: z.number(),
  late: z.number(),
  excused: z.number(),
  absent: z.number(),
  unrecorded: z.number(),
});

/** The totals of a meeting's attendance. */
export const attendanceSummary = z.object({
  plannedCount: z.number(),
  invited: z.number(),
  attended: z.number(),
  venues: z.array(venueCount),
});

/** The meeting a sheet belongs to, in short. */
export const meetingHeader = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(MEETING_STATUSES),
  mode: z.string(),
  hostOrgName: z.string(),
});

/** The secretary's attendance sheet. */
export const attendanceSheet = z.object({
  meeting: meetingHeader,
  rows: z.array(attendanceRow),
  summary: attendanceSummary,
  locked: z.boolean(),
  can: z.object({ record: z.boolean(), showCheckinCode: z.boolean() }),
});

/** The QR check-in link (it carries the meeting's check-in secret: the secretary's route alone returns it). */
export const checkinCode = z.object({
  url: z.string(),
  path: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** When this code is replaced on screen (it is still accepted for one more 30-second window). */
  codeExpiresAt: z.string(),
  /** Milliseconds from the server's answer to `codeExpiresAt`, so the screen refreshes without trusting its own clock. */
  refreshInMs: z.number(),
});

/** What the check-in landing page shows before the button, for a live code only. */
export const checkinPreview = z.object({
  meetingTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  hostOrgName: z.string(),
  /** When the scanned code stops being accepted. */
  expiresAt: z.string(),
});

/** What a QR check-in recorded. */
export const checkinResult = z.object({
  status: z.enum(ATTENDANCE_STATUSES),
  checkedInAt: z.string(),
  alreadyCheckedIn: z.boolean(),
  meetingTitle: z.string(),
});

/** Facts of Mẫu 2, taken from the meeting and its attendance. */
export const minutesFacts = z.object({
  meetingTitle: z.string(),
  date: z.string(),
  startsAt: z.string(),
  place: z.string().nullable(),
  hostOrgName: z.string(),
  subjects: z.array(z.string()),
  presenters: z.array(z.object({ name: z.string(), unitName: z.string().nullable() })),
  plannedCount: z.number(),
  presentCount: z.number(),
  absentees: z.array(
    z.object({ fullName: z.string(), unitName: z.string().nullable(), status: z.enum(['excused', 'absent']), reason: z.string() }),
  ),
  chairName: z.string().nullable(),
  secretaryName: z.string().nullable(),
});

/** A signature of the minutes, with the hash of the text signed. */
export const minutesSignature = z.object({
  personId: z.string(),
  fullName: z.string(),
  role: z.string(),
  signedAt: z.string(),
  textHash: z.string(),
  /** How the signer proved who they were: their own session, or their PIN or password at the venue (decision 0028). */
  method: z.enum(['account', 'pin', 'password']),
  /** At the venue: who held the device. */
  heldByName: z.string().nullable(),
});

/** A correction to locked minutes, with its signatures. */
export const minutesAddendum = z.object({
  id: z.string(),
  content: z.string(),
  textHash: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  signatures: z.array(z.object({ personId: z.string(), fullName: z.string(), signedAt: z.string() })),
});

/** The minutes of a meeting: facts, texts, versions, signatures, addenda, what the actor may do. */
export const minutesView = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  /** null while nothing has been saved (a prefilled draft view). */
  id: z.string().nullable(),
  status: z.enum(MINUTES_STATUSES),
  version: z.number(),
  facts: minutesFacts,
  discussion: z.string(),
  recommendations: z.string(),
  textHash: z.string().nullable(),
  lockedAt: z.string().nullable(),
  participants: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      /** The signer's school (or office), to tell people apart on the venue list. */
      unitName: z.string().nullable(),
      role: z.enum(['chair', 'secretary', 'participant']),
      signedAt: z.string().nullable(),
    }),
  ),
  signatures: z.array(minutesSignature),
  versions: z.array(z.object({ version: z.number(), savedAt: z.string(), savedByName: z.string().nullable() })),
  addenda: z.array(minutesAddendum),
  can: z.object({
    edit: z.boolean(),
    startSigning: z.boolean(),
    sign: z.boolean(),
    addAddendum: z.boolean(),
    signAddenda: z.boolean(),
    /** The secretary or chair may take signatures on their device ("Ký tại chỗ"). */
    venueSign: z.boolean(),
  }),
});

/** Whether the stored minutes still match their hash and signatures. */
export const minutesVerification = z.object({
  status: z.enum(MINUTES_STATUSES),
  storedHash: z.string().nullable(),
  computedHash: z.string(),
  textMatches: z.boolean(),
  allSignaturesMatch: z.boolean(),
  signatures: z.array(z.object({ personId: z.string(), fullName: z.string(), matches: z.boolean() })),
  /** The signers frozen at start-signing (decision 0024), each with whether a matching signature of theirs exists. */
  requiredSigners: z.array(
    z.object({ personId: z.string(), fullName: z.string(), role: z.enum(['chair', 'secretary', 'participant']), signed: z.boolean() }),
  ),
  /** Every required signer signed the stored hash, and nobody else signed. */
  allRequiredSigned: z.boolean(),
});

/** How many meetings a team held in a period, its own and its group's. */
export const teamMeetingCount = z.object({
  teamId: z.string(),
  from: z.string(),
  to: z.string(),
  own: z.number(),
  group: z.number(),
  total: z.number(),
  meetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), source: z.enum(['own', 'group']) })),
});
