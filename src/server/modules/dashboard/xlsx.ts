import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ComplianceView, DashboardTable, DeadlineRow } from '../../../shared/dashboard';
import { networkKindLabels } from '../../../shared/labels';
import { vnDateCell } from '../../lib/documents/vnDate';
import { xmlSafeDeep } from '../../lib/documents/xmlText';

type Cell = string | number | Date | null;
interface Sheet {
  title: string;
  columns: { header: string; width: number; date?: boolean }[];
  rows: Cell[][];
}

const kindLabel = (k: string) => networkKindLabels[k as keyof typeof networkKindLabels] ?? k;
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const docStatus: Record<string, string> = {
  missing: 'Chưa có',
  draft: 'Bản nháp',
  returned: 'Bị trả lại',
  submitted: 'Đã gửi, chờ duyệt',
  resubmitted: 'Đã gửi lại',
};
const stateLabel = { overdue: 'Quá hạn', due_soon: 'Sắp đến hạn', awaiting_review: 'Chờ duyệt' };
const dateOnly = (iso: string | null) => (iso ? vnDateCell(iso) : null);

function deadlines(title: string, rows: DeadlineRow[]): Sheet {
  return {
    title,
    columns: [
      { header: 'TT', width: 5 },
      { header: 'Mạng lưới', width: 48 },
      { header: 'Tình trạng', width: 20 },
      { header: 'Hạn', width: 12, date: true },
      { header: 'Mức độ', width: 14 },
      { header: 'Số ngày trễ', width: 12 },
    ],
    rows: rows.map((r, i) => [i + 1, r.networkName, docStatus[r.status] ?? r.status, dateOnly(r.dueDate), stateLabel[r.state], r.daysLate]),
  };
}

/** The rows of one dashboard table, with Vietnamese headings. */
function sheetOf(v: ComplianceView, table: DashboardTable): Sheet {
  switch (table) {
    case 'networks':
      return {
        title: 'Số buổi theo quy định',
        columns: [
          { header: 'TT', width: 5 },
          { header: 'Mạng lưới', width: 48 },
          { header: 'Loại', width: 18 },
          { header: 'Đơn vị quản lý', width: 30 },
          { header: 'Số buổi tối thiểu', width: 12 },
          { header: 'Đã sinh hoạt', width: 12 },
          { header: 'Đã lên lịch', width: 12 },
          { header: 'Chưa đạt', width: 10 },
          { header: 'Môn chưa đủ số buổi', width: 30 },
        ],
        rows: v.networks.map((n, i) => [
          i + 1,
          n.name,
          kindLabel(n.kind),
          n.supervisingOrgName,
          n.required,
          n.held,
          n.scheduled,
          n.behind ? 'x' : '',
          n.subjectsBehind.join(', '),
        ]),
      };
    case 'teams':
      return {
        title: 'Tổ chưa đạt 2 tuần 1 lần',
        columns: [
          { header: 'TT', width: 5 },
          { header: 'Tổ chuyên môn', width: 30 },
          { header: 'Trường', width: 36 },
          { header: 'Số lần đã sinh hoạt', width: 14 },
          { header: 'Số lần cần đạt', width: 14 },
          { header: 'Lần gần nhất', width: 14, date: true },
        ],
        rows: v.teams.map((t, i) => [
          i + 1,
          t.name,
          t.schoolName,
          t.count,
          t.expected,
          t.lastMeetingAt ? vnDateCell(t.lastMeetingAt) : null,
        ]),
      };
    case 'plans':
      return deadlines('Kế hoạch', v.plans);
    case 'reports':
      return deadlines('Báo cáo', v.reports ?? []);
    case 'upcoming':
      return {
        title: 'Sắp diễn ra',
        columns: [
          { header: 'TT', width: 5 },
          { header: 'Ngày', width: 12, date: true },
          { header: 'Buổi sinh hoạt', width: 48 },
          { header: 'Đơn vị tổ chức', width: 34 },
          { header: 'Mạng lưới', width: 40 },
        ],
        rows: v.upcoming.map((m, i) => [i + 1, vnDateCell(m.startsAt), m.title, m.hostOrgName, m.networkName]),
      };
    case 'participation':
      return {
        title: 'Tỉ lệ tham dự',
        columns: [
          { header: 'Theo', width: 10 },
          { header: 'Môn học / đơn vị', width: 40 },
          { header: 'Được mời', width: 10 },
          { header: 'Có mặt', width: 10 },
          { header: 'Tỉ lệ (%)', width: 10 },
        ],
        rows: [
          ...v.participation.bySubject.map((r) => ['Môn học', r.name, r.invited, r.present, pct(r.rate)]),
          ...v.participation.byOrg.map((r) => ['Đơn vị', r.name, r.invited, r.present, pct(r.rate)]),
          ['Tổng', '', v.participation.total.invited, v.participation.total.present, pct(v.participation.total.rate)],
        ],
      };
  }
}

/** One table of the dashboard as a spreadsheet (exceljs streaming writer): a bold frozen header, dates as dates. */
export async function writeDashboardXlsx(out: Writable, input: ComplianceView, table: DashboardTable): Promise<void> {
  const v = xmlSafeDeep(input);
  const sheet = sheetOf(v, table);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Liên Trường';
  wb.title = `${sheet.title} - ${v.scope.name} - học kỳ ${v.term.number === 1 ? 'I' : 'II'} năm học ${v.schoolYear.code}`;
  const ws = wb.addWorksheet(sheet.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({ key: `c${i}`, width: c.width, style: c.date ? { numFmt: 'dd/mm/yyyy' } : {} }));
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true, name: 'Times New Roman', size: 12 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.commit();
  for (const cells of sheet.rows) {
    const row = ws.addRow(cells);
    row.font = { name: 'Times New Roman', size: 12 };
    row.alignment = { vertical: 'top', wrapText: true };
    sheet.columns.forEach((c, i) => {
      if (c.date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** The file name of a table's export. */
export function exportName(v: ComplianceView, table: DashboardTable): string {
  const names: Record<DashboardTable, string> = {
    networks: 'so-buoi-theo-quy-dinh',
    teams: 'to-chua-dat',
    plans: 'ke-hoach',
    reports: 'bao-cao',
    upcoming: 'sap-dien-ra',
    participation: 'ti-le-tham-du',
  };
  return `tong-quan-tuan-thu-${names[table]}-${v.schoolYear.code}-hk${v.term.number}.xlsx`;
}
