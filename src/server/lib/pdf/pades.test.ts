import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPkiTools, makeTestPki, pdfsig, startTsa, type TestPki } from '../../../../tests/helpers/pki';
import { renderMinutes } from '../documents/mau2';
import { minutesFixture } from '../documents/mau2.fixture';
import { openSeal } from './keys';
import { signPdf } from './pades';
import { docxToPdfA, hasLibreOffice } from './pdfa';
import { verifyPdf } from './verify';

/** Signing a PDF/A in an incremental update, with the seal on a SoftHSM2 token or in a PKCS#12 file. */

const soffice = await hasLibreOffice();
const ready = soffice && hasPkiTools;
if (!ready) console.warn('SKIP: soffice, softhsm2-util, pkcs11-tool, openssl or pdfsig is missing: the PDF signature checks are skipped');

const work = mkdtempSync(path.join(tmpdir(), 'lt-pades-'));
let pki: TestPki;
let tsa: Awaited<ReturnType<typeof startTsa>>;
let pdf: Buffer;

describe.skipIf(!ready)('PAdES signatures on a PDF/A', () => {
  beforeAll(async () => {
    pki = makeTestPki('Trường THCS Tân Thạnh Đông');
    tsa = await startTsa(pki);
    pdf = await docxToPdfA(await renderMinutes(minutesFixture()));
  }, 180_000);
  afterAll(() => tsa?.close());

  it('signs with the token and a timestamp; pdfsig and the app agree; one changed byte is caught by both', async () => {
    const signer = await openSeal(pki.token);
    const signed = await signPdf(pdf, {
      signer,
      tsaUrl: tsa.url,
      signedAt: new Date(),
      name: pki.sealName,
      reason: 'Ký số biên bản',
      location: 'Thành phố Hồ Chí Minh',
    });
    expect(signed.subarray(0, pdf.length).equals(pdf)).toBe(true);
    expect(tsa.requests()).toBe(1);
    const file = path.join(work, 'signed.pdf');
    writeFileSync(file, signed);
    const report = pdfsig(file);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain(pki.sealName);
    const mine = await verifyPdf(signed);
    expect(mine.modified).toBe(false);
    expect(mine.signatures).toHaveLength(1);
    expect(mine.signatures[0]).toMatchObject({ signer: pki.sealName, valid: true, coversWholeDocument: true, timestamped: true });

    const tampered = Buffer.from(signed);
    const at = Math.floor(pdf.length / 2);
    tampered[at] = tampered[at] ^ 0x01;
    const bad = path.join(work, 'tampered.pdf');
    writeFileSync(bad, tampered);
    expect(pdfsig(bad)).toContain('Digest Mismatch');
    const theirs = await verifyPdf(tampered);
    expect(theirs.modified).toBe(true);
    expect(theirs.signatures[0]?.valid).toBe(false);
  }, 120_000);

  it('signs with a PKCS#12 file and sees bytes appended after the signature', async () => {
    const signed = await signPdf(pdf, {
      signer: await openSeal(pki.p12),
      tsaUrl: null,
      signedAt: new Date(),
      name: pki.sealName,
      reason: 'Ký số biên bản',
      location: 'Thành phố Hồ Chí Minh',
    });
    const file = path.join(work, 'p12.pdf');
    writeFileSync(file, signed);
    expect(pdfsig(file)).toContain('Signature is Valid');
    const ok = await verifyPdf(signed);
    expect(ok.signatures[0]).toMatchObject({ valid: true, timestamped: false, coversWholeDocument: true });
    expect(ok.signatures[0]?.signer).toBe(`${pki.sealName} (tệp)`);
    const appended = await verifyPdf(Buffer.concat([signed, Buffer.from('\n% thêm sau khi ký\n')]));
    expect(appended.modified).toBe(true);
    expect(appended.signatures[0]?.coversWholeDocument).toBe(false);
  }, 120_000);

  it('writes PDF/A-2b: XMP part 2 conformance B, an output intent, a document ID, every font embedded', () => {
    const text = pdf.toString('latin1');
    expect(text).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(text).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(text).toMatch(/\/OutputIntents\s*\[/);
    expect(text).toMatch(/\/ID\s*\[\s*<[0-9A-F]{32}>/);
    // The QR code is an opaque greyscale picture: no soft mask, no transparency in the document.
    expect(text).not.toContain('/SMask');
    const file = path.join(work, 'plain.pdf');
    writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    const embedded = fonts.map((l) => /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(l)?.[1]);
    expect(embedded.every((e) => e === 'yes')).toBe(true);
    expect(fonts.some((l) => l.includes('LiberationSerif'))).toBe(true);
  });
});
