import type { z } from 'zod';
import type { accountRow, meView } from './authViews';
import type { NetworkKind, NetworkRole, Position } from './enums';
import type { networkDetail, networkSummary } from './networkViews';
import type { personDetail, personSummary } from './peopleViews';
import type { orgSummary, subjectView } from './views';

/** Response shapes of the API. `can` lists what the current user may do with the record. */

/** The logged-in person (schema in authViews.ts). */
export type Me = z.infer<typeof meView>;

export interface SchoolYear {
  id: string;
  code: string;
  startDate: string;
  endDate: string;
  terms: Array<{ id: string; number: 1 | 2; startDate: string; endDate: string }>;
}

/** A subject (môn học). */
export type Subject = z.infer<typeof subjectView>;

/** An org in lists and references. */
export type OrgSummary = z.infer<typeof orgSummary>;

export interface OrgTreeNode extends OrgSummary {
  parentId: string | null;
}

export interface OrgDetail extends OrgSummary {
  address: string | null;
  phone: string | null;
  email: string | null;
  validFrom: string | null;
  validTo: string | null;
  parent: OrgSummary | null;
  ancestors: OrgSummary[];
  children: OrgSummary[];
  parentHistory: Array<{ id: string; parent: OrgSummary; validFrom: string; validTo: string | null }>;
  subjects: Subject[];
  networks: Array<{ id: string; name: string; kind: NetworkKind; schoolYearCode: string }>;
  can: { update: boolean; createChild: boolean; move: boolean; viewStaff: boolean; manageStaff: boolean };
}

/** One person in a staff list. */
export type PersonSummary = z.infer<typeof personSummary>;

/** A person's page. */
export type PersonDetail = z.infer<typeof personDetail>;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One network in a list. */
export type NetworkSummary = z.infer<typeof networkSummary>;

/** A network's page. */
export type NetworkDetail = z.infer<typeof networkDetail>;

export interface HomeData {
  schoolYear: SchoolYear | null;
  orgs: Array<OrgSummary & { position: Position; parentName: string | null }>;
  networks: Array<NetworkSummary & { myRole: NetworkRole | null }>;
}

/** One account (schema in authViews.ts). */
export type AccountRow = z.infer<typeof accountRow>;

export interface AuditRow {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** A readable name of the record (its name, full name, e-mail or code), when the stored values have one. */
  label: string | null;
  before: unknown;
  after: unknown;
}

export interface ImportJob {
  id: string;
  kind: 'orgs' | 'staff';
  fileName: string;
  status: 'pending' | 'validating' | 'importing' | 'done' | 'failed';
  total: number;
  processed: number;
  errors: Array<{ row: number; field: string | null; message: string }>;
  summary: { created: number; updated: number; unchanged: number } | null;
}

/** The error body of every 4xx/5xx. */
export interface ApiErrorBody {
  code: string;
  message: string;
  fields: Array<{ field: string; message: string }>;
}

// ── plans (kế hoạch) ────────────────────────────────────────────────────────────────────────────────────────────

/** One planned meeting of a plan, with its tracking status after approval. */
export interface PlanItem {
  id: string;
  sortOrder: number;
  kind: import('./enums').MeetingKind;
  subjectIds: string[];
  subjects: Subject[];
  grade: number | null;
  content: string;
  hostOrg: OrgSummary | null;
  presenterPerson: { id: string; fullName: string } | null;
  presenterOrg: OrgSummary | null;
  proposedDate: string | null;
  /** HH:MM */
  proposedTime: string | null;
  place: string | null;
  mode: import('./enums').MeetingMode;
  plannedCount: number | null;
  status: import('./enums').PlanItemStatus;
  statusReason: string | null;
  /** Meetings held for this item (meetings.planItemId). */
  meetings: Array<{ id: string; title: string; startsAt: string }>;
}

export interface PlanSummary {
  id: string;
  title: string;
  status: import('./enums').PlanStatus;
  schoolYearId: string;
  schoolYearCode: string;
  termNumber: 1 | 2 | null;
  network: { id: string; name: string; kind: NetworkKind } | null;
  org: OrgSummary | null;
  reviewerOrg: OrgSummary;
  itemCount: number;
  submittedAt: string | null;
  decidedAt: string | null;
  updatedAt: string;
}

/** One step of a plan's review, with the items as they were at that step. */
export interface PlanReview {
  id: string;
  action: 'submit' | 'return' | 'approve';
  comment: string | null;
  actorName: string | null;
  at: string;
  snapshot: { title: string; notes: string | null; termNumber: 1 | 2 | null; items: PlanItem[] } | null;
}

export interface PlanDetail extends PlanSummary {
  notes: string | null;
  createdByName: string | null;
  items: PlanItem[];
  history: PlanReview[];
  can: { update: boolean; submit: boolean; review: boolean; trackItems: boolean };
}
