import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * Building blocks of an official document in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (see DOMAIN.md):
 * A4, margins 20/20/30/15 mm, Times New Roman in black, the two-column header (issuing body | national title and
 * motto), the document type title, justified body text with a first-line indent, page numbers from page 2,
 * and the "Nơi nhận" and signature blocks. Forms (Mẫu 1, 2, 3 …) are composed from these.
 */

export const FONT = 'Times New Roman';
export const mm = (v: number) => Math.round(convertMillimetersToTwip(v));
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/** Width of the text area in twips (A4 less the left and right margins). */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Options of a run of text: size in points. */
export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  allCaps?: boolean;
}

/** A run of Times New Roman text in black; size in points (default 14). */
export function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    color: '000000',
    size: (s.size ?? 14) * 2,
    bold: s.bold,
    italics: s.italics,
    underline: s.underline ? {} : undefined,
  });
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** A paragraph of runs with the usual tight spacing of a header or table cell. */
export function line(
  children: string | ParagraphChild[],
  s: RunStyle & { align?: Align; after?: number; before?: number; keepNext?: boolean } = {},
) {
  return new Paragraph({
    alignment: s.align ?? AlignmentType.CENTER,
    keepNext: s.keepNext,
    spacing: { before: (s.before ?? 0) * 20, after: (s.after ?? 0) * 20, line: 240, lineRule: LineRuleType.AUTO },
    children: typeof children === 'string' ? [run(children, s)] : children,
  });
}

/** A short centred rule (1/3 of the column) under the issuing body's name, drawn as a bordered empty paragraph. */
export function shortRule(columnWidth: number): Paragraph {
  const side = Math.round(columnWidth / 3);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 2 })],
  });
}

/** The left part of the national header: parent body (plain capitals), issuing body (bold capitals). */
export interface IssuingBody {
  parent?: string | null;
  name: string;
}

const borderless = TableBorders.NONE;
const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: borderless, verticalAlign: VerticalAlign.TOP, children });

/** A borderless table of fixed column widths (twips), one row per array of cells. */
export function layoutTable(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: borderless,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(widths[i], c)) })),
  });
}

const HEADER_LEFT = mm(72);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;

/**
 * The national header, a two-column borderless table: issuing body with a short rule and "Số: …" on the left;
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and the underlined motto on the right, with place and date in italics.
 */
export function nationalHeader(o: { body: IssuingBody; number: string; placeDate: string }): Table {
  const left = [
    ...(o.body.parent ? [line(o.body.parent.toUpperCase(), { size: 12 })] : []),
    line(o.body.name.toUpperCase(), { size: 12, bold: true }),
    shortRule(HEADER_LEFT),
  ];
  const right = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true }),
    line([run('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true, underline: true })]),
  ];
  return layoutTable(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      [left, right],
      [[line(o.number, { size: 13, before: 6 })], [line(o.placeDate, { size: 14, italics: true, before: 6 })]],
    ],
  );
}

/** "Củ Chi, ngày 13 tháng 9 năm 2024"; the place is left as dots when unknown, as on a blank form. */
export function placeDate(place: string | null, longDate: string): string {
  return `${place ?? '…………'}, ${longDate}`;
}

/** The document type in bold capitals, centred, with optional lines under it (bold, as the forms show them). */
export function documentTitle(title: string, subtitles: string[] = []): Paragraph[] {
  return [
    line(title.toUpperCase(), { size: 14, bold: true, before: 18 }),
    ...subtitles.map((s, i) => line(s, { size: 14, bold: true, after: i === subtitles.length - 1 ? 12 : 0 })),
  ];
}

/**
 * A body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after. `keepNext` keeps it on the page of what
 * follows: the last paragraph before a document's signatures has it, so a signature block never begins a page alone.
 */
export function bodyParagraph(
  children: string | ParagraphChild[],
  o: { indent?: boolean; align?: Align; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    keepNext: o.keepNext,
    indent: o.indent === false ? undefined : { firstLine: mm(12.7) },
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: typeof children === 'string' ? [run(children)] : children,
  });
}

/** "- Label: value" line of a form (label as printed on the form, value after it). */
export function fieldLine(label: string, value: string | ParagraphChild[] = ''): Paragraph {
  const rest = typeof value === 'string' ? (value ? [run(` ${value}`)] : []) : [run(' '), ...value];
  return bodyParagraph([run(`- ${label}:`), ...rest]);
}

/** A signature: authority prefix (KT., TM., or a role such as "Trưởng nhóm"), title, name; a note under the name. */
export interface Signature {
  authority?: string | null;
  title?: string | null;
  name?: string | null;
  note?: string | null;
}

/** The top of a signature block: authority and title in bold capitals, then a note (e.g. when it was signed). */
export function signatureHead(s: Signature): Paragraph[] {
  const lines = [s.authority, s.title].filter((x): x is string => !!x);
  return [
    ...lines.map((l) => line(l.toUpperCase(), { size: 13, bold: true, keepNext: true })),
    ...(s.note ? [line(s.note, { size: 12, italics: true, keepNext: true })] : []),
  ];
}

/** The bottom of a signature block: room for the signature, then the name in bold. */
export function signatureName(s: Signature): Paragraph[] {
  return [line(''), line(''), line(''), line(''), line(s.name ?? '', { size: 14, bold: true })];
}

/** The paragraphs of a signature block: bold capitals, room for the signature, then the name in bold. */
export function signatureBlock(s: Signature): Paragraph[] {
  return [...signatureHead(s), ...signatureName(s)];
}

/** "Nơi nhận:" (bold italic, 12 pt) with its items (11 pt, "- …;" and "- Lưu: VT." last). */
export function recipientsBlock(items: string[]): Paragraph[] {
  return [
    line([run('Nơi nhận:', { size: 12, bold: true, italics: true })], { align: AlignmentType.LEFT }),
    ...items.map((item, i) => line(`- ${item}${i === items.length - 1 ? '.' : ';'}`, { size: 11, align: AlignmentType.LEFT })),
  ];
}

/** The closing of a document: "Nơi nhận" bottom left and the signature bottom right. */
export function closingBlock(o: { recipients?: string[]; signature: Signature }): Table {
  const left = mm(70);
  return layoutTable(
    [left, TEXT_WIDTH - left],
    [[o.recipients?.length ? recipientsBlock(o.recipients) : [line('')], signatureBlock(o.signature)]],
  );
}

/** Two signatures side by side (e.g. "Người ghi biên bản" | "Chủ trì"). */
export function twoSignatures(left: Signature, right: Signature): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  return layoutTable(
    [half, TEXT_WIDTH - half],
    [
      [signatureHead(left), signatureHead(right)],
      [signatureName(left), signatureName(right)],
    ],
  );
}

/** An empty paragraph used as vertical space (points). */
export function spacer(points = 6, o: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ keepNext: o.keepNext, spacing: { before: 0, after: points * 20 }, children: [run('', { size: 6 })] });
}

/** A bordered data table cell: 12 pt text, paragraphs given as strings or built. */
export function gridCell(
  content: string | Paragraph[],
  o: { width: number; bold?: boolean; align?: Align; columnSpan?: number; rowSpan?: number; size?: number } = { width: 0 },
): TableCell {
  const children =
    typeof content === 'string'
      ? content.split('\n').map((t) => line(t, { size: o.size ?? 12, bold: o.bold, align: o.align ?? AlignmentType.LEFT }))
      : content;
  return new TableCell({
    width: { size: o.width, type: WidthType.DXA },
    columnSpan: o.columnSpan,
    rowSpan: o.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 40, bottom: 40 },
    children,
  });
}

/** A bordered data table with fixed column widths (twips) and rows of cells; header rows repeat on each page. */
export function gridTable(widths: number[], headerRows: TableCell[][], bodyRows: TableCell[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      ...headerRows.map((cells) => new TableRow({ tableHeader: true, cantSplit: true, children: cells })),
      ...bodyRows.map((cells) => new TableRow({ cantSplit: true, children: cells })),
    ],
  });
}

/** Splits the text width into columns by proportions (they need not add up to 1). */
export function columns(proportions: number[]): number[] {
  const total = proportions.reduce((a, b) => a + b, 0);
  const widths = proportions.map((p) => Math.floor((TEXT_WIDTH * p) / total));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * Packs a one-section A4 document with the page number at the top centre from page 2. A header note (e.g. "DỰ THẢO"
 * on an unsigned draft) is printed at the top right of every page.
 */
export function renderDocument(
  children: Array<Paragraph | Table>,
  meta: { title: string; creator?: string; headerNote?: string | null; firstPageMark?: ParagraphChild | null },
): Promise<Buffer> {
  const note = meta.headerNote ? [line(meta.headerNote, { size: 13, bold: true, align: AlignmentType.RIGHT })] : [];
  const pageNumber = new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] }),
      ...note,
    ],
  });
  const mark = meta.firstPageMark ? [meta.firstPageMark] : [];
  const first = new Header({
    children: [
      note.length
        ? line([...mark, run(meta.headerNote ?? '', { size: 13, bold: true })], { align: AlignmentType.RIGHT })
        : new Paragraph({ children: mark }),
    ],
  });
  const doc = new Document({
    title: meta.title,
    creator: meta.creator ?? 'Liên Trường',
    styles: { default: { document: { run: { font: FONT, size: 28, color: '000000' } } } },
    sections: [
      {
        properties: {
          page: { size: A4, margin: { ...MARGIN, header: mm(10), footer: mm(10) } },
          titlePage: true,
        },
        headers: { default: pageNumber, first },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
