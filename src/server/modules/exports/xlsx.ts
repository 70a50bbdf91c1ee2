import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { periodLabel, SCHEDULE_HEADINGS, type ScheduleDocument, scheduleCells } from '../../lib/documents/mau1';
import { vnDateCell } from '../../lib/documents/vnDate';
import { xmlSafeDeep } from '../../lib/documents/xmlText';

/**
 * The schedule as a spreadsheet, written with exceljs's streaming writer: one header row (bold, frozen), one row per
 * meeting with the date as a real date shown dd/mm/yyyy and the planned count as a number.
 */
export async function writeScheduleXlsx(out: Writable, input: ScheduleDocument): Promise<void> {
  const d = xmlSafeDeep(input);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Liên Trường';
  wb.title = `Lịch sinh hoạt chuyên môn liên trường - ${d.scope} - ${periodLabel(d.term, d.schoolYear)}`;
  const ws = wb.addWorksheet('Lịch SHCM', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { key: 'tt', width: 5 },
    { key: 'date', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { key: 'time', width: 14 },
    { key: 'subjects', width: 16 },
    { key: 'content', width: 48 },
    { key: 'place', width: 32 },
    { key: 'count', width: 12 },
    { key: 'notes', width: 26 },
  ];
  const header = ws.addRow([...SCHEDULE_HEADINGS]);
  header.font = { bold: true, name: 'Times New Roman', size: 12 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.commit();
  d.meetings.forEach((m, i) => {
    const c = scheduleCells(m, i);
    const row = ws.addRow([i + 1, vnDateCell(m.startsAt), c[2], c[3], c[4].replace('\n', ': '), c[5], m.count, c[7].replace(/\n/g, '; ')]);
    row.font = { name: 'Times New Roman', size: 12 };
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.commit();
  });
  ws.commit();
  await wb.commit();
}
