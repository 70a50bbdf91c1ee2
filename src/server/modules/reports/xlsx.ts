import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { periodLabel } from '../../lib/documents/mau1';
import { xmlSafeDeep } from '../../lib/documents/xmlText';
import type { Mau3Document } from './mau3';
import { ROLLUP_HEADINGS, type RollupDocument, rowCells, submittedOfOwed } from './rollupDocx';

/** Spreadsheets of the roll-up table and of a report's tables (exceljs streaming writer, Times New Roman). */

type Sheet = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

function addRows(ws: Sheet, header: string[], rows: Array<Array<string | number>>, bold = -1) {
  const h = ws.addRow(header);
  h.font = { bold: true, name: 'Times New Roman', size: 12 };
  h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  h.commit();
  rows.forEach((cells, i) => {
    const row = ws.addRow(cells);
    row.font = { name: 'Times New Roman', size: 12, bold: i === bold };
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
  });
  ws.commit();
}

const asNumber = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);

/** The roll-up table with a totals row; numbers as numbers. */
export async function writeRollupXlsx(out: Writable, input: RollupDocument): Promise<void> {
  const d = xmlSafeDeep(input);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Liên Trường';
  wb.title = `Tổng hợp báo cáo - ${d.scope} - ${periodLabel(d.term, d.schoolYear)}`;
  const ws = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [5, 44, 14, 12, 12, 14, 12, 14, 36].map((width) => ({ width }));
  const t = d.totals;
  addRows(
    ws,
    [...ROLLUP_HEADINGS],
    [
      ...d.rows.map((r, i) => rowCells(r, i).map((c, ci) => (ci === 0 || (ci >= 3 && ci <= 7) ? asNumber(c) : c))),
      ['', 'Tổng cộng', submittedOfOwed(t), t.meetingsHeld, '', t.notCarriedOut, t.participants, t.nonParticipants, ''],
    ],
    d.rows.length,
  );
  await wb.commit();
}

/** A report's tables: lessons by subject, items not carried out, participants and non-participants by subject. */
export async function writeReportXlsx(out: Writable, input: Mau3Document): Promise<void> {
  const d = xmlSafeDeep(input);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Liên Trường';
  wb.title = `Báo cáo kết quả SHCM - ${d.scope} - ${periodLabel(d.term, d.schoolYear)}`;
  const r = d.results;
  const lessons = wb.addWorksheet('Tiết thao giảng, chuyên đề');
  lessons.columns = [5, 24, 12, 80].map((width) => ({ width }));
  addRows(
    lessons,
    ['TT', 'Môn', 'Số tiết/chuyên đề', 'Nội dung'],
    r.lessonsBySubject.map((l, i) => [i + 1, l.subject, l.count, l.contents.join('; ')]),
  );
  const notDone = wb.addWorksheet('Không thực hiện');
  notDone.columns = [5, 30, 50, 14, 40].map((width) => ({ width }));
  addRows(
    notDone,
    ['TT', 'Đơn vị', 'Nội dung', 'Ngày dự kiến', 'Lý do'],
    r.notCarriedOut.map((n, i) => [i + 1, n.unit ?? '', n.content, n.date ?? '', n.reason]),
  );
  const people = wb.addWorksheet('Giáo viên');
  people.columns = [5, 24, 14, 16, 30, 34, 40].map((width) => ({ width }));
  const rows: Array<Array<string | number>> = [];
  for (const s of r.participantsBySubject) rows.push([rows.length + 1, s.subject, s.count, '', '', '', '']);
  for (const a of r.nonParticipantsBySubject) {
    for (const p of a.people) rows.push([rows.length + 1, a.subject, '', 'Không tham gia', p.name, p.unit ?? '', p.reason]);
  }
  addRows(people, ['TT', 'Môn', 'Số GV tham gia', 'Tình trạng', 'Họ và tên', 'Đơn vị', 'Lý do'], rows);
  await wb.commit();
}
