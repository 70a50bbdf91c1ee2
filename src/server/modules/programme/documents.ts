import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SchoolLevel } from '../../../shared/enums';
import type { AssignmentStatus, AssignmentsQuery, AssignmentView } from '../../../shared/programme';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type ProgrammeDocument, renderProgramme } from '../../lib/documents/phuLuc';
import { xmlSafeDeep } from '../../lib/documents/xmlText';
import { fieldError } from '../../lib/errors';
import { viDate } from '../../lib/format';
import { viMonth } from './dates';
import { list } from './service';

/** Level headings as Phụ lục I prints them. */
export const LEVEL_HEADINGS: Record<SchoolLevel, string> = {
  preschool: 'CẤP MẦM NON',
  primary: 'CẤP TIỂU HỌC',
  lower_secondary: 'CẤP THCS',
  upper_secondary: 'CẤP THPT',
};

/** Vietnamese status labels of an assignment (tables and XLSX). */
export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_scheduled: 'Chưa lên lịch',
  scheduled: 'Đã lên lịch',
  held: 'Đã tổ chức',
  overdue: 'Quá hạn',
};

const subjectOf = (a: AssignmentView) => `${a.subjectName}${a.grade ? ` ${a.grade}` : ''}`;

/** The assignments of one Sở and year that the actor reads; 400 naming the field when the Sở is ambiguous. */
export async function programmeRows(db: Executor, actor: Actor, q: AssignmentsQuery & { schoolYearId: string }) {
  const rows = await list(db, actor, { schoolYearId: q.schoolYearId, provinceOrgId: q.provinceOrgId });
  const provinces = new Set(rows.map((r) => r.provinceOrgId));
  if (provinces.size > 1) throw fieldError('provinceOrgId', 'Chọn Sở GD&ĐT cần xuất phụ lục');
  return rows;
}

/** Phụ lục I of a school year, as a DOCX file, with the year's code for the file name. */
export async function programmeDocx(db: Executor, actor: Actor, q: AssignmentsQuery & { schoolYearId: string }) {
  const rows = await programmeRows(db, actor, q);
  const levels = (Object.keys(LEVEL_HEADINGS) as SchoolLevel[])
    .map((level) => ({
      heading: LEVEL_HEADINGS[level],
      rows: rows
        .filter((r) => r.level === level)
        .map((r) => ({ unit: r.unitName, subject: subjectOf(r), month: `Tháng ${viMonth(r.month)}` })),
    }))
    .filter((l) => l.rows.length > 0);
  const year = rows[0]?.schoolYearCode ?? '';
  const provinceName = rows[0]?.provinceName ?? 'Sở Giáo dục và Đào tạo';
  const doc: ProgrammeDocument = {
    provinceName,
    schoolYear: year,
    attachedTo: `Kèm theo Kế hoạch tổ chức sinh hoạt chuyên môn cấp tỉnh năm học ${year} của ${provinceName}`,
    levels,
  };
  return { year, buffer: await renderProgramme(doc) };
}

/** The assignments table as XLSX (streaming writer): one row per assignment with its meeting, due date and status. */
export async function writeProgrammeXlsx(out: Writable, input: AssignmentView[]): Promise<void> {
  const rows = xmlSafeDeep(input);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Liên Trường';
  const ws = wb.addWorksheet('Phụ lục I', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [5, 12, 40, 26, 14, 44, 14, 18, 16].map((width) => ({ width }));
  const header = ws.addRow([
    'TT',
    'Cấp học',
    'Đơn vị tổ chức',
    'Môn học',
    'Thời gian tổ chức',
    'Buổi sinh hoạt chuyên môn',
    'Ngày tổ chức',
    'Hạn gửi kế hoạch, báo cáo chuẩn bị',
    'Tình trạng',
  ]);
  header.font = { bold: true, name: 'Times New Roman', size: 12 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.commit();
  rows.forEach((r, i) => {
    const row = ws.addRow([
      i + 1,
      LEVEL_HEADINGS[r.level].replace('CẤP ', ''),
      r.unitName,
      subjectOf(r),
      `Tháng ${viMonth(r.month)}`,
      r.meeting?.title ?? '',
      r.meeting ? viDate(new Date(new Date(r.meeting.startsAt).getTime() + 7 * 3_600_000).toISOString()) : '',
      viDate(r.dueDate),
      STATUS_LABELS[r.status],
    ]);
    row.font = { name: 'Times New Roman', size: 12 };
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
  });
  ws.commit();
  await wb.commit();
}
