import {
  checklistFor,
  DOCUMENTS_DAYS_BEFORE,
  type InspectionAreaInput,
  type InspectionAreaView,
  type InspectionInput,
  type InspectionRating,
  type InspectionRecordInput,
  type InspectionView,
} from '../../../shared/inspections';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { todayIso } from '../../lib/dates';
import { AppError, type FieldError, fieldError, notFound } from '../../lib/errors';
import { viDate } from '../../lib/format';
import * as orgsRepo from '../orgs/repo';
import { addDays, dayInYear, monthInYear, monthStart } from '../programme/dates';
import * as schoolYearsRepo from '../schoolYears/repo';
import { authorize, canReadAreas, canReadInspection, canUploadDocuments, canWriteInspections, type InspectionScope } from './policy';
import * as repo from './repo';
import { provinceIn, scopesOf } from './scope';

/** Rows of the inspection plan the actor may read, with the names of their districts. */
export async function listAreas(db: Executor, actor: Actor, q: repo.YearProvinceFilter): Promise<InspectionAreaView[]> {
  const rows = (await repo.listAreas(db, q)).filter((a) => canReadAreas(actor, a.provinceOrgId));
  const names = new Map((await orgsRepo.summaries(db, [...new Set(rows.flatMap((r) => r.areaOrgIds))])).map((o) => [o.id, o.name]));
  return rows.map((a) => ({
    id: a.id,
    provinceOrgId: a.provinceOrgId,
    schoolYearId: a.schoolYearId,
    label: a.label,
    areaOrgIds: a.areaOrgIds,
    areaNames: a.areaOrgIds.map((id) => names.get(id) ?? ''),
    month: a.month.slice(0, 7),
    can: { edit: canWriteInspections(actor, a.provinceOrgId) },
  }));
}

/** The school year, or a 400 naming the field. */
async function yearOf(db: Executor, id: string) {
  const year = await schoolYearsRepo.findById(db, id);
  if (!year) throw fieldError('schoolYearId', 'Năm học không tồn tại');
  return year;
}

/** The Sở adds a row to its inspection plan: an area (districts or communes) and the month of inspection. */
export async function createArea(tx: Executor, actor: Actor, input: InspectionAreaInput) {
  const year = await yearOf(tx, input.schoolYearId);
  const [province] = await orgsRepo.summaries(tx, [input.provinceOrgId]);
  if (province?.type !== 'province_department') throw fieldError('provinceOrgId', 'Sở GD&ĐT không tồn tại');
  authorize(actor, 'write', { provinceOrgId: province.id });
  const fields: FieldError[] = [];
  if (!monthInYear(input.month, year))
    fields.push({
      field: 'month',
      message: `Tháng phải nằm trong năm học ${year.code} (${viDate(year.startDate)} – ${viDate(year.endDate)})`,
    });
  const areaIds = [...new Set(input.areaOrgIds ?? [])];
  const chains = await orgsRepo.ancestorChains(tx, areaIds, dayInYear(year));
  if (areaIds.some((id) => !(chains.get(id) ?? []).includes(province.id) || (chains.get(id) ?? []).length < 2))
    fields.push({ field: 'areaOrgIds', message: 'Có đơn vị trên địa bàn không tồn tại hoặc không thuộc Sở GD&ĐT này' });
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
  const row = await repo.insertArea(tx, {
    provinceOrgId: province.id,
    schoolYearId: year.id,
    label: input.label,
    areaOrgIds: areaIds,
    month: monthStart(input.month),
  });
  await audit(tx, actor, { action: 'create', entityType: 'inspection_area', entityId: row.id, orgId: province.id, after: row });
  return row;
}

/** Deletes a row of the inspection plan. */
export async function removeArea(tx: Executor, actor: Actor, id: string) {
  const area = await repo.findArea(tx, id);
  if (!area) throw notFound('địa bàn kiểm tra');
  authorize(actor, 'write', { provinceOrgId: area.provinceOrgId });
  await repo.deleteArea(tx, id);
  await audit(tx, actor, { action: 'delete', entityType: 'inspection_area', entityId: id, orgId: area.provinceOrgId, before: area });
}

async function shapeAll(db: Executor, actor: Actor, rows: repo.InspectionRow[], scopes: InspectionScope[]): Promise<InspectionView[]> {
  const ids = rows.map((r) => r.id);
  const [items, docs] = await Promise.all([repo.itemsOf(db, ids), repo.documentsOf(db, ids)]);
  const today = todayIso();
  return rows.map((r, i) => {
    const status = r.status as InspectionView['status'];
    const texts = checklistFor(r.schoolYearCode);
    const recorded = items.filter((it) => it.inspectionId === r.id);
    return {
      id: r.id,
      provinceOrgId: r.provinceOrgId,
      provinceName: r.provinceName,
      schoolYearId: r.schoolYearId,
      schoolYearCode: r.schoolYearCode,
      areaId: r.areaId,
      areaLabel: r.areaLabel,
      unitOrgId: r.unitOrgId,
      networkId: r.networkId,
      targetName: r.unitName ?? r.networkName ?? '',
      visitDate: r.visitDate,
      documentsDueDate: addDays(r.visitDate, -DOCUMENTS_DAYS_BEFORE),
      inspectors: r.inspectors,
      status,
      overdue: status === 'planned' && r.visitDate < today,
      findings: r.findings,
      recommendations: r.recommendations,
      checklist: texts.map((text, p) => {
        const it = recorded.find((x) => x.position === p + 1);
        return { position: p + 1, text: it?.text ?? text, rating: (it?.rating as InspectionRating) ?? null, finding: it?.finding ?? null };
      }),
      documents: docs
        .filter((d) => d.inspectionId === r.id)
        .map((d) => ({ id: d.id, kind: d.kind as 'timetable', fileName: d.fileName, size: d.size, createdAt: d.createdAt.toISOString() })),
      can: { edit: canWriteInspections(actor, r.provinceOrgId), upload: canUploadDocuments(actor, scopes[i], status) },
    };
  });
}

/** Inspections the actor may read. */
export async function list(db: Executor, actor: Actor, q: repo.YearProvinceFilter): Promise<InspectionView[]> {
  const rows = await repo.list(db, q);
  const scopes = await scopesOf(db, rows);
  const keep = rows.map((_, i) => canReadInspection(actor, scopes[i]));
  return shapeAll(
    db,
    actor,
    rows.filter((_, i) => keep[i]),
    scopes.filter((_, i) => keep[i]),
  );
}

/** One inspection and its scope; 404 or 403. */
export async function load(db: Executor, actor: Actor, id: string) {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('cuộc kiểm tra');
  const [scope] = await scopesOf(db, [row]);
  authorize(actor, 'read', scope);
  return { row, scope };
}

/** One inspection with its checklist and documents. */
export async function get(db: Executor, actor: Actor, id: string): Promise<InspectionView> {
  const { row, scope } = await load(db, actor, id);
  const [view] = await shapeAll(db, actor, [row], [scope]);
  return view;
}

/** Checks the target (unit or network), the date and the area; returns the Sở. */
async function validate(db: Executor, input: InspectionInput) {
  const year = await yearOf(db, input.schoolYearId);
  const fields: FieldError[] = [];
  if (input.visitDate < year.startDate || input.visitDate > year.endDate)
    fields.push({
      field: 'visitDate',
      message: `Ngày kiểm tra phải trong năm học ${year.code} (${viDate(year.startDate)} – ${viDate(year.endDate)})`,
    });
  let provinceOrgId: string | undefined;
  if (input.unitOrgId) {
    const [unit] = await orgsRepo.summaries(db, [input.unitOrgId]);
    if (!unit) fields.push({ field: 'unitOrgId', message: 'Đơn vị được kiểm tra không tồn tại' });
    else if (unit.type !== 'school' && unit.type !== 'center')
      fields.push({ field: 'unitOrgId', message: 'Đơn vị được kiểm tra phải là trường hoặc trung tâm' });
    else provinceOrgId = await provinceIn(db, await orgsRepo.ancestorChain(db, unit.id, dayInYear(year)));
  } else if (input.networkId) {
    const n = await repo.networkFacts(db, input.networkId);
    if (!n) fields.push({ field: 'networkId', message: 'Mạng lưới không tồn tại' });
    else if (n.schoolYearId !== year.id) fields.push({ field: 'networkId', message: 'Mạng lưới thuộc năm học khác' });
    else provinceOrgId = await provinceIn(db, await orgsRepo.ancestorChain(db, n.supervisingOrgId, dayInYear(year)));
  }
  if (!provinceOrgId && !fields.some((f) => f.field === 'unitOrgId' || f.field === 'networkId'))
    fields.push({ field: input.unitOrgId ? 'unitOrgId' : 'networkId', message: 'Đơn vị được kiểm tra không thuộc Sở GD&ĐT nào' });
  if (input.areaId) {
    const area = await repo.findArea(db, input.areaId);
    if (!area || area.schoolYearId !== year.id || (provinceOrgId && area.provinceOrgId !== provinceOrgId))
      fields.push({ field: 'areaId', message: 'Địa bàn kiểm tra không tồn tại trong kế hoạch kiểm tra năm học này' });
  }
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });
  return { provinceOrgId: provinceOrgId as string };
}

/** The Sở plans the inspection of a unit: date and inspection team. */
export async function create(tx: Executor, actor: Actor, input: InspectionInput) {
  const { provinceOrgId } = await validate(tx, input);
  authorize(actor, 'write', { provinceOrgId });
  const row = await repo.insert(tx, {
    provinceOrgId,
    schoolYearId: input.schoolYearId,
    areaId: input.areaId ?? null,
    unitOrgId: input.unitOrgId ?? null,
    networkId: input.networkId ?? null,
    visitDate: input.visitDate,
    inspectors: input.inspectors,
    createdBy: actor.personId,
  });
  await audit(tx, actor, { action: 'create', entityType: 'inspection', entityId: row.id, orgId: provinceOrgId, after: row });
  return row;
}

/** Records the visit: the nine items rated with findings, the overall findings and recommendations. */
export async function record(tx: Executor, actor: Actor, id: string, input: InspectionRecordInput) {
  const before = await repo.lockById(tx, id);
  if (!before) throw notFound('cuộc kiểm tra');
  authorize(actor, 'write', { provinceOrgId: before.provinceOrgId });
  const row = await repo.findById(tx, id);
  const texts = checklistFor(row?.schoolYearCode ?? '');
  const items = input.checklist.map((c) => ({
    position: c.position,
    text: texts[c.position - 1],
    rating: c.rating,
    finding: c.finding ?? null,
  }));
  await repo.replaceItems(tx, id, items);
  const after = await repo.update(tx, id, {
    status: 'recorded',
    findings: input.findings,
    recommendations: input.recommendations ?? null,
    recordedAt: new Date(),
  });
  await audit(tx, actor, {
    action: 'record',
    entityType: 'inspection',
    entityId: id,
    orgId: before.provinceOrgId,
    before,
    after: { ...after, items },
  });
}
