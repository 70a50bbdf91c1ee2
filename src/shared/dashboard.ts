import { z } from 'zod';

/** Request and response shapes of the compliance dashboard ("Tổng quan tuân thủ"). */

export const dashboardQuery = z.object({
  /** The day to look from (default: today in Vietnam); picks the school year and term. */
  date: z.iso.date().optional(),
  /**
   * The school year to look at (the header's choice): the day then defaults to today inside it, else its nearest
   * end (its last day for a past year, its first for a coming one), and a `date` outside it is refused.
   */
  schoolYearId: z.uuid().optional(),
  /** An office whose subtree to look at (default: the actor's office). */
  orgId: z.uuid().optional(),
  /** A network to look at (for its leaders). */
  networkId: z.uuid().optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const DASHBOARD_TABLES = ['networks', 'teams', 'plans', 'reports', 'upcoming', 'participation'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];
export const dashboardExportParams = z.object({ table: z.enum(DASHBOARD_TABLES) });

export type DeadlineState = 'overdue' | 'due_soon' | 'awaiting_review';

export interface NetworkCompliance {
  id: string;
  name: string;
  kind: string;
  supervisingOrgName: string;
  leadOrgName: string | null;
  /** Per-subject quota: the count times the subjects in play; `held` then sums each subject's held up to the count. */
  required: number;
  held: number;
  /** True when the quota counts per subject (seed 001 school groups). */
  perSubject: boolean;
  /** Names of the subjects in play behind their count (empty unless perSubject). */
  subjectsBehind: string[];
  scheduled: number;
  behind: boolean;
  lastHeldAt: string | null;
  planId: string | null;
  planStatus: string | null;
}

export interface TeamCompliance {
  id: string;
  name: string;
  schoolName: string;
  count: number;
  expected: number;
  intervalDays: number;
  lastMeetingAt: string | null;
  behind: boolean;
}

export interface DeadlineRow {
  networkId: string;
  networkName: string;
  /** The plan or report, when one exists. */
  id: string | null;
  status: string;
  dueDate: string | null;
  state: DeadlineState;
  daysLate: number;
}

export interface UpcomingMeeting {
  id: string;
  title: string;
  kind: string;
  mode: string;
  startsAt: string;
  hostOrgName: string;
  networkId: string | null;
  networkName: string | null;
}

export interface RateRow {
  id: string | null;
  name: string;
  invited: number;
  present: number;
  rate: number | null;
}

export interface ComplianceView {
  asOf: string;
  schoolYear: { id: string; code: string };
  term: { number: 1 | 2; startDate: string; endDate: string };
  scope: { kind: 'org' | 'network' | 'all'; id: string | null; name: string };
  /** Other scopes the actor may switch to (their offices and the networks they lead). */
  choices: { kind: 'org' | 'network'; id: string; name: string }[];
  summary: {
    networks: number;
    networksBehind: number;
    teams: number;
    teamsBehind: number;
    plansOverdue: number;
    plansDueSoon: number;
    plansAwaitingReview: number;
    reportsOverdue: number;
    reportsDueSoon: number;
    upcoming: number;
    participationRate: number | null;
  };
  networks: NetworkCompliance[];
  /** Teams behind the two-week rule only (the summary counts all). */
  teams: TeamCompliance[];
  plans: DeadlineRow[];
  /** Null when the reports feature is not installed. */
  reports: DeadlineRow[] | null;
  upcoming: UpcomingMeeting[];
  participation: { total: RateRow; bySubject: RateRow[]; byOrg: RateRow[] };
}
