import { eq } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/client';
import { planReviews, plans, reportReviews, reports } from '../../src/server/db/schema';

/**
 * Factories of reviewed documents: a plan's or a report's review history (submitted, returned, approved or accepted),
 * with the document's status and dates set from its last step. They insert rows directly, as the other factories do.
 */

type Step<A extends string> = { action: A; actorId: string | null; at: Date; comment?: string | null; snapshot?: unknown };
const PLAN_STATUS = { submit: 'submitted', return: 'returned', approve: 'approved' } as const;
const REPORT_STATUS = { submit: 'submitted', resubmit: 'resubmitted', return: 'returned', accept: 'accepted' } as const;

/** A plan's review history; the plan takes the status of the last step, its submission and decision dates. */
export async function buildPlanReviews(db: Executor, planId: string, steps: Step<keyof typeof PLAN_STATUS>[]) {
  for (const s of steps)
    await db
      .insert(planReviews)
      .values({ planId, action: s.action, comment: s.comment ?? null, actorId: s.actorId, snapshot: s.snapshot ?? null, at: s.at });
  const last = steps[steps.length - 1];
  if (!last) return;
  const submitted = steps.filter((s) => s.action === 'submit').at(-1);
  await db
    .update(plans)
    .set({
      status: PLAN_STATUS[last.action],
      submittedAt: submitted?.at ?? null,
      decidedAt: last.action === 'submit' ? null : last.at,
      createdBy: steps[0].actorId,
    })
    .where(eq(plans.id, planId));
}

/** A term (1, 2) or year (null) report of a network or an org, as a draft. */
export async function buildReport(
  db: Executor,
  o: {
    schoolYearId: string;
    reviewerOrgId: string;
    networkId?: string | null;
    orgId?: string | null;
    termNumber: 1 | 2 | null;
    documentNumber?: string | null;
    advantages?: string;
    recommendations?: string;
    createdBy?: string | null;
  },
) {
  const [row] = await db
    .insert(reports)
    .values({
      schoolYearId: o.schoolYearId,
      reviewerOrgId: o.reviewerOrgId,
      networkId: o.networkId ?? null,
      orgId: o.networkId ? null : (o.orgId ?? null),
      termNumber: o.termNumber,
      documentNumber: o.documentNumber ?? null,
      advantages: o.advantages ?? '',
      recommendations: o.recommendations ?? '',
      createdBy: o.createdBy ?? null,
    })
    .returning();
  return row;
}

/** A report's review history; the report takes the status of the last step and the snapshot of the last submission. */
export async function buildReportReviews(db: Executor, reportId: string, steps: Step<keyof typeof REPORT_STATUS>[]) {
  for (const s of steps)
    await db
      .insert(reportReviews)
      .values({ reportId, action: s.action, comment: s.comment ?? null, actorId: s.actorId, snapshot: s.snapshot ?? null, at: s.at });
  const last = steps[steps.length - 1];
  if (!last) return;
  const submitted = steps.filter((s) => s.action === 'submit' || s.action === 'resubmit').at(-1);
  await db
    .update(reports)
    .set({
      status: REPORT_STATUS[last.action],
      snapshot: submitted?.snapshot ?? null,
      submittedAt: submitted?.at ?? null,
      decidedAt: last.action === 'submit' || last.action === 'resubmit' ? null : last.at,
    })
    .where(eq(reports.id, reportId));
}
