import { PassThrough } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type SheetCell, writeSheetXlsx, xmlText } from './xlsxStream';
import { OutputClosedError } from './zipStream';

/** Everything written into a PassThrough, once the writer is done. */
async function collect(run: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await run(out);
  return Buffer.concat(chunks);
}

/** The archive's entries through its central directory, each inflated and checked against its CRC and size. */
function unzipChecked(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [crc, packed, size, nameLen] = [
      zip.readUInt32LE(at + 16),
      zip.readUInt32LE(at + 20),
      zip.readUInt32LE(at + 24),
      zip.readUInt16LE(at + 28),
    ];
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(start, start + packed));
    expect([name, data.length, crc32(data)]).toEqual([name, size, crc]);
    files.set(name, data);
    at += 46 + nameLen;
  }
  return files;
}

async function* batchesOf(rows: SheetCell[][], size: number): AsyncGenerator<SheetCell[][]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const columns = [
  { header: 'TT', width: 6 },
  { header: 'Họ và tên', width: 28 },
  { header: 'Ghi chú', width: 40 },
];

async function readBack(file: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb;
}

const valuesOf = (ws: ExcelJS.Worksheet) => (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));

describe('streamed XLSX writer', () => {
  it('escapes text for XML and keeps a literal _xHHHH_ from being read as a character', () => {
    expect(xmlText('Trường THCS Tân Thạnh Đông')).toBe('Trường THCS Tân Thạnh Đông');
    expect(xmlText('A&B <b> "c"')).toBe('A&amp;B &lt;b&gt; "c"');
    expect(xmlText('a\u0001b\u000bc\td\ne\rf')).toBe('abc\td\ne&#13;f');
    // Excel and LibreOffice read _xHHHH_ as an escaped character; _x005F_ is the escaped underscore.
    expect(xmlText('mã _x0041_')).toBe('mã _x005F_x0041_');
  });

  it('writes a bold header, widths, numbers and strings that read back as written', async () => {
    const rows: SheetCell[][] = [
      [1, 'Nguyễn Thị Hồng Nhung', 'Có mặt'],
      [2, 'Trần & <Đức>', null],
      [3, '  hai khoảng trắng ', 'chuông\u0007 reo'],
      [4.5, '', 'Vắng có phép'],
    ];
    const file = await collect((out) =>
      writeSheetXlsx(out, { name: 'Công tác phí', columns, batches: batchesOf(rows, 3), cells: (r) => r }),
    );
    expect([...unzipChecked(file).keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const wb = await readBack(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Công tác phí']);
    const ws = wb.worksheets[0];
    expect(valuesOf(ws)).toEqual([
      ['TT', 'Họ và tên', 'Ghi chú'],
      [1, 'Nguyễn Thị Hồng Nhung', 'Có mặt'],
      [2, 'Trần & <Đức>'],
      [3, '  hai khoảng trắng ', 'chuông reo'],
      [4.5, undefined, 'Vắng có phép'],
    ]);
    expect([1, 2, 3].map((c) => ws.getRow(1).getCell(c).font?.bold)).toEqual([true, true, true]);
    expect(ws.getRow(2).getCell(2).font?.bold).toBeFalsy();
    expect(ws.columns.map((c) => c.width)).toEqual([6, 28, 40]);
  });

  it('goes on in a new sheet under the same header when a sheet is full, and makes no empty last sheet', async () => {
    const rows = Array.from({ length: 6 }, (_, i): SheetCell[] => [i + 1, `Người ${i + 1}`, null]);
    const file = await collect((out) =>
      writeSheetXlsx(out, { name: 'Công tác phí', columns, batches: batchesOf(rows, 4), cells: (r) => r, rowsPerSheet: 3 }),
    );
    const wb = await readBack(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Công tác phí', 'Công tác phí (2)']);
    expect(wb.worksheets.map((w) => valuesOf(w).map((r) => r[0]))).toEqual([
      ['TT', 1, 2, 3],
      ['TT', 4, 5, 6],
    ]);
    const empty = await collect((out) => writeSheetXlsx(out, { name: 'T', columns, batches: batchesOf([], 4), cells: (r) => r }));
    expect(valuesOf((await readBack(empty)).worksheets[0])).toEqual([['TT', 'Họ và tên', 'Ghi chú']]);
  });

  const TOTAL_BATCHES = 200;
  /** 200 batches of 1,000 rows, counting what the writer pulled and whether it closed the source. */
  function countedSource() {
    const seen = { batches: 0, closed: false };
    async function* source(): AsyncGenerator<SheetCell[][]> {
      try {
        for (let b = 0; b < TOTAL_BATCHES; b++) {
          seen.batches++;
          yield Array.from({ length: 1000 }, (_, i): SheetCell[] => [b * 1000 + i + 1, `Giáo viên ${b}-${i}`, 'Có mặt']);
        }
      } finally {
        seen.closed = true;
      }
    }
    return { seen, batches: source() };
  }
  /** Resolves once `f()` has stayed the same over 20 turns of the event loop (thread-pool work included). */
  async function settled(f: () => number): Promise<number> {
    let last = -1;
    for (let still = 0; still < 20; ) {
      await new Promise((r) => setTimeout(r, 5));
      still = f() === last ? still + 1 : 0;
      last = f();
    }
    return last;
  }

  it('pulls rows only as fast as the reader takes the file', async () => {
    const { seen, batches } = countedSource();
    const out = new PassThrough();
    const done = writeSheetXlsx(out, { name: 'T', columns, batches, cells: (r) => r });
    // Nobody reads: the writer stops after a few batches instead of running through all 200.
    const pulled = await settled(() => seen.batches);
    expect(pulled).toBeLessThan(TOTAL_BATCHES / 4);
    const chunks: Buffer[] = [];
    for await (const c of out) chunks.push(c as Buffer);
    await done;
    expect(seen).toEqual({ batches: TOTAL_BATCHES, closed: true });
    const wb = await readBack(Buffer.concat(chunks));
    expect(wb.worksheets[0].rowCount).toBe(TOTAL_BATCHES * 1000 + 1);
  });

  it('stops, closes the source and rejects when the reader goes away', async () => {
    const { seen, batches } = countedSource();
    const out = new PassThrough();
    const done = writeSheetXlsx(out, { name: 'T', columns, batches, cells: (r) => r });
    await new Promise((r) => out.once('readable', r));
    out.read();
    out.destroy();
    await expect(done).rejects.toBeInstanceOf(OutputClosedError);
    expect(seen.closed).toBe(true);
    expect(seen.batches).toBeLessThan(TOTAL_BATCHES / 4);
  });
});
