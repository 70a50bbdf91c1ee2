import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** DOCX → PDF with LibreOffice headless, the PDF's text, and page 1 as PNG (for looking at the layout). */

export const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const work = mkdtempSync(path.join(tmpdir(), 'lt-docx-'));

/**
 * Converts a DOCX to PDF (own LibreOffice profile), renders page 1 at 60 dpi into `shotsDir/<name>.png`, and returns
 * the PDF's text in content order with runs of white space squeezed.
 */
export function docxToPdfText(docx: Buffer, name: string, shotsDir: string): string {
  const file = path.join(work, `${name}.docx`);
  writeFileSync(file, docx);
  const profile = `file://${path.join(work, `profile-${name}`)}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = path.join(work, `${name}.pdf`);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(work, name)]);
  mkdirSync(shotsDir, { recursive: true });
  copyFileSync(path.join(work, `${name}.png`), path.join(shotsDir, `${name}.png`));
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** A solid-colour PNG of the given size (a stand-in for a meeting photo). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
