import type { ReportStatus, ReportSummary } from '../../../shared/reports';
import type { Executor } from '../../db/client';
import * as repo from './repo';

type ReportRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

/** Network and org summaries of report rows. */
export async function summarize(
  db: Executor,
  rows: Array<Omit<ReportRow, 'advantages' | 'recommendations' | 'photoIds' | 'snapshot' | 'createdBy' | 'createdAt'>>,
) {
  const names = await repo.namesOf(
    db,
    [...new Set(rows.flatMap((r) => [r.orgId, r.reviewerOrgId]).filter((x): x is string => !!x))],
    [...new Set(rows.map((r) => r.networkId).filter((x): x is string => !!x))],
  );
  return rows.map((r): ReportSummary => {
    const n = r.networkId ? names.networks.get(r.networkId) : undefined;
    const o = r.orgId ? names.orgs.get(r.orgId) : undefined;
    return {
      id: r.id,
      network: n ? { id: n.id, name: n.name, kind: n.kind } : null,
      org: o ? { id: o.id, name: o.name, type: o.type } : null,
      schoolYearId: r.schoolYearId,
      schoolYearCode: r.schoolYearCode,
      termNumber: (r.termNumber as 1 | 2 | null) ?? null,
      documentNumber: r.documentNumber,
      status: r.status as ReportStatus,
      reviewerOrg: { id: r.reviewerOrgId, name: names.orgs.get(r.reviewerOrgId)?.name ?? '' },
      submittedAt: r.submittedAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
