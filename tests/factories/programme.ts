import type { Executor } from '../../src/server/db/client';
import { assignments, inspectionAreas, inspectionItems, inspections } from '../../src/server/db/schema';
import type { SchoolLevel } from '../../src/shared/enums';
import { checklistFor, type InspectionRating } from '../../src/shared/inspections';

/**
 * Factories of the province programme (assignments, seed 002 Phụ lục I) and of inspections (Phụ lục II), with
 * overrides. They insert rows directly: they stand for data that already exists; services and policies are not involved.
 */

/** A province-level meeting assigned to a unit; month as "2023-12". */
export async function buildAssignment(
  db: Executor,
  o: {
    provinceOrgId: string;
    schoolYearId: string;
    unitOrgId: string;
    subjectId: string;
    month: string;
    level?: SchoolLevel;
    grade?: number | null;
    sortOrder?: number;
    meetingId?: string | null;
    notes?: string | null;
  },
) {
  const [row] = await db
    .insert(assignments)
    .values({
      provinceOrgId: o.provinceOrgId,
      schoolYearId: o.schoolYearId,
      unitOrgId: o.unitOrgId,
      subjectId: o.subjectId,
      month: `${o.month.slice(0, 7)}-01`,
      level: o.level ?? 'lower_secondary',
      grade: o.grade ?? null,
      sortOrder: o.sortOrder ?? 0,
      meetingId: o.meetingId ?? null,
      notes: o.notes ?? null,
    })
    .returning();
  return row;
}

/** A row of the inspection plan: an area and its month ("2023-11"). */
export async function buildInspectionArea(
  db: Executor,
  o: { provinceOrgId: string; schoolYearId: string; label: string; month: string; areaOrgIds?: string[]; sortOrder?: number },
) {
  const [row] = await db
    .insert(inspectionAreas)
    .values({
      provinceOrgId: o.provinceOrgId,
      schoolYearId: o.schoolYearId,
      label: o.label,
      month: `${o.month.slice(0, 7)}-01`,
      areaOrgIds: o.areaOrgIds ?? [],
      sortOrder: o.sortOrder ?? 0,
    })
    .returning();
  return row;
}

/** An inspection of a unit (or a network); with `ratings` (nine of them) it is recorded with the checklist. */
export async function buildInspection(
  db: Executor,
  o: {
    provinceOrgId: string;
    schoolYearId: string;
    schoolYearCode?: string;
    visitDate: string;
    unitOrgId?: string;
    networkId?: string;
    areaId?: string | null;
    inspectors?: string[];
    ratings?: InspectionRating[];
    findings?: string;
    recommendations?: string | null;
  },
) {
  const recorded = Boolean(o.ratings);
  const [row] = await db
    .insert(inspections)
    .values({
      provinceOrgId: o.provinceOrgId,
      schoolYearId: o.schoolYearId,
      unitOrgId: o.unitOrgId ?? null,
      networkId: o.networkId ?? null,
      areaId: o.areaId ?? null,
      visitDate: o.visitDate,
      inspectors: o.inspectors ?? ['Nguyễn Văn Kiểm - Trưởng đoàn'],
      status: recorded ? 'recorded' : 'planned',
      findings: recorded ? (o.findings ?? 'Đơn vị thực hiện tốt các nhiệm vụ được giao.') : null,
      recommendations: recorded ? (o.recommendations ?? null) : null,
      recordedAt: recorded ? new Date() : null,
    })
    .returning();
  if (o.ratings) {
    const texts = checklistFor(o.schoolYearCode ?? '');
    await db
      .insert(inspectionItems)
      .values(o.ratings.map((rating, i) => ({ inspectionId: row.id, position: i + 1, text: texts[i], rating, finding: null })));
  }
  return row;
}
