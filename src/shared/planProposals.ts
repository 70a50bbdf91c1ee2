import { z } from 'zod';
import type { NetworkKind } from './enums';
import { planItemInput } from './schemas';

/** Requests and responses of plans proposed from the rules, and of copying a plan forward (issue 4, item 2). */

/**
 * Which network and term to propose for (by default the network's next term not yet begun, else the current one);
 * `count` stands in for the rules' quota when the rules ask for none.
 */
export const planProposalQuery = z.object({
  networkId: z.uuid(),
  termId: z.uuid().optional(),
  count: z.coerce.number().int().min(1).max(10).optional(),
});
export type PlanProposalQuery = z.infer<typeof planProposalQuery>;

/** The confirmed (and possibly adjusted) items become a draft plan of the network for the term. */
export const planProposalCreateInput = z.object({
  networkId: z.uuid(),
  termId: z.uuid(),
  title: z.string().trim().min(1).max(300),
  notes: z
    .string()
    .trim()
    .max(4000)
    .nullish()
    .transform((v) => (v ? v : null)),
  items: z.array(planItemInput).min(1).max(200),
});
export type PlanProposalCreateInput = z.input<typeof planProposalCreateInput>;

/** Copy a term plan into another term (`termId`), or a year plan into another school year (`schoolYearId`). */
export const planCopyForwardInput = z.object({ termId: z.uuid().nullish(), schoolYearId: z.uuid().nullish() });
export type PlanCopyForwardInput = z.infer<typeof planCopyForwardInput>;

/** One proposed meeting, in the shape of a plan item. */
export interface ProposedPlanItem {
  kind: 'demo_lesson' | 'topic_report';
  subjectIds: string[];
  content: string;
  hostOrgId: string | null;
  presenterOrgId: string | null;
  proposedDate: string | null;
  proposedTime: string;
  place: string | null;
  mode: 'in_person';
  /** Teachers of the subject in the member schools (null for a meeting of the whole network). */
  plannedCount: number | null;
}

/** A calendar break of the rules (no meetings then). */
export interface ProposalBreak {
  startDate: string;
  endDate: string;
  label: string;
  kind: 'holiday' | 'exam';
}

/** The proposal for a network and term, with the rules it follows and what the user may do. */
export interface PlanProposal {
  network: { id: string; name: string; kind: NetworkKind; schoolYearId: string; schoolYearCode: string };
  term: { id: string; number: 1 | 2; startDate: string; endDate: string };
  /** The terms of the network's school year, for choosing another. */
  terms: Array<{ id: string; number: 1 | 2; startDate: string; endDate: string }>;
  rules: {
    ruleSetId: string | null;
    orgName: string | null;
    /** Meetings required of the network (per subject when perSubject) in this term. */
    quota: number;
    /** Whether the quota came from the request's `count` because the rules ask for none. */
    quotaFromRequest: boolean;
    perSubject: boolean;
    breaks: ProposalBreak[];
  };
  /** Vietnam's public holidays in the term (Tết by the lunar calendar), avoided like the rules' breaks. */
  holidays: ProposalBreak[];
  /** The time left from `from` to the term's end, and whether it is too short for the quota. */
  remaining: { schoolDays: number; weeks: number; meetings: number; tooShort: boolean };
  subjects: Array<{ id: string; name: string }>;
  hosts: Array<{ id: string; name: string }>;
  lastHost: { id: string; name: string } | null;
  /** The first day proposed (tomorrow when the term has begun). */
  from: string;
  title: string;
  items: ProposedPlanItem[];
  /** Plans this network already has for the term. */
  existingPlans: Array<{ id: string; title: string; status: string }>;
  can: { create: boolean };
}
