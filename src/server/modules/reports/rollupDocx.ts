import { AlignmentType, type Paragraph, type Table } from 'docx';
import type { RollupRow } from '../../../shared/reports';
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
import { vnLongDate } from '../../lib/documents/vnDate';
import { xmlSafeDeep } from '../../lib/documents/xmlText';

/**
 * The roll-up of a supervising org as an official document: per unit its report's status and numbers, the totals
 * (the sum of the rows), and the units flagged for a missing report or a meeting count below the rules' quota.
 */

export interface RollupDocument {
  body: IssuingBody;
  place: string | null;
  issuedOn: Date | string;
  scope: string;
  term: number | null;
  schoolYear: string;
  rows: RollupRow[];
  totals: {
    meetingsHeld: number;
    notCarriedOut: number;
    participants: number;
    nonParticipants: number;
    owed: number;
    submitted: number;
    missing: number;
    belowQuota: number;
  };
  recipients: string[];
  signature: Signature;
}

/** Vietnamese words for a report's status in the roll-up. */
export const STATUS_WORDS: Record<string, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  resubmitted: 'Đã gửi lại',
  accepted: 'Đã tiếp nhận',
};

/** The column headings of the roll-up table (document and spreadsheet). */
export const ROLLUP_HEADINGS = [
  'TT',
  'Đơn vị',
  'Báo cáo',
  'Số buổi đã tổ chức',
  'Số buổi tối thiểu',
  'Nội dung không thực hiện',
  'GV tham gia',
  'GV không tham gia',
  'Ghi chú',
] as const;

/** The notes of a row: the flags in words. */
export function rowNotes(r: RollupRow): string {
  const subjects = r.subjectsBehind?.length ? `; môn chưa đủ: ${r.subjectsBehind.join(', ')}` : '';
  const missing = r.reportStatus === 'returned' ? 'Báo cáo bị trả lại, chưa gửi lại' : 'Chưa nộp báo cáo';
  return [r.missingReport ? missing : '', r.belowQuota ? `Chưa đủ số buổi (${r.quotaHeld ?? r.meetingsHeld}/${r.required}${subjects})` : '']
    .filter(Boolean)
    .join('; ');
}

/** The report column of a row: its status, "Chưa có" when it owes one, "Không phải nộp" when it owes none. */
export function reportWords(r: RollupRow): string {
  if (r.reportStatus) return STATUS_WORDS[r.reportStatus];
  return r.owesReport ? 'Chưa có' : 'Không phải nộp';
}

/** "submitted/owed" of the totals row. */
export function submittedOfOwed(t: RollupDocument['totals']): string {
  return `${t.submitted}/${t.owed}`;
}

/** The text of a row's cells in the order of ROLLUP_HEADINGS. */
export function rowCells(r: RollupRow, i: number): string[] {
  return [
    String(i + 1),
    r.name,
    reportWords(r),
    String(r.meetingsHeld),
    r.required ? String(r.required) : '',
    String(r.notCarriedOut),
    String(r.participants),
    String(r.nonParticipants),
    rowNotes(r),
  ];
}

const W = columns([5, 27, 11, 9, 9, 10, 9, 9, 16]);

function table(d: RollupDocument): Table {
  const c = AlignmentType.CENTER;
  const head = ROLLUP_HEADINGS.map((t, i) => gridCell(t, { width: W[i], bold: true, align: c, size: 11 }));
  const rows = d.rows.map((r, ri) =>
    rowCells(r, ri).map((t, i) => gridCell(t, { width: W[i], align: i === 1 || i === 8 ? AlignmentType.LEFT : c, size: 11 })),
  );
  const t = d.totals;
  rows.push(
    [
      '',
      'Tổng cộng',
      submittedOfOwed(t),
      String(t.meetingsHeld),
      '',
      String(t.notCarriedOut),
      String(t.participants),
      String(t.nonParticipants),
      `${t.missing} chưa nộp; ${t.belowQuota} chưa đủ số buổi`,
    ].map((text, i) => gridCell(text, { width: W[i], bold: true, align: i === 1 || i === 8 ? AlignmentType.LEFT : c, size: 11 })),
  );
  return gridTable(W, [head], rows);
}

/** The roll-up as a DOCX file. */
export function renderRollup(input: RollupDocument): Promise<Buffer> {
  const d = xmlSafeDeep(input);
  const flagged = d.rows.filter((r) => r.belowQuota).map((r) => r.name);
  const missing = d.rows.filter((r) => r.missingReport).map((r) => r.name);
  const perSubject = [...new Set(d.rows.map((r) => r.perSubjectCount).filter((n) => n !== null && n !== undefined))];
  const children: Array<Paragraph | Table> = [
    nationalHeader({ body: d.body, number: 'Số:         /BC-TH', placeDate: placeDate(d.place, vnLongDate(d.issuedOn)) }),
    ...documentTitle('Báo cáo tổng hợp', ['Kết quả sinh hoạt chuyên môn liên trường', d.scope, periodLabel(d.term, d.schoolYear)]),
    bodyParagraph(
      `Tổng hợp ${d.rows.length} đơn vị; ${d.totals.submitted}/${d.totals.owed} đơn vị phải nộp đã nộp báo cáo: ${d.totals.meetingsHeld} buổi sinh hoạt đã tổ chức; ${d.totals.notCarriedOut} nội dung không thực hiện được so với kế hoạch; ${d.totals.participants} lượt giáo viên tham gia, ${d.totals.nonParticipants} giáo viên không tham gia.`,
    ),
    table(d),
    ...(perSubject.length
      ? [
          bodyParagraph(
            `Nhóm liên trường sinh hoạt theo từng bộ môn: số buổi tối thiểu bằng ${perSubject.join(' hoặc ')} buổi mỗi môn nhân với số môn trong kế hoạch; mỗi môn phải đủ số buổi.`,
          ),
        ]
      : []),
    spacer(6),
    bodyParagraph([run('Đơn vị chưa đủ số buổi theo quy định: ', { bold: true }), run(flagged.join('; ') || 'không có')]),
    bodyParagraph([run('Đơn vị chưa nộp báo cáo: ', { bold: true }), run(missing.join('; ') || 'không có')], { keepNext: true }),
    spacer(6, { keepNext: true }),
    closingBlock({ recipients: d.recipients, signature: d.signature }),
  ];
  return renderDocument(children, { title: `Báo cáo tổng hợp kết quả sinh hoạt chuyên môn - ${d.scope}` });
}
