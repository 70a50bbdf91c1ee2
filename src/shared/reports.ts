import { z } from 'zod';

/** Term and year reports (Mẫu 3) and the roll-up: request schemas and response types shared by the API and the web. */

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'resubmitted', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const narrative = (max: number) => z.string().trim().max(max).default('');
const term = z.union([z.literal(1), z.literal(2)]).nullish();

const reportFields = {
  documentNumber: z
    .string()
    .trim()
    .max(60)
    .nullish()
    .transform((v) => (v ? v : null)),
  advantages: narrative(8000),
  recommendations: narrative(8000),
  photoIds: z.array(z.uuid()).max(12).default([]),
};

/** A new report of a network or an org (exactly one of them) for a term (1, 2) or the whole year (termNumber null). */
export const reportInput = z
  .object({ networkId: z.uuid().nullish(), orgId: z.uuid().nullish(), schoolYearId: z.uuid(), termNumber: term, ...reportFields })
  .superRefine((v, ctx) => {
    if (!v.networkId === !v.orgId) {
      ctx.addIssue({ code: 'custom', path: ['networkId'], message: 'Chọn đúng một mạng lưới hoặc một đơn vị báo cáo' });
    }
  });
export type ReportInput = z.input<typeof reportInput>;

/** Changes to the typed parts of a draft or returned report. */
export const reportUpdateInput = z.object(reportFields);
export type ReportUpdateInput = z.input<typeof reportUpdateInput>;

/** Returning a report needs a comment saying what to fix. */
export const reportReturnInput = z.object({ comment: z.string().trim().min(1).max(2000) });

/** Accepting a report, with an optional comment. */
export const reportAcceptInput = z.object({
  comment: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const reportsQuery = z.object({
  networkId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  schoolYearId: z.uuid().optional(),
  reviewerOrgId: z.uuid().optional(),
});
export type ReportsQuery = z.infer<typeof reportsQuery>;

/** The roll-up of an org for a term (1, 2) or the year (term omitted). */
export const rollupQuery = z.object({
  orgId: z.uuid(),
  schoolYearId: z.uuid(),
  termNumber: z.coerce.number().int().min(1).max(2).optional(),
});
export type RollupQuery = z.infer<typeof rollupQuery>;

// ── responses ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Held meetings (demo lessons or topics) of one subject, with their contents. */
export interface SubjectLessons {
  subject: string;
  count: number;
  contents: string[];
}

/** A planned item (or a meeting) not carried out, with its reason. */
export interface NotCarriedOut {
  content: string;
  date: string | null;
  reason: string;
  unit?: string | null;
}

/** Teachers who took part, per subject. */
export interface SubjectCount {
  subject: string;
  count: number;
}

/** Teachers who did not take part in one subject, each with their unit and reasons. */
export interface SubjectAbsentees {
  subject: string;
  count: number;
  people: Array<{ name: string; unit: string | null; reason: string }>;
}

/** Part II of Mẫu 3, computed from meetings, plan tracking and attendance. */
export interface ReportResults {
  meetingsHeld: number;
  lessonsBySubject: SubjectLessons[];
  notCarriedOut: NotCarriedOut[];
  participants: number;
  participantsBySubject: SubjectCount[];
  nonParticipants: number;
  nonParticipantsBySubject: SubjectAbsentees[];
  /** The held meetings counted (for drill-down and photo choice). */
  meetings: Array<{ id: string; title: string; date: string; host: string; subjects: string[] }>;
}

export interface ReportOwner {
  network: { id: string; name: string; kind: string } | null;
  org: { id: string; name: string; type: string } | null;
}

export interface ReportSummary extends ReportOwner {
  id: string;
  schoolYearId: string;
  schoolYearCode: string;
  termNumber: 1 | 2 | null;
  documentNumber: string | null;
  status: ReportStatus;
  reviewerOrg: { id: string; name: string };
  submittedAt: string | null;
  decidedAt: string | null;
  updatedAt: string;
}

export interface ReportReview {
  id: string;
  action: 'submit' | 'resubmit' | 'return' | 'accept';
  comment: string | null;
  actorName: string | null;
  at: string;
}

export interface ReportPhoto {
  id: string;
  fileName: string;
  meetingTitle: string;
  url: string;
}

export interface ReportDetail extends ReportSummary {
  advantages: string;
  recommendations: string;
  photoIds: string[];
  /** Live numbers while draft or returned; the snapshot of the last submission otherwise. */
  results: ReportResults;
  live: boolean;
  photos: ReportPhoto[];
  history: ReportReview[];
  can: { update: boolean; submit: boolean; review: boolean };
}

/** One unit of a roll-up: a supervised network or a child org, its report's status and numbers, its flags. */
export interface RollupRow {
  kind: 'network' | 'org';
  id: string;
  name: string;
  unitType: string;
  reportId: string | null;
  reportStatus: ReportStatus | null;
  /** 'snapshot' when the numbers come from an accepted report, else 'live'. */
  source: 'snapshot' | 'live';
  meetingsHeld: number;
  /** The quota: its count, times the subjects in play when it counts per subject (decision 0009). */
  required: number;
  /** Subjects in play with fewer held meetings than the count (per-subject quotas only). */
  subjectsBehind: string[];
  /** Held against the quota: meetingsHeld, or for a per-subject quota each subject's held up to the count, summed. */
  quotaHeld: number;
  /** The count each subject must reach when the quota counts per subject, else null. */
  perSubjectCount: number | null;
  notCarriedOut: number;
  participants: number;
  nonParticipants: number;
  /**
   * True when the roll-up org's rules ask this unit a report for the period (a network or an office below, when the
   * rules set the period's report deadline); a school or team never owes one (server/modules/reports/owed.ts).
   */
  owesReport: boolean;
  /** Owes a report and has none with the reviewer (none, a draft, or a returned one not sent again). */
  missingReport: boolean;
  belowQuota: boolean;
}

export interface Rollup {
  org: { id: string; name: string; type: string };
  schoolYearId: string;
  schoolYearCode: string;
  termNumber: 1 | 2 | null;
  rows: RollupRow[];
  totals: {
    meetingsHeld: number;
    notCarriedOut: number;
    participants: number;
    nonParticipants: number;
    /** Units that owe a report, and of them those whose report is with the reviewer (submitted, resubmitted, accepted). */
    owed: number;
    submitted: number;
    missing: number;
    belowQuota: number;
  };
  /** The org's own report for the level above, if drafted. */
  ownReportId: string | null;
  can: { draftOwn: boolean };
}
