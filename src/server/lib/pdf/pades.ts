import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';
import { buildCms } from './cms';
import type { KeySigner } from './keys';

/**
 * Signs a PDF in an incremental update (decision 0032): the bytes of the PDF/A as LibreOffice wrote them stay untouched
 * at the front of the file and are all covered by the signature; the update appends the signature dictionary, its
 * field (a widget on the last page, printable, locked, with an empty appearance: the visible signature block is part
 * of the page content, printed by the document itself), the page with the widget in /Annots, the catalog with the
 * /AcroForm, an xref section and a trailer pointing back at the previous one. pdf-lib only reads the document.
 */

/** Room for the CMS (certificates, signature, time-stamp token with the TSA's certificates). */
const CONTENTS_BYTES = 24_576;
const BYTE_RANGE_PLACEHOLDER = '[0 9999999999 9999999999 9999999999]';

export interface SignOptions {
  signer: KeySigner;
  tsaUrl: string | null;
  /** The time written as /M and printed in the visible block. */
  signedAt: Date;
  name: string;
  reason: string;
  location: string;
}

/** A PDF text string in UTF-16BE (for Vietnamese names). */
const text = (s: string) => `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

/** D:YYYYMMDDHHmmSSZ. */
const pdfDate = (d: Date) => `(D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;

function lastStartXref(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const all = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = all[all.length - 1];
  if (!last) throw new Error('Tệp PDF không có startxref');
  return Number(last[1]);
}

function xrefTable(entries: Array<{ ref: PDFRef; offset: number }>): string {
  const sorted = [...entries].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  let out = 'xref\n';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].ref.objectNumber === sorted[j].ref.objectNumber + 1) j++;
    out += `${sorted[i].ref.objectNumber} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      out += `${String(sorted[k].offset).padStart(10, '0')} ${String(sorted[k].ref.generationNumber).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  return out;
}

const arrayItems = (doc: PDFDocument, value: PDFObject | undefined): PDFObject[] => {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  return resolved instanceof PDFArray ? resolved.asArray() : [];
};

/** The PDF with a signature placeholder appended; returns it with the offsets of the /Contents hex string. */
async function withPlaceholder(pdf: Buffer, o: SignOptions): Promise<{ out: Buffer; contentsStart: number; contentsEnd: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const pages = doc.getPages();
  const page = pages[pages.length - 1];
  const root = ctx.trailerInfo.Root;
  if (!page || !(root instanceof PDFRef)) throw new Error('Tệp PDF không có trang hoặc danh mục');
  let next = ctx.largestObjectNumber + 1;
  const sigRef = PDFRef.of(next++);
  const widgetRef = PDFRef.of(next++);
  const apRef = PDFRef.of(next++);
  const fieldCount = arrayItems(doc, doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.get(PDFName.of('Fields'))).length;

  const pageDict = page.node.clone(ctx);
  pageDict.set(PDFName.of('Annots'), ctx.obj([...arrayItems(doc, page.node.get(PDFName.of('Annots'))), widgetRef]));
  const catalog = doc.catalog.clone(ctx);
  const oldForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const form = oldForm ? oldForm.clone(ctx) : ctx.obj({});
  form.set(PDFName.of('Fields'), ctx.obj([...arrayItems(doc, oldForm?.get(PDFName.of('Fields'))), widgetRef]));
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  catalog.set(PDFName.of('AcroForm'), form);

  const objects: Array<{ ref: PDFRef; body: string }> = [
    {
      ref: sigRef,
      body: `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/ByteRange ${BYTE_RANGE_PLACEHOLDER}\n/Contents <${'0'.repeat(CONTENTS_BYTES * 2)}>\n/M ${pdfDate(o.signedAt)}\n/Name ${text(o.name)}\n/Reason ${text(o.reason)}\n/Location ${text(o.location)}\n>>`,
    },
    {
      ref: widgetRef,
      body: `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${text(`Chữ ký số ${fieldCount + 1}`)}\n/V ${sigRef}\n/P ${page.ref}\n/Rect [0 0 0 0]\n/F 132\n/AP << /N ${apRef} >>\n>>`,
    },
    { ref: apRef, body: '<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 0 0]\n/Resources << >>\n/Length 0\n>>\nstream\n\nendstream' },
    { ref: page.ref, body: pageDict.toString() },
    { ref: root, body: catalog.toString() },
  ];

  const head = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  let body = head;
  const entries: Array<{ ref: PDFRef; offset: number }> = [];
  for (const obj of objects) {
    entries.push({ ref: obj.ref, offset: pdf.length + Buffer.byteLength(body, 'latin1') });
    body += `${obj.ref.objectNumber} ${obj.ref.generationNumber} obj\n${obj.body}\nendobj\n`;
  }
  const xrefOffset = pdf.length + Buffer.byteLength(body, 'latin1');
  const info = ctx.trailerInfo.Info ? `/Info ${ctx.trailerInfo.Info}\n` : '';
  const id = ctx.trailerInfo.ID ? `/ID ${ctx.trailerInfo.ID}\n` : '';
  body += `${xrefTable(entries)}trailer\n<<\n/Size ${next}\n/Root ${root}\n${info}${id}/Prev ${lastStartXref(pdf)}\n>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const out = Buffer.concat([pdf, Buffer.from(body, 'latin1')]);
  const contentsStart = out.indexOf('/Contents <', pdf.length, 'latin1') + '/Contents '.length;
  return { out, contentsStart, contentsEnd: contentsStart + CONTENTS_BYTES * 2 + 2 };
}

/** Signs the PDF (PAdES B-T with a timestamp server, B-B without) and returns the signed file. */
export async function signPdf(pdf: Buffer, o: SignOptions): Promise<Buffer> {
  const { out, contentsStart, contentsEnd } = await withPlaceholder(pdf, o);
  const range = [0, contentsStart, contentsEnd, out.length - contentsEnd];
  const rangeText = `[${range.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  const at = out.indexOf(BYTE_RANGE_PLACEHOLDER, pdf.length, 'latin1');
  out.write(rangeText, at, 'latin1');
  const digest = createHash('sha256').update(out.subarray(0, contentsStart)).update(out.subarray(contentsEnd)).digest();
  const cms = await buildCms(digest, o.signer, o.tsaUrl);
  if (cms.length > CONTENTS_BYTES) throw new Error('Chữ ký số lớn hơn chỗ dành cho nó trong tệp PDF');
  out.write(cms.toString('hex').toUpperCase(), contentsStart + 1, 'latin1');
  return out;
}
