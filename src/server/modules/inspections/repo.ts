import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import {
  inspectionAreas,
  inspectionDocuments,
  inspectionItems,
  inspections,
  networkLeaders,
  networkMembers,
  networks,
  orgs,
  schoolYears,
} from '../../db/schema';

export interface YearProvinceFilter {
  schoolYearId?: string;
  provinceOrgId?: string;
}

/** Rows of the inspection plan (Phụ lục II), in order. */
export async function listAreas(db: Executor, f: YearProvinceFilter) {
  const conds: SQL[] = [];
  if (f.schoolYearId) conds.push(eq(inspectionAreas.schoolYearId, f.schoolYearId));
  if (f.provinceOrgId) conds.push(eq(inspectionAreas.provinceOrgId, f.provinceOrgId));
  return db
    .select()
    .from(inspectionAreas)
    .where(and(...conds))
    .orderBy(asc(inspectionAreas.month), asc(inspectionAreas.sortOrder))
    .limit(1000);
}

/** One row of the inspection plan. */
export async function findArea(db: Executor, id: string) {
  const rows = await db.select().from(inspectionAreas).where(eq(inspectionAreas.id, id)).limit(1);
  return rows[0];
}

/** Adds a row to the inspection plan, after the others of its Sở and year. */
export async function insertArea(db: Executor, row: Omit<typeof inspectionAreas.$inferInsert, 'sortOrder'>) {
  const existing = await listAreas(db, { schoolYearId: row.schoolYearId, provinceOrgId: row.provinceOrgId });
  const [created] = await db
    .insert(inspectionAreas)
    .values({ ...row, sortOrder: existing.length + 1 })
    .returning();
  return created;
}

/** Deletes a row of the inspection plan (its inspections keep their unit, without the area). */
export async function deleteArea(db: Executor, id: string): Promise<void> {
  await db.delete(inspectionAreas).where(eq(inspectionAreas.id, id));
}

const unit = alias(orgs, 'unit');
const province = alias(orgs, 'province');

const columns = {
  id: inspections.id,
  provinceOrgId: inspections.provinceOrgId,
  provinceName: province.name,
  schoolYearId: inspections.schoolYearId,
  schoolYearCode: schoolYears.code,
  yearStart: schoolYears.startDate,
  yearEnd: schoolYears.endDate,
  areaId: inspections.areaId,
  areaLabel: inspectionAreas.label,
  unitOrgId: inspections.unitOrgId,
  unitName: unit.name,
  networkId: inspections.networkId,
  networkName: networks.name,
  visitDate: inspections.visitDate,
  inspectors: inspections.inspectors,
  status: inspections.status,
  findings: inspections.findings,
  recommendations: inspections.recommendations,
};

function base(db: Executor) {
  return db
    .select(columns)
    .from(inspections)
    .innerJoin(province, eq(province.id, inspections.provinceOrgId))
    .innerJoin(schoolYears, eq(schoolYears.id, inspections.schoolYearId))
    .leftJoin(inspectionAreas, eq(inspectionAreas.id, inspections.areaId))
    .leftJoin(unit, eq(unit.id, inspections.unitOrgId))
    .leftJoin(networks, eq(networks.id, inspections.networkId));
}

export type InspectionRow = Awaited<ReturnType<typeof list>>[number];

/** Inspections matching a filter, by visit date. */
export async function list(db: Executor, f: YearProvinceFilter) {
  const conds: SQL[] = [];
  if (f.schoolYearId) conds.push(eq(inspections.schoolYearId, f.schoolYearId));
  if (f.provinceOrgId) conds.push(eq(inspections.provinceOrgId, f.provinceOrgId));
  return base(db)
    .where(and(...conds))
    .orderBy(asc(inspections.visitDate), asc(inspections.createdAt))
    .limit(2000);
}

/** One inspection with its names. */
export async function findById(db: Executor, id: string) {
  const rows = await base(db).where(eq(inspections.id, id)).limit(1);
  return rows[0];
}

/** The inspection row, locked for the rest of the transaction. */
export async function lockById(db: Executor, id: string) {
  const rows = await db.select().from(inspections).where(eq(inspections.id, id)).for('update').limit(1);
  return rows[0];
}

/** Inserts an inspection. */
export async function insert(db: Executor, row: typeof inspections.$inferInsert) {
  const [created] = await db.insert(inspections).values(row).returning();
  return created;
}

/** Updates an inspection. */
export async function update(db: Executor, id: string, row: Partial<typeof inspections.$inferInsert>) {
  const [updated] = await db
    .update(inspections)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(inspections.id, id))
    .returning();
  return updated;
}

/** Checklist items of inspections, by position. */
export async function itemsOf(db: Executor, inspectionIds: string[]) {
  if (inspectionIds.length === 0) return [];
  return db
    .select()
    .from(inspectionItems)
    .where(inArray(inspectionItems.inspectionId, inspectionIds))
    .orderBy(asc(inspectionItems.position));
}

/** Replaces an inspection's checklist items. */
export async function replaceItems(
  db: Executor,
  inspectionId: string,
  items: Array<Omit<typeof inspectionItems.$inferInsert, 'inspectionId'>>,
) {
  await db.delete(inspectionItems).where(eq(inspectionItems.inspectionId, inspectionId));
  if (items.length > 0) await db.insert(inspectionItems).values(items.map((i) => ({ ...i, inspectionId })));
}

/** Documents the unit sent for inspections, oldest first. */
export async function documentsOf(db: Executor, inspectionIds: string[]) {
  if (inspectionIds.length === 0) return [];
  return db
    .select()
    .from(inspectionDocuments)
    .where(inArray(inspectionDocuments.inspectionId, inspectionIds))
    .orderBy(asc(inspectionDocuments.createdAt));
}

/** Stores a document row. */
export async function insertDocument(db: Executor, row: typeof inspectionDocuments.$inferInsert) {
  const [created] = await db.insert(inspectionDocuments).values(row).returning();
  return created;
}

/** One document row. */
export async function findDocument(db: Executor, id: string) {
  const rows = await db.select().from(inspectionDocuments).where(eq(inspectionDocuments.id, id)).limit(1);
  return rows[0];
}

/** Deletes a document row. */
export async function deleteDocument(db: Executor, id: string): Promise<void> {
  await db.delete(inspectionDocuments).where(eq(inspectionDocuments.id, id));
}

/** A network with what the inspection policy needs: members, leaders, lead and supervising orgs. */
export async function networkFacts(db: Executor, id: string) {
  const [n] = await db
    .select({
      id: networks.id,
      schoolYearId: networks.schoolYearId,
      supervisingOrgId: networks.supervisingOrgId,
      leadOrgId: networks.leadOrgId,
    })
    .from(networks)
    .where(eq(networks.id, id))
    .limit(1);
  if (!n) return undefined;
  const [members, leaders] = await Promise.all([
    db.select({ id: networkMembers.orgId }).from(networkMembers).where(eq(networkMembers.networkId, id)),
    db.select({ id: networkLeaders.personId }).from(networkLeaders).where(eq(networkLeaders.networkId, id)),
  ]);
  return { ...n, memberIds: members.map((m) => m.id), leaderIds: leaders.map((l) => l.id) };
}
