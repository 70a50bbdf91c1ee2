import { AlignmentType, type Paragraph, type Table } from 'docx';
import {
  bodyParagraph,
  columns,
  documentTitle,
  fieldLine,
  gridCell,
  gridTable,
  type IssuingBody,
  line,
  nationalHeader,
  placeDate,
  renderDocument,
  run,
  type Signature,
  spacer,
  twoSignatures,
} from './nd30';
import { schoolYearLabel, vnLongDate, vnShortDate } from './vnDate';
import { xmlSafeDeep } from './xmlText';

/**
 * The appendices of seed 002 (Kế hoạch 73/KH-SGDĐT of Sở GD&ĐT Bắc Giang): Phụ lục I, the province-level meetings
 * assigned per level (TT | unit | subject | month); Phụ lục II, the inspection month per area; and the record of
 * one inspection with the nine-item checklist of §II.2.1. Nghị định 30 layout through nd30.ts.
 */

/** "Phụ lục I", its title in capitals and the "(Kèm theo …)" line in italics, as the seed prints an appendix. */
function appendixHead(label: string, title: string, attachedTo: string): Paragraph[] {
  return [
    line(label, { size: 14, bold: true, after: 6 }),
    // Already in capitals: abbreviations such as "GDTrH" keep their lower-case letters, as in the seed.
    line(title, { size: 14, bold: true }),
    line(`(${attachedTo})`, { size: 14, italics: true, after: 12 }),
  ];
}

/** One row of Phụ lục I. */
export interface ProgrammeRow {
  unit: string;
  subject: string;
  /** "Tháng 12/2023" */
  month: string;
}

/** Phụ lục I: one table per level ("CẤP THCS", "CẤP THPT"). */
export interface ProgrammeDocument {
  provinceName: string;
  schoolYear: string;
  attachedTo: string;
  levels: Array<{ heading: string; rows: ProgrammeRow[] }>;
}

/** The seed's note under Phụ lục I. */
export const PROGRAMME_NOTE =
  'Lưu ý: Ngoài lịch SHCM cấp tỉnh, các đơn vị tăng cường tổ chức SHCM cấp huyện, cụm huyện, cấp trường, đặc biệt với các môn học/HĐGD chưa tổ chức SHCM cấp tỉnh.';

const P1_WIDTHS = columns([7, 45, 28, 20]);

function programmeTable(rows: ProgrammeRow[]): Table {
  const h = (text: string, i: number) => gridCell(text, { width: P1_WIDTHS[i], bold: true, align: AlignmentType.CENTER });
  const body = rows.map((r, i) =>
    [String(i + 1), r.unit, r.subject, r.month].map((text, c) =>
      gridCell(text, { width: P1_WIDTHS[c], align: c === 0 || c === 3 ? AlignmentType.CENTER : AlignmentType.LEFT }),
    ),
  );
  if (body.length === 0)
    body.push([
      gridCell('Chưa có phân công.', { width: P1_WIDTHS.reduce((a, b) => a + b, 0), columnSpan: 4, align: AlignmentType.CENTER }),
    ]);
  return gridTable(P1_WIDTHS, [[h('TT', 0), h('Đơn vị tổ chức', 1), h('Môn học', 2), h('Thời gian tổ chức', 3)]], body);
}

/** Phụ lục I as a DOCX file. */
export function renderProgramme(input: ProgrammeDocument): Promise<Buffer> {
  const d = xmlSafeDeep(input);
  const children: Array<Paragraph | Table> = [
    ...appendixHead('Phụ lục I', `PHÂN CÔNG TỔ CHỨC SINH HOẠT CHUYÊN MÔN CẤP TỈNH NĂM HỌC ${d.schoolYear}`, d.attachedTo),
  ];
  for (const level of d.levels) {
    children.push(line(level.heading, { size: 14, bold: true, align: AlignmentType.LEFT, before: 6, after: 6, keepNext: true }));
    children.push(programmeTable(level.rows));
  }
  children.push(spacer(6), bodyParagraph([run(PROGRAMME_NOTE, { size: 13, italics: true })], { indent: false }));
  return renderDocument(children, {
    title: `Phụ lục I - Phân công tổ chức SHCM cấp tỉnh năm học ${d.schoolYear}`,
    creator: d.provinceName,
  });
}

/** One row of Phụ lục II. */
export interface InspectionAreaRow {
  label: string;
  month: string;
}

/** One inspected unit listed under Phụ lục II's table. */
export interface InspectedUnitRow {
  unit: string;
  visitDate: string;
  documentsDue: string;
  status: string;
}

/** Phụ lục II: the inspection month per area, then the units inspected so far. */
export interface InspectionPlanDocument {
  provinceName: string;
  schoolYear: string;
  attachedTo: string;
  areas: InspectionAreaRow[];
  inspections: InspectedUnitRow[];
}

const P2_WIDTHS = columns([8, 62, 30]);
const P2B_WIDTHS = columns([7, 43, 17, 17, 16]);

/** Phụ lục II as a DOCX file. */
export function renderInspectionPlan(input: InspectionPlanDocument): Promise<Buffer> {
  const d = xmlSafeDeep(input);
  const h = (w: number[], text: string, i: number) => gridCell(text, { width: w[i], bold: true, align: AlignmentType.CENTER });
  const areaRows = d.areas.map((a, i) =>
    [String(i + 1), a.label, a.month].map((text, c) =>
      gridCell(text, { width: P2_WIDTHS[c], align: c === 1 ? AlignmentType.LEFT : AlignmentType.CENTER }),
    ),
  );
  if (areaRows.length === 0)
    areaRows.push([
      gridCell('Chưa có kế hoạch kiểm tra.', { width: P2_WIDTHS.reduce((a, b) => a + b, 0), columnSpan: 3, align: AlignmentType.CENTER }),
    ]);
  const children: Array<Paragraph | Table> = [
    ...appendixHead('Phụ lục II', `THỜI ĐIỂM KIỂM TRA THỰC HIỆN NHIỆM VỤ GDTrH, GDTX NĂM HỌC ${d.schoolYear}`, d.attachedTo),
    gridTable(
      P2_WIDTHS,
      [[h(P2_WIDTHS, 'TT', 0), h(P2_WIDTHS, 'Các đơn vị trên địa bàn huyện, thành phố', 1), h(P2_WIDTHS, 'Thời gian', 2)]],
      areaRows,
    ),
  ];
  if (d.inspections.length > 0) {
    children.push(
      line('Danh sách đơn vị được kiểm tra', { size: 14, bold: true, align: AlignmentType.LEFT, before: 12, after: 6, keepNext: true }),
      gridTable(
        P2B_WIDTHS,
        [['TT', 'Đơn vị được kiểm tra', 'Ngày kiểm tra', 'Hạn gửi hồ sơ', 'Tình trạng'].map((t, i) => h(P2B_WIDTHS, t, i))],
        d.inspections.map((r, i) =>
          [String(i + 1), r.unit, r.visitDate, r.documentsDue, r.status].map((text, c) =>
            gridCell(text, { width: P2B_WIDTHS[c], align: c === 1 ? AlignmentType.LEFT : AlignmentType.CENTER }),
          ),
        ),
      ),
    );
  }
  children.push(
    spacer(6),
    bodyParagraph(
      [
        run('Đơn vị được kiểm tra gửi thời khóa biểu, báo cáo tóm tắt các nội dung kiểm tra về Phòng GDTrH, GDTX trước 03 ngày.', {
          size: 13,
          italics: true,
        }),
      ],
      { indent: false },
    ),
  );
  return renderDocument(children, { title: `Phụ lục II - Thời điểm kiểm tra năm học ${d.schoolYear}`, creator: d.provinceName });
}

/** The record of one inspection (biên bản kiểm tra). */
export interface InspectionRecordDocument {
  body: IssuingBody;
  place: string | null;
  visitDate: string;
  schoolYear: string;
  unit: string;
  inspectors: string[];
  checklist: Array<{ text: string; rating: string; finding: string }>;
  findings: string;
  recommendations: string;
  unitSignature: Signature;
  leadSignature: Signature;
}

const CHECK_WIDTHS = columns([7, 45, 15, 33]);

/** The inspection record with the checklist as a DOCX file. */
export function renderInspectionRecord(input: InspectionRecordDocument): Promise<Buffer> {
  const d = xmlSafeDeep(input);
  const h = (text: string, i: number) => gridCell(text, { width: CHECK_WIDTHS[i], bold: true, align: AlignmentType.CENTER });
  const rows = d.checklist.map((c, i) =>
    [String(i + 1), c.text, c.rating, c.finding].map((text, col) =>
      gridCell(text, { width: CHECK_WIDTHS[col], align: col === 0 || col === 2 ? AlignmentType.CENTER : AlignmentType.LEFT }),
    ),
  );
  const paragraphs = (text: string, keepLast = false) => {
    const lines = (text || '……………………………………………………').split('\n');
    return lines.map((t, i) => bodyParagraph(t, { keepNext: keepLast && i === lines.length - 1 }));
  };
  const children: Array<Paragraph | Table> = [
    nationalHeader({ body: d.body, number: 'Số:         /BB-KT', placeDate: placeDate(d.place, vnLongDate(d.visitDate)) }),
    ...documentTitle('Biên bản kiểm tra', [
      `Công tác thực hiện nhiệm vụ giáo dục trung học, giáo dục thường xuyên năm học ${schoolYearLabel(d.schoolYear)}`,
    ]),
    fieldLine('Đơn vị được kiểm tra', d.unit),
    fieldLine('Thời gian kiểm tra', vnShortDate(d.visitDate)),
    fieldLine('Thành phần đoàn kiểm tra', d.inspectors.join('; ')),
    bodyParagraph([run('I. NỘI DUNG VÀ KẾT QUẢ KIỂM TRA', { bold: true })], { indent: false }),
    gridTable(CHECK_WIDTHS, [[h('TT', 0), h('Nội dung kiểm tra', 1), h('Đánh giá', 2), h('Nhận xét', 3)]], rows),
    spacer(6),
    bodyParagraph([run('II. NHẬN XÉT CHUNG', { bold: true })], { indent: false }),
    ...paragraphs(d.findings),
    bodyParagraph([run('III. KIẾN NGHỊ', { bold: true })], { indent: false }),
    ...paragraphs(d.recommendations, true),
    spacer(6, { keepNext: true }),
    twoSignatures(d.unitSignature, d.leadSignature),
  ];
  return renderDocument(children, { title: `Biên bản kiểm tra - ${d.unit}` });
}
