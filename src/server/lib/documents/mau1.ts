import { AlignmentType, type Paragraph, type Table } from 'docx';
import {
  bodyParagraph,
  closingBlock,
  columns,
  documentTitle,
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
} from './nd30';
import { schoolYearLabel, termLabel, vnLongDate, vnShortDate, vnTime } from './vnDate';
import { xmlSafeDeep } from './xmlText';

/**
 * Mẫu 1 of seed 000's appendix: "LỊCH SINH HOẠT CHUYÊN MÔN LIÊN TRƯỜNG" of a network or a district for a term,
 * signed by the group leader. The same rows feed the DOCX, the XLSX and the print view.
 */

/** One meeting of the schedule, already read from the database. */
export interface ScheduleMeeting {
  startsAt: Date;
  endsAt: Date;
  subjects: string[];
  title: string;
  content: string | null;
  place: string;
  count: number | null;
  mode: 'in_person' | 'online' | 'hybrid';
  status: string;
  statusReason: string | null;
  notes: string | null;
}

/** Everything the schedule document shows. */
export interface ScheduleDocument {
  body: IssuingBody;
  place: string | null;
  issuedOn: Date | string;
  /** "Nhóm liên trường số 1 - Huyện Củ Chi" (the "Huyện …" of the form). */
  scope: string;
  term: number | null;
  schoolYear: string;
  meetings: ScheduleMeeting[];
  recipients: string[];
  signature: Signature;
  /** The guidance the footnote cites ("Hướng dẫn số 1671/HD-PGDĐT-THCS …"), from the rules in force; null when none. */
  guidance: string | null;
}

/** The column headings, as on the form ("Thời gian" spans "Ngày" and "Giờ"). */
export const SCHEDULE_HEADINGS = ['TT', 'Ngày', 'Giờ', 'Môn', 'Nội dung sinh hoạt', 'Địa điểm', 'Số lượng GV tham dự', 'Ghi chú'] as const;

/**
 * The footnote printed under the table of the form. The form's "theo hướng dẫn của công văn trên" pointed at the
 * letter the form was attached to; printed on its own, the schedule names the guidance it follows.
 */
export function scheduleFootnote(guidance: string | null): [string, string] {
  return [
    '* Nội dung sinh hoạt:',
    ` Có thể là tiết dự giờ hay nội dung khác theo ${guidance ?? 'hướng dẫn sinh hoạt chuyên môn của cơ quan quản lý'}.`,
  ];
}

/** The content cell: title and content, each once (a meeting made from a plan item has its content's start as title). */
function contentCell(title: string, content: string | null): string {
  const t = title.trim();
  const c = content?.trim() ?? '';
  if (!c || t.includes(c)) return t;
  if (c.startsWith(t.replace(/…$/, ''))) return c;
  return `${t}\n${c}`;
}

/** The text of one row's cells, in the order of SCHEDULE_HEADINGS. */
export function scheduleCells(m: ScheduleMeeting, index: number): string[] {
  const notes = [
    m.mode === 'online' ? 'Trực tuyến' : m.mode === 'hybrid' ? 'Kết hợp trực tiếp và trực tuyến' : '',
    m.status === 'postponed' ? `Tạm hoãn${m.statusReason ? `: ${m.statusReason}` : ''}` : '',
    m.status === 'draft' ? 'Dự kiến' : '',
    m.notes ?? '',
  ].filter(Boolean);
  return [
    String(index + 1).padStart(2, '0'),
    vnShortDate(m.startsAt),
    `${vnTime(m.startsAt)} - ${vnTime(m.endsAt)}`,
    m.subjects.join(', '),
    contentCell(m.title, m.content),
    m.place,
    m.count === null ? '' : String(m.count),
    notes.join('\n'),
  ];
}

/** "Học kỳ I, năm học 2024 - 2025" or "Năm học 2024 - 2025". */
export function periodLabel(term: number | null, schoolYear: string): string {
  return term ? `${termLabel(term)}, năm học ${schoolYearLabel(schoolYear)}` : `Năm học ${schoolYearLabel(schoolYear)}`;
}

const WIDTHS = columns([5, 13.5, 10, 12, 23, 17, 8.5, 11]);

function scheduleTable(meetings: ScheduleMeeting[]): Table {
  const h = (text: string, i: number, o: { columnSpan?: number; rowSpan?: number } = {}) =>
    gridCell(text, { width: o.columnSpan ? WIDTHS[i] + WIDTHS[i + 1] : WIDTHS[i], bold: true, align: AlignmentType.CENTER, ...o });
  const header1 = [
    h('TT', 0, { rowSpan: 2 }),
    h('Thời gian', 1, { columnSpan: 2 }),
    h('Môn', 3, { rowSpan: 2 }),
    h('Nội dung sinh hoạt', 4, { rowSpan: 2 }),
    h('Địa điểm', 5, { rowSpan: 2 }),
    h('Số lượng GV tham dự', 6, { rowSpan: 2 }),
    h('Ghi chú', 7, { rowSpan: 2 }),
  ];
  const header2 = [h('Ngày', 1), h('Giờ', 2)];
  const centred = new Set([0, 1, 2, 6]);
  const rows = meetings.map((m, r) =>
    scheduleCells(m, r).map((text, i) =>
      gridCell(text, { width: WIDTHS[i], align: centred.has(i) ? AlignmentType.CENTER : AlignmentType.LEFT }),
    ),
  );
  if (rows.length === 0) {
    rows.push([
      gridCell('Chưa có buổi sinh hoạt nào trong kỳ này.', {
        width: WIDTHS.reduce((a, b) => a + b, 0),
        columnSpan: 8,
        align: AlignmentType.CENTER,
      }),
    ]);
  }
  return gridTable(WIDTHS, [header1, header2], rows);
}

/** The schedule (Mẫu 1) as a DOCX file. */
export function renderSchedule(input: ScheduleDocument): Promise<Buffer> {
  const d = xmlSafeDeep(input);
  const footnote = scheduleFootnote(d.guidance);
  const children: Array<Paragraph | Table> = [
    nationalHeader({ body: d.body, number: 'Số:         /LSH', placeDate: placeDate(d.place, vnLongDate(d.issuedOn)) }),
    ...documentTitle('Lịch sinh hoạt chuyên môn liên trường', [d.scope, periodLabel(d.term, d.schoolYear)]),
    scheduleTable(d.meetings),
    spacer(4),
    bodyParagraph([run(footnote[0], { size: 13, bold: true, italics: true }), run(footnote[1], { size: 13, italics: true })], {
      indent: false,
      keepNext: true,
    }),
    spacer(6, { keepNext: true }),
    closingBlock({ recipients: d.recipients, signature: d.signature }),
    line(''),
  ];
  return renderDocument(children, { title: `Lịch sinh hoạt chuyên môn liên trường - ${d.scope}` });
}
