import zlib from 'node:zlib';
import {
  AlignmentType,
  BorderStyle,
  HorizontalPositionRelativeFrom,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
  WidthType,
} from 'docx';
import QRCode from 'qrcode';
import { FONT, mm } from './nd30';

/**
 * The parts of an official document that exist only in its electronic (PDF/A) copy: the QR code of page 1, pointing
 * at the public verification page of the record, and the visible block of the organisation's digital signature
 * (Nghị định 30/2020, Phụ lục I, mục II: the issuing body's name and the signing time in ISO 8601 with the Vietnam
 * time zone, in red, where the seal goes).
 */

/** What the visible signature block shows. */
export interface SealMark {
  /** The certificate's subject common name (the school's or office's seal). */
  signer: string;
  /** The organisation's name as the record prints it. */
  org: string;
  signedAt: Date;
}

const EMU_PER_MM = 36_000;
const QR_MM = 20;

/** The URL printed as a QR code: the verification page of one record, with the SHA-256 of the locked record. */
export function verifyUrl(publicUrl: string, recordKind: string, recordId: string, hash: string | null): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify/${recordKind}/${recordId}?h=${hash ?? ''}`;
}

/**
 * The QR code as an 8-bit greyscale PNG without alpha (qrcode's own PNG is RGBA: its soft mask would bring
 * transparency into the PDF/A), 6 px per module and a quiet zone of 2 modules.
 */
function qrPng(url: string): Buffer {
  const { size, data } = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  const scale = 6;
  const quiet = 2;
  const side = (size + 2 * quiet) * scale;
  const rows: Buffer[] = [];
  for (let y = 0; y < side; y++) {
    const row = Buffer.alloc(side + 1, 255);
    row[0] = 0;
    const my = Math.floor(y / scale) - quiet;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - quiet;
      if (my >= 0 && my < size && mx >= 0 && mx < size && data[my * size + mx]) row[x + 1] = 0;
    }
    rows.push(row);
  }
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 20 mm QR code floating in the bottom-left corner of page 1 (left and bottom margins), anchored in its header. */
export function qrMark(url: string): ImageRun {
  const png = qrPng(url);
  const px = Math.round((QR_MM / 25.4) * 96);
  return new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: px, height: px },
    altText: { name: 'QR', title: 'Mã QR kiểm tra văn bản', description: url },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: 6 * EMU_PER_MM },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: (297 - QR_MM - 4) * EMU_PER_MM },
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE },
    },
  });
}

/** «2026-12-07T22:40:05+07:00»: the signing time in ISO 8601 in Vietnam's time zone. */
export function vnIsoTime(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
  return `${t}+07:00`;
}

const RED = 'C00000';
const redLine = (text: string, bold = false) =>
  new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { before: 0, after: 0 },
    children: [new TextRun({ text, font: FONT, size: 22, color: RED, bold })],
  });

/** The visible block of the organisation's digital signature, a red-bordered box at the right of the last page. */
export function sealBlock(s: SealMark): Table {
  const border = { style: BorderStyle.SINGLE, size: 8, color: RED };
  const width = mm(85);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    alignment: AlignmentType.RIGHT,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            borders: { top: border, bottom: border, left: border, right: border },
            margins: { top: mm(1.5), bottom: mm(1.5), left: mm(2), right: mm(2) },
            children: [
              redLine('Ký số bởi:', true),
              redLine(s.signer, true),
              redLine(`Cơ quan: ${s.org}`),
              redLine(`Thời gian ký: ${vnIsoTime(s.signedAt)}`),
            ],
          }),
        ],
      }),
    ],
  });
}
