import { AlignmentType, ImageRun, Paragraph, type Table } from 'docx';
import type { ReportResults } from '../../../shared/reports';
import { periodLabel } from '../../lib/documents/mau1';
import {
  bodyParagraph,
  closingBlock,
  columns,
  documentTitle,
  gridCell,
  gridTable,
  type IssuingBody,
  nationalHeader,
  placeDate,
  renderDocument,
  run,
  type Signature,
  spacer,
} from '../../lib/documents/nd30';
import { vnLongDate, vnShortDate } from '../../lib/documents/vnDate';
import { xmlSafeDeep } from '../../lib/documents/xmlText';
import type { DocPhoto } from './photos';

/**
 * Mẫu 3 of seed 000's appendix: "BÁO CÁO Kết quả sinh hoạt chuyên môn liên trường" of a term or year, in the
 * Nghị định 30 layout. Sections I (advantages and difficulties) and III (recommendations) are the drafter's text;
 * section II is the computed results, with a table per list the form asks for.
 */

/** Everything the Mẫu 3 document shows. */
export interface Mau3Document {
  body: IssuingBody;
  number: string;
  place: string | null;
  issuedOn: Date | string;
  scope: string;
  term: number | null;
  schoolYear: string;
  advantages: string;
  recommendations: string;
  results: ReportResults;
  photoNames: string[];
  /** Chosen photos that could be read (PNG or JPEG), printed after section III. */
  photos: DocPhoto[];
  recipients: string[];
  signature: Signature;
  draft: boolean;
}

const heading = (text: string) => bodyParagraph([run(text, { bold: true })], { indent: false });
/** A text's paragraphs; `keepLast`: its last one stays on the page of what follows (the signatures). */
const paragraphs = (text: string, keepLast = false) => {
  const lines = text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (!lines.length) return [bodyParagraph([run('(Chưa có nội dung)', { italics: true })], { keepNext: keepLast })];
  return lines.map((t, i) => bodyParagraph(t, { keepNext: keepLast && i === lines.length - 1 }));
};

const center = AlignmentType.CENTER;

function lessonsTable(r: ReportResults): Table {
  const w = columns([6, 20, 12, 62]);
  const head = ['TT', 'Môn', 'Số tiết/ chuyên đề', 'Nội dung'].map((t, i) => gridCell(t, { width: w[i], bold: true, align: center }));
  const rows = r.lessonsBySubject.map((l, i) => [
    gridCell(String(i + 1), { width: w[0], align: center }),
    gridCell(l.subject, { width: w[1] }),
    gridCell(String(l.count), { width: w[2], align: center }),
    gridCell(l.contents.map((c) => `- ${c}`).join('\n'), { width: w[3] }),
  ]);
  if (rows.length === 0)
    rows.push([gridCell('Chưa có buổi sinh hoạt nào được tổ chức.', { width: w.reduce((a, b) => a + b), columnSpan: 4, align: center })]);
  return gridTable(w, [head], rows);
}

function participantsTable(r: ReportResults): Table {
  const w = columns([6, 24, 14, 56]);
  const head = ['TT', 'Môn', 'Số GV tham gia', 'Số GV không tham gia, lý do'].map((t, i) =>
    gridCell(t, { width: w[i], bold: true, align: center }),
  );
  const subjects = [...new Set([...r.participantsBySubject.map((s) => s.subject), ...r.nonParticipantsBySubject.map((s) => s.subject)])];
  const rows = subjects.map((s, i) => {
    const took = r.participantsBySubject.find((p) => p.subject === s)?.count ?? 0;
    const absent = r.nonParticipantsBySubject.find((p) => p.subject === s);
    const detail = absent
      ? [
          `${absent.count} GV:`,
          ...absent.people.map((p) => `- ${p.name}${p.unit ? ` (${p.unit})` : ''}: ${p.reason || 'không rõ lý do'}`),
        ].join('\n')
      : '0';
    return [
      gridCell(String(i + 1), { width: w[0], align: center }),
      gridCell(s, { width: w[1] }),
      gridCell(String(took), { width: w[2], align: center }),
      gridCell(detail, { width: w[3] }),
    ];
  });
  if (rows.length === 0)
    rows.push([gridCell('Chưa có dữ liệu điểm danh.', { width: w.reduce((a, b) => a + b), columnSpan: 4, align: center })]);
  return gridTable(w, [head], rows);
}

/** The lines of section II, in the order and words of the form. */
function results(r: ReportResults): Array<Paragraph | Table> {
  const notDone = r.notCarriedOut.map((n) =>
    bodyParagraph(
      `+ ${n.unit ? `${n.unit}: ` : ''}${n.content}${n.date ? ` (${vnShortDate(n.date)})` : ''}. Lý do: ${n.reason || 'không ghi'}.`,
    ),
  );
  return [
    bodyParagraph(
      `- Tổng số tiết thao giảng hoặc chuyên đề đã thực hiện: ${r.meetingsHeld}, gồm các môn (liệt kê nội dung theo từng môn):`,
    ),
    lessonsTable(r),
    spacer(6),
    bodyParagraph(
      `- Số nội dung không thực hiện được so với kế hoạch: ${r.notCarriedOut.length}.${r.notCarriedOut.length ? ' Lý do:' : ''}`,
    ),
    ...notDone,
    bodyParagraph(
      `- Tổng số giáo viên tham gia sinh hoạt tổ chuyên môn liên trường trong học kỳ là: ${r.participants}, gồm các môn: ${
        r.participantsBySubject.map((s) => `${s.subject} ${s.count}`).join(', ') || 'không có'
      }.`,
    ),
    bodyParagraph(
      `- Số giáo viên không tham gia: ${r.nonParticipants}${
        r.nonParticipantsBySubject.length ? ` (${r.nonParticipantsBySubject.map((s) => `${s.subject} ${s.count}`).join(', ')})` : ''
      }; chi tiết theo từng môn và lý do:`,
    ),
    participantsTable(r),
    bodyParagraph([run(NON_PARTICIPANTS_NOTE, { italics: true, size: 12 })], { indent: false }),
  ];
}

/**
 * The note under the teachers' table: how its numbers are counted (decision 0010, 2026-12-07), so that a total
 * smaller than the subjects' sum, or a teacher both among those who took part and those who did not, reads right.
 */
export const NON_PARTICIPANTS_NOTE =
  'Ghi chú: Ở từng môn, giáo viên không tham gia là giáo viên được mời dự sinh hoạt môn đó nhưng không dự buổi nào của môn (dù có thể đã dự buổi của môn khác). Tổng số giáo viên tham gia và tổng số giáo viên không tham gia đều tính mỗi người một lần, nên có thể nhỏ hơn khi cộng các môn; một giáo viên có thể vừa tham gia môn này vừa không tham gia môn khác.';

/** A chosen photo, 8 cm wide (at most 6 cm high), centred. */
function photoParagraph(p: DocPhoto, keepNext = false): Paragraph {
  const scale = Math.min(302 / p.width, 227 / p.height, 1);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext,
    spacing: { after: 120 },
    children: [
      new ImageRun({
        type: p.type,
        data: p.data,
        transformation: { width: Math.round(p.width * scale), height: Math.round(p.height * scale) },
        altText: { name: p.name, description: p.name, title: p.name },
      }),
    ],
  });
}

/** The Mẫu 3 report as a DOCX file. */
export function renderMau3(input: Mau3Document): Promise<Buffer> {
  const d = xmlSafeDeep(input);
  const children: Array<Paragraph | Table> = [
    nationalHeader({ body: d.body, number: d.number, placeDate: placeDate(d.place, vnLongDate(d.issuedOn)) }),
    ...documentTitle('Báo cáo', ['Kết quả sinh hoạt chuyên môn liên trường', d.scope, periodLabel(d.term, d.schoolYear)]),
    heading('I. Những thuận lợi và khó khăn:'),
    ...paragraphs(d.advantages),
    heading('II. Kết quả:'),
    ...results(d.results),
    spacer(6),
    heading('III. Kiến nghị:'),
    // The last thing before the signatures stays on their page: the last photo, else the photos' line, else the text.
    ...paragraphs(d.recommendations, !d.photoNames.length && !d.photos.length),
    ...(d.photoNames.length
      ? [bodyParagraph(`Kèm theo ${d.photoNames.length} hình ảnh hoạt động: ${d.photoNames.join('; ')}.`, { keepNext: !d.photos.length })]
      : []),
    ...d.photos.map((p, i) => photoParagraph(p, i === d.photos.length - 1)),
    spacer(6, { keepNext: true }),
    closingBlock({ recipients: d.recipients, signature: d.signature }),
  ];
  return renderDocument(children, { title: `Báo cáo kết quả sinh hoạt chuyên môn - ${d.scope}`, headerNote: d.draft ? 'DỰ THẢO' : null });
}
