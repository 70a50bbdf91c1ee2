import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { InspectionRating, InspectionView } from '../../../shared/inspections';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { formHeading } from '../../lib/documents/issuer';
import { renderInspectionPlan, renderInspectionRecord } from '../../lib/documents/phuLuc';
import { xmlSafeDeep } from '../../lib/documents/xmlText';
import { fieldError } from '../../lib/errors';
import { viDate } from '../../lib/format';
import * as orgsRepo from '../orgs/repo';
import { viMonth } from '../programme/dates';
import { get, list, listAreas } from './service';

/** Ratings as the record prints them. */
export const RATING_LABELS: Record<InspectionRating, string> = { met: 'Đạt', partly: 'Đạt một phần', not_met: 'Chưa đạt' };

const STATUS = { planned: 'Đã lên kế hoạch', recorded: 'Đã kiểm tra' } as const;

/** The plan rows and inspections of one Sở and year that the actor reads (400 when the Sở is ambiguous). */
export async function planData(db: Executor, actor: Actor, q: { schoolYearId: string; provinceOrgId?: string }) {
  const [areas, inspections] = await Promise.all([listAreas(db, actor, q), list(db, actor, q)]);
  const provinces = new Set([...areas.map((a) => a.provinceOrgId), ...inspections.map((i) => i.provinceOrgId)]);
  if (provinces.size > 1) throw fieldError('provinceOrgId', 'Chọn Sở GD&ĐT cần xuất phụ lục');
  const provinceId = q.provinceOrgId ?? [...provinces][0] ?? actor.roles.find((r) => r.orgType === 'province_department')?.orgId;
  const [province] = provinceId ? await orgsRepo.summaries(db, [provinceId]) : [];
  return { areas, inspections, provinceName: province?.name ?? 'Sở Giáo dục và Đào tạo' };
}

/** Phụ lục II of a school year as DOCX. */
export async function inspectionPlanDocx(
  db: Executor,
  actor: Actor,
  q: { schoolYearId: string; provinceOrgId?: string },
  yearCode: string,
) {
  const { areas, inspections, provinceName } = await planData(db, actor, q);
  return renderInspectionPlan({
    provinceName,
    schoolYear: yearCode,
    attachedTo: `Kèm theo Kế hoạch kiểm tra công tác thực hiện nhiệm vụ năm học ${yearCode} của ${provinceName}`,
    areas: areas.map((a) => ({ label: a.label, month: `Tháng ${viMonth(a.month)}` })),
    inspections: inspections.map((i) => ({
      unit: i.targetName,
      visitDate: viDate(i.visitDate),
      documentsDue: viDate(i.documentsDueDate),
      status: STATUS[i.status],
    })),
  });
}

/** The record of one inspection with its checklist as DOCX. */
export async function inspectionRecordDocx(db: Executor, actor: Actor, id: string): Promise<{ view: InspectionView; buffer: Buffer }> {
  const view = await get(db, actor, id);
  const buffer = await renderInspectionRecord({
    ...formHeading([{ name: view.provinceName, type: 'province_department' }]),
    visitDate: view.visitDate,
    schoolYear: view.schoolYearCode,
    unit: view.targetName,
    inspectors: view.inspectors,
    checklist: view.checklist.map((c) => ({ text: c.text, rating: c.rating ? RATING_LABELS[c.rating] : '', finding: c.finding ?? '' })),
    findings: view.findings ?? '',
    recommendations: view.recommendations ?? '',
    unitSignature: { title: 'Đại diện đơn vị được kiểm tra' },
    leadSignature: { title: 'Trưởng đoàn kiểm tra', name: view.inspectors[0] ?? '' },
  });
  return { view, buffer };
}

function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, widths: number[], headings: string[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = widths.map((width) => ({ width }));
  const header = ws.addRow(headings);
  header.font = { bold: true, name: 'Times New Roman', size: 12 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.commit();
  return ws;
}

function addRow(ws: ExcelJS.Worksheet, values: Array<string | number>) {
  const row = ws.addRow(values);
  row.font = { name: 'Times New Roman', size: 12 };
  row.alignment = { vertical: 'top', wrapText: true };
  row.commit();
}

/** Phụ lục II's tables as XLSX: the plan (area, month) and the inspections with their ratings. */
export async function writeInspectionsXlsx(out: Writable, input: Awaited<ReturnType<typeof planData>>): Promise<void> {
  const data = xmlSafeDeep(input);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Liên Trường';
  const plan = sheet(wb, 'Thời điểm kiểm tra', [5, 50, 16], ['TT', 'Các đơn vị trên địa bàn huyện, thành phố', 'Thời gian']);
  for (const [i, a] of data.areas.entries()) addRow(plan, [i + 1, a.label, `Tháng ${viMonth(a.month)}`]);
  plan.commit();
  const items = data.inspections[0]?.checklist.length ?? 9;
  const ins = sheet(
    wb,
    'Đơn vị được kiểm tra',
    [5, 40, 14, 14, 30, 16, ...Array.from({ length: items }, () => 12), 40, 40],
    [
      'TT',
      'Đơn vị được kiểm tra',
      'Ngày kiểm tra',
      'Hạn gửi hồ sơ',
      'Đoàn kiểm tra',
      'Tình trạng',
      ...Array.from({ length: items }, (_, i) => `Nội dung ${i + 1}`),
      'Nhận xét chung',
      'Kiến nghị',
    ],
  );
  for (const [i, v] of data.inspections.entries()) {
    addRow(ins, [
      i + 1,
      v.targetName,
      viDate(v.visitDate),
      viDate(v.documentsDueDate),
      v.inspectors.join('; '),
      STATUS[v.status],
      ...v.checklist.map((c) => (c.rating ? RATING_LABELS[c.rating] : '')),
      v.findings ?? '',
      v.recommendations ?? '',
    ]);
  }
  ins.commit();
  await wb.commit();
}
