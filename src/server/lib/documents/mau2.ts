import { AlignmentType, type Paragraph, type Table } from 'docx';
import { qrMark, type SealMark, sealBlock } from './electronic';
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
import { parseRichText, richTextParagraphs } from './richText';
import { vnLongDate, vnShortDate, vnTimeLong } from './vnDate';
import { xmlSafeDeep } from './xmlText';

/**
 * Mẫu 2 of seed 000's appendix: "BIÊN BẢN SINH HOẠT CHUYÊN MÔN LIÊN TRƯỜNG" of one meeting, with the signatures
 * of the secretary and the chair and, per seed 001, the confirmation of every participant.
 */

/** How the minutes word an absence: «vắng có phép, lý do: …», «vắng, lý do: …» or «vắng không lý do». */
function absence(a: { excused: boolean; reason: string }): string {
  if (!a.reason) return a.excused ? 'vắng có phép' : 'vắng không lý do';
  return `${a.excused ? 'vắng có phép' : 'vắng'}, lý do: ${a.reason}`;
}

export interface MinutesPerson {
  name: string;
  unit: string | null;
}

/** Everything the minutes document shows. */
export interface MinutesDocument {
  body: IssuingBody;
  place: string | null;
  /** "Huyện Củ Chi - Môn Toán" (the "Huyện … Môn …" line of the form). */
  scope: string;
  meetingTitle: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  bridgePoints: string[];
  presenters: Array<MinutesPerson & { topic: string | null }>;
  plannedCount: number | null;
  /** Null while no attendance is recorded. */
  actualCount: number | null;
  absentees: Array<MinutesPerson & { reason: string; excused: boolean }>;
  discussion: string;
  recommendations: string;
  secretary: Signature;
  chair: Signature;
  participants: Array<MinutesPerson & { role: string; signedAt: Date | null }>;
  locked: boolean;
  lockedAt: Date | null;
  textHash: string | null;
  /**
   * The PDF/A copy only: the verification URL printed as a QR code on page 1 and, when the organisation's seal signs
   * it, the visible signature block (minutes sealed while the chair's signature is still to come are not a draft).
   */
  electronic?: { verifyUrl: string; seal: SealMark | null };
}

const DOTS = '…………………';
const unitOf = (p: MinutesPerson) => (p.unit ? ` - Đơn vị: ${p.unit}` : '');

function factLines(d: MinutesDocument): Paragraph[] {
  const sameDay = vnShortDate(d.startsAt) === vnShortDate(d.endsAt);
  const time = `Từ ${vnTimeLong(d.startsAt)}${sameDay ? '' : ` ${vnLongDate(d.startsAt)}`} đến ${vnTimeLong(d.endsAt)}, ${vnLongDate(d.endsAt)}.`;
  const presenters = d.presenters.length
    ? d.presenters.map((p) => `${p.name}${p.topic ? ` (${p.topic})` : ''}${unitOf(p)}`).join('; ')
    : '';
  const out = [
    bodyParagraph([run('Nội dung: ', { bold: true }), run(d.meetingTitle)]),
    fieldLine('Thời gian sinh hoạt chuyên môn liên trường', time),
    fieldLine('Địa điểm', d.venue + (d.bridgePoints.length ? `; các điểm cầu: ${d.bridgePoints.join('; ')}` : '')),
    fieldLine(
      'Họ tên giáo viên thực hiện (hoặc Tổ chuyên môn)',
      presenters.includes('Đơn vị:') ? presenters : `${presenters || DOTS} Đơn vị: ${DOTS}`,
    ),
    fieldLine('Số lượng giáo viên tham dự theo kế hoạch', d.plannedCount === null ? '' : String(d.plannedCount)),
    fieldLine('Số lượng giáo viên tham dự thực tế', d.actualCount === null ? '' : String(d.actualCount)),
    fieldLine('Họ tên giáo viên vắng, lý do', d.absentees.length || d.actualCount === null ? '' : 'Không có.'),
    ...d.absentees.map((a, i) => bodyParagraph(`${i + 1}. ${a.name}${a.unit ? ` (${a.unit})` : ''}: ${absence(a)}.`)),
    fieldLine('Những nội dung góp ý trao đổi về nội dung sinh hoạt chuyên môn liên trường'),
    ...richOrDots(d.discussion),
    fieldLine('Kiến nghị'),
    ...richOrDots(d.recommendations),
  ];
  return out;
}

function richOrDots(html: string): Paragraph[] {
  const blocks = parseRichText(html);
  return blocks.length ? richTextParagraphs(blocks) : [bodyParagraph('.'.repeat(120), { indent: false, align: AlignmentType.LEFT })];
}

const PWIDTHS = columns([6, 30, 32, 14, 18]);

function participantsTable(d: MinutesDocument): Array<Paragraph | Table> {
  const head = ['TT', 'Họ và tên', 'Đơn vị', 'Vai trò', 'Ngày ký xác nhận'].map((t, i) =>
    gridCell(t, { width: PWIDTHS[i], bold: true, align: AlignmentType.CENTER }),
  );
  const rows = d.participants.map((p, i) =>
    [String(i + 1), p.name, p.unit ?? '', p.role, p.signedAt ? vnShortDate(p.signedAt) : 'Chưa ký'].map((t, c) =>
      gridCell(t, { width: PWIDTHS[c], align: c === 0 || c >= 3 ? AlignmentType.CENTER : AlignmentType.LEFT }),
    ),
  );
  const signed = d.participants.filter((p) => p.signedAt).length;
  const status = d.locked
    ? `Biên bản đã được ký xác nhận và khóa ${d.lockedAt ? vnLongDate(d.lockedAt) : ''}.`
    : d.electronic?.seal
      ? `Đã có ${signed}/${d.participants.length} thành viên ký xác nhận; nội dung đã chốt, được ký số bằng chứng thư số của đơn vị trước khi chủ trì ký khóa.`
      : `DỰ THẢO: đã có ${signed}/${d.participants.length} thành viên ký xác nhận; biên bản chưa khóa.`;
  return [
    spacer(12),
    line('DANH SÁCH THÀNH VIÊN THAM GIA KÝ XÁC NHẬN BIÊN BẢN', { size: 13, bold: true, after: 6 }),
    ...(rows.length ? [gridTable(PWIDTHS, [head], rows)] : [bodyParagraph('Chưa có thành viên ký xác nhận.')]),
    spacer(4),
    bodyParagraph([run(status, { size: 13, italics: true })], { indent: false }),
    ...(d.textHash ? [bodyParagraph([run(`Mã kiểm tra nội dung (SHA-256): ${d.textHash}`, { size: 11 })], { indent: false })] : []),
  ];
}

/** The minutes (Mẫu 2) as a DOCX file; drafts carry "DỰ THẢO" at the top of every page. */
export function renderMinutes(input: MinutesDocument): Promise<Buffer> {
  const d = xmlSafeDeep(input);
  const seal = d.electronic?.seal;
  const children: Array<Paragraph | Table> = [
    nationalHeader({ body: d.body, number: 'Số:         /BB-SHCM', placeDate: placeDate(d.place, vnLongDate(d.startsAt)) }),
    ...documentTitle('Biên bản sinh hoạt chuyên môn liên trường', [d.scope]),
    ...factLines(d),
    bodyParagraph(`Biên bản kết thúc vào lúc ${vnTimeLong(d.endsAt)} cùng ngày, đã được thông qua trước các thành viên tham dự.`, {
      keepNext: true,
    }),
    spacer(6, { keepNext: true }),
    twoSignatures(d.secretary, d.chair),
    ...participantsTable(d),
    ...(seal ? [spacer(8), sealBlock(seal)] : []),
  ];
  return renderDocument(children, {
    title: `Biên bản sinh hoạt chuyên môn liên trường - ${d.meetingTitle}`,
    headerNote: d.locked || seal ? null : 'DỰ THẢO',
    firstPageMark: d.electronic ? qrMark(d.electronic.verifyUrl) : null,
  });
}
