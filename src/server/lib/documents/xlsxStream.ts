import type { Writable } from 'node:stream';
import { xmlSafe } from './xmlText';
import { ZipStream } from './zipStream';

/**
 * A streaming XLSX writer for one long table: a bold header row, fixed column widths, then rows of numbers and
 * strings (inline strings, so nothing is kept per row). The sheet's XML goes through one deflate stream with real
 * back-pressure (see ZipStream). Past Excel's 1,048,576 rows a sheet is closed and the table goes on in a new sheet
 * ("Name (2)", …) under the same header. See docs/decisions/0014-streamed-xlsx-writer.md.
 */

/** A cell: a number, a string, or nothing (an empty cell). */
export type SheetCell = number | string | null | undefined;

export interface SheetColumn {
  header: string;
  /** Width in characters, as Excel counts them. */
  width: number;
}

export interface SheetTable<T> {
  /** The sheet's name (at most 31 characters, none of `[]:*?/\`). */
  name: string;
  columns: readonly SheetColumn[];
  /** The records, in batches (a batch is typically one page of a query). */
  batches: AsyncIterable<readonly T[]>;
  /** A record's cells; called once per record, in order, just before its row is written. */
  cells: (record: T) => readonly SheetCell[];
  /** Data rows per sheet before the next sheet starts (Excel's limit less the header by default; for tests). */
  rowsPerSheet?: number;
  creator?: string;
}

const EXCEL_MAX_ROWS = 1_048_576;
/** Bytes of sheet XML handed to deflate at a time. */
const CHUNK = 64 * 1024;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 cannot hold are looked for
const NEEDS_ESCAPE = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;

/**
 * Text as XML character data: `&`, `<`, `>` as entities, CR kept as `&#13;`, characters XML cannot hold dropped, and
 * a literal `_xHHHH_` protected (`_x005F_xHHHH_`) so Excel does not read it as an escaped character.
 */
export function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return xmlSafe(s)
    .replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** A1-style column letters of the 0-based column `i`. */
function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellXml(ref: string, v: SheetCell, style: string): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
  const c0 = v.charCodeAt(0);
  const c1 = v.charCodeAt(v.length - 1);
  const space = c0 <= 32 || c1 <= 32 ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Fonts: 0 regular, 1 bold (Calibri 11); cell format 1 is the header's bold. */
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function contentTypes(sheets: number): string {
  const sheetTypes = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

function coreProps(creator: string): string {
  const now = `${new Date().toISOString().slice(0, 19)}Z`;
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`;
}

function workbook(names: readonly string[]): string {
  const sheets = names
    .map((n, i) => `<sheet name="${xmlText(n).replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`)
    .join('');
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 2}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/styles" Target="styles.xml"/>${rels}</Relationships>`;
}

/** Writes the table as an XLSX into `out` and ends it; rejects with OutputClosedError if `out` closes first. */
export async function writeSheetXlsx<T>(out: Writable, table: SheetTable<T>): Promise<void> {
  const perSheet = table.rowsPerSheet ?? EXCEL_MAX_ROWS - 1;
  const letters = table.columns.map((_, i) => columnLetters(i));
  const cellOpen = letters.map((l) => `<c r="${l}`);
  const cols = table.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const header = table.columns.map((c, i) => cellXml(`${letters[i]}1`, c.header, ' s="1"')).join('');
  const sheetHead = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1" s="1" customFormat="1">${header}</row>`;
  const sheetTail = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

  const source = table.batches[Symbol.asyncIterator]();
  let batch: readonly T[] = [];
  let at = 0;
  let exhausted = false;
  /** Whether a row is waiting, pulling the next non-empty batch if need be. */
  const more = async (): Promise<boolean> => {
    while (at >= batch.length) {
      if (exhausted) return false;
      const next = await source.next();
      if (next.done) {
        exhausted = true;
        return false;
      }
      batch = next.value;
      at = 0;
    }
    return true;
  };
  /**
   * One sheet's XML: the header, then up to `perSheet` rows. Each row's text is written piece by piece straight into
   * a buffer of about CHUNK bytes, handed to deflate when full: no string is built per row, so the garbage collector
   * has little to do (its young generation grows with what survives, and that is RSS).
   */
  async function* sheetXml(): AsyncGenerator<Buffer> {
    yield Buffer.from(sheetHead);
    let buf = Buffer.allocUnsafe(CHUNK);
    let pos = 0;
    let r = 1;
    while (r <= perSheet && (await more())) {
      while (at < batch.length && r <= perSheet) {
        const row = table.cells(batch[at++]);
        const rs = String(++r);
        // An upper bound of the row's bytes: escaping at most quintuples a character, UTF-8 takes at most 3 bytes.
        let need = 32;
        for (let i = 0; i < row.length; i++) {
          const v = row[i];
          need += 64 + (typeof v === 'string' ? 6 * v.length : 0);
        }
        if (pos + need > buf.length) {
          yield buf.subarray(0, pos);
          buf = Buffer.allocUnsafe(Math.max(CHUNK, need));
          pos = 0;
        }
        pos += buf.write('<row r="', pos, 'latin1');
        pos += buf.write(rs, pos, 'latin1');
        pos += buf.write('">', pos, 'latin1');
        for (let i = 0; i < row.length; i++) {
          const v = row[i];
          if (v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) continue;
          pos += buf.write(cellOpen[i], pos, 'latin1');
          pos += buf.write(rs, pos, 'latin1');
          if (typeof v === 'number') {
            pos += buf.write('"><v>', pos, 'latin1');
            pos += buf.write(String(v), pos, 'latin1');
            pos += buf.write('</v></c>', pos, 'latin1');
          } else {
            const c0 = v.charCodeAt(0);
            const c1 = v.charCodeAt(v.length - 1);
            pos += buf.write(
              c0 <= 32 || c1 <= 32 ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>',
              pos,
              'latin1',
            );
            pos += buf.write(xmlText(v), pos, 'utf8');
            pos += buf.write('</t></is></c>', pos, 'latin1');
          }
        }
        pos += buf.write('</row>', pos, 'latin1');
      }
    }
    yield buf.subarray(0, pos);
    yield Buffer.from(sheetTail);
  }

  const zip = new ZipStream(out);
  const names: string[] = [];
  try {
    do {
      names.push(names.length === 0 ? table.name : `${table.name.slice(0, 24)} (${names.length + 1})`);
      await zip.addStream(`xl/worksheets/sheet${names.length}.xml`, sheetXml());
    } while (await more());
  } finally {
    // Stopped early (output closed, error): let the source close its pages (a generator's finally, a cursor).
    if (!exhausted) await source.return?.();
  }
  await zip.add('[Content_Types].xml', contentTypes(names.length));
  await zip.add('_rels/.rels', ROOT_RELS);
  await zip.add('docProps/core.xml', coreProps(table.creator ?? 'Liên Trường'));
  await zip.add('xl/workbook.xml', workbook(names));
  await zip.add('xl/_rels/workbook.xml.rels', workbookRels(names.length));
  await zip.add('xl/styles.xml', STYLES);
  await zip.finish();
}
