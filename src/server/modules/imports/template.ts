import ExcelJS from 'exceljs';
import type { Executor } from '../../db/client';
import { viDate } from '../../lib/format';
import * as schoolYearsRepo from '../schoolYears/repo';
import { allowedValues, columnsOf, type ImportKind } from './columns';
import * as repo from './repo';

const EXAMPLES: Record<ImportKind, Array<Record<string, string>>> = {
  orgs: [
    {
      code: 'THCS-TTD',
      name: 'Trường THCS Tân Thạnh Đông',
      type: 'Trường',
      levels: 'THCS',
      parentCode: 'XA-TTD',
      linkFrom: '01/07/2025',
      validFrom: '',
      validTo: '',
      address: 'Ấp 3, xã Tân Thạnh Đông, TP. Hồ Chí Minh',
      phone: '02837950123',
      email: 'thcstanthanhdong@hcm.edu.vn',
      subjects: '',
    },
    {
      code: 'THCS-TTD-TOAN',
      name: 'Tổ Toán - Tin',
      type: 'Tổ chuyên môn',
      levels: '',
      parentCode: 'THCS-TTD',
      linkFrom: '',
      validFrom: '',
      validTo: '',
      address: '',
      phone: '',
      email: '',
      subjects: 'Toán, Tin học',
    },
  ],
  staff: [
    {
      code: 'GV0001',
      fullName: 'Nguyễn Thị Hồng Nhung',
      email: 'nhung.nt@hcm.edu.vn',
      phone: '0912345678',
      gender: 'Nữ',
      orgCode: 'THCS-TTD-TOAN',
      position: 'Tổ trưởng',
      subjects: 'Toán',
    },
    {
      code: 'GV0002',
      fullName: 'Trần Văn Đức',
      email: 'duc.tv@hcm.edu.vn',
      phone: '0987654321',
      gender: 'Nam',
      orgCode: 'THCS-TTD-TOAN',
      position: 'Giáo viên',
      subjects: 'Toán, Tin học',
    },
  ],
};

const GENERAL_HELP = [
  'Dòng 1 là tiêu đề cột, giữ nguyên. Mỗi dòng tiếp theo là một bản ghi; có thể xóa các dòng ví dụ.',
  'Cột có dấu * là bắt buộc. Ô trống ở cột không bắt buộc: giữ nguyên giá trị đã có trong hệ thống.',
  'Nhập lại cùng một tệp không tạo bản ghi trùng: hệ thống nhận ra bản ghi theo mã (đơn vị) hoặc email (cán bộ).',
  'Nếu có dòng lỗi, không dòng nào được ghi; hãy sửa tệp theo danh sách lỗi rồi nhập lại.',
];

/** Template file name for a kind and format. */
export function templateFileName(kind: ImportKind, format: 'xlsx' | 'csv'): string {
  return `mau-nhap-${kind === 'orgs' ? 'don-vi' : 'can-bo'}.${format}`;
}

function headerOf(c: { header: string; required: boolean }): string {
  return c.required ? `${c.header}*` : c.header;
}

/** What the guide states from the data: the default of an empty "Trực thuộc từ ngày" and the subjects' names. */
export interface GuideFacts {
  /** The first day of the current school year, or null when there is none yet. */
  yearStart: string | null;
  subjectNames: string[];
}

/** The guide's facts as of a date. */
export async function guideFacts(db: Executor, today: string): Promise<GuideFacts> {
  const [yearStart, subjects] = await Promise.all([repo.schoolYearStartOn(db, today), schoolYearsRepo.listSubjects(db)]);
  return { yearStart, subjectNames: subjects.map((s) => s.name) };
}

/** The explicit defaults of empty cells, one sentence each (orgs: the validity columns). */
function defaultsOf(kind: ImportKind, facts: GuideFacts): string[] {
  if (kind !== 'orgs') return [];
  const start = facts.yearStart
    ? `ngày đầu năm học hiện tại, ${viDate(facts.yearStart)}`
    : 'chưa có năm học nào trong hệ thống, nên ô này phải được ghi khi tạo hoặc chuyển đơn vị';
  return [
    `«Trực thuộc từ ngày» để trống: ngày «Hiệu lực từ ngày» của dòng nếu có, nếu không là ${start}. Không bao giờ là ngày nhập tệp.`,
    '«Hiệu lực từ ngày», «Hiệu lực đến ngày» để trống: giữ ngày đã có; đơn vị mới thì không giới hạn.',
  ];
}

/** An XLSX template: header row, example rows, and a "Hướng dẫn" sheet explaining each column, defaults and values. */
export async function xlsxTemplate(kind: ImportKind, facts: GuideFacts): Promise<Buffer> {
  const cols = columnsOf(kind);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Liên Trường';
  const ws = wb.addWorksheet(kind === 'orgs' ? 'Đơn vị' : 'Cán bộ', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: headerOf(c), key: c.key, width: c.width, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0FA' } };
  for (const ex of EXAMPLES[kind]) ws.addRow(ex);
  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'header', width: 24 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Ý nghĩa và giá trị cho phép', key: 'help', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of cols) help.addRow({ header: c.header, required: c.required ? 'Có' : '', help: c.help });
  help.addRow({});
  for (const line of defaultsOf(kind, facts)) help.addRow({ header: 'Mặc định', help: line });
  for (const line of GENERAL_HELP) help.addRow({ header: 'Lưu ý', help: line });
  help.addRow({});
  help.addRow({
    header: 'Giá trị cho phép',
    help: 'Mỗi cột có mã dưới đây chỉ nhận một trong các giá trị liệt kê (không phân biệt hoa thường).',
  });
  for (const a of allowedValues(kind, facts.subjectNames)) for (const v of a.values) help.addRow({ header: a.header, help: v });
  help.getColumn('help').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvCell(s: string): string {
  return /[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV template (UTF-8 with BOM, comma-separated) with the header row and example rows. */
export function csvTemplate(kind: ImportKind): Buffer {
  const cols = columnsOf(kind);
  const lines = [cols.map((c) => csvCell(headerOf(c))).join(',')];
  for (const ex of EXAMPLES[kind]) lines.push(cols.map((c) => csvCell(ex[c.key] ?? '')).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
