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
  type Signature,
  spacer,
} from './nd30';
import { vnLongDate } from './vnDate';
import { xmlSafeDeep } from './xmlText';

/** One ranked team of a panel's results. */
export interface PanelResultRow {
  rank: number;
  teamName: string;
  schoolName: string | null;
  groupAverages: number[];
  average: number;
  selected: boolean;
  tieAtCut: boolean;
  scoreCount: number;
}

/** Everything the results document shows (seed 004: the panel's scores and the teams sent to the next level). */
export interface PanelResultsDocument {
  body: IssuingBody;
  place: string | null;
  issuedOn: Date | string;
  eventTitle: string;
  eventDate: string;
  groupTitles: string[];
  maxTotal: number;
  memberCount: number;
  selectCount: number;
  tieBreak: string;
  rows: PanelResultRow[];
  recipients: string[];
  signature: Signature;
}

const num = (x: number) => x.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function resultsTable(d: PanelResultsDocument): Table {
  const widths = columns([7, 30, ...d.groupTitles.map(() => 12), 14, 8, 14]);
  const heads = ['Xếp hạng', 'Tổ chuyên môn, đơn vị', ...d.groupTitles, `Điểm trung bình (tối đa ${d.maxTotal})`, 'Số phiếu', 'Kết quả'];
  const header = heads.map((h, i) => gridCell(h, { width: widths[i], bold: true, align: AlignmentType.CENTER }));
  const body = d.rows.map((r) => {
    const cells = [
      String(r.rank),
      r.schoolName ? `${r.teamName}\n${r.schoolName}` : r.teamName,
      ...r.groupAverages.map(num),
      num(r.average),
      String(r.scoreCount),
      r.selected ? 'Được chọn' : r.tieAtCut ? 'Đồng hạng tại ngưỡng chọn' : '',
    ];
    return cells.map((t, i) => gridCell(t, { width: widths[i], align: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER }));
  });
  return gridTable(widths, [header], body);
}

/** The panel's results as a DOCX in the Nghị định 30 layout. */
export function renderPanelResults(input: PanelResultsDocument): Promise<Buffer> {
  const d = xmlSafeDeep(input);
  const selected = d.rows.filter((r) => r.selected);
  const children: Array<Paragraph | Table> = [
    nationalHeader({ body: d.body, number: 'Số:         /KQ-TĐH', placeDate: placeDate(d.place, vnLongDate(d.issuedOn)) }),
    ...documentTitle('Kết quả đánh giá của tổ điều hành', [d.eventTitle]),
    bodyParagraph(
      `Ngày ${vnLongDate(d.eventDate).replace(/^ngày /, '')}, tổ điều hành gồm ${d.memberCount} thành viên đã đánh giá hồ sơ tổ chuyên môn và báo cáo trình chiếu video clip của ${d.rows.length} tổ chuyên môn. Điểm của mỗi tổ là trung bình cộng tổng điểm của các thành viên; ${d.tieBreak}.`,
      { indent: true },
    ),
    spacer(4),
    resultsTable(d),
    spacer(6),
    bodyParagraph(
      selected.length
        ? `Tổ điều hành lựa chọn ${selected.length}/${d.selectCount} tổ chuyên môn tham dự cấp tiếp theo: ${selected.map((r) => (r.schoolName ? `${r.teamName} (${r.schoolName})` : r.teamName)).join('; ')}.`
        : `Tổ điều hành chưa lựa chọn tổ chuyên môn tham dự cấp tiếp theo (tối đa ${d.selectCount} tổ).`,
      { indent: true, keepNext: true },
    ),
    spacer(6, { keepNext: true }),
    closingBlock({ recipients: d.recipients, signature: d.signature }),
    line(''),
  ];
  return renderDocument(children, { title: `Kết quả đánh giá - ${d.eventTitle}` });
}
