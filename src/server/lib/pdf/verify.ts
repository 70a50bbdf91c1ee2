import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { OID, tstInfoOf } from './cms';

/**
 * The app's own verifier of signed PDFs (the second, independent of poppler's pdfsig): finds every signature
 * dictionary's /ByteRange and /Contents, recomputes the SHA-256 of the covered bytes, and checks with pkijs that the
 * CMS's message digest is that hash and that the signer's key signed the signed attributes; reads the signer's name
 * and the signing time (the time-stamp token's when there is one, else /M). The certificate chain is not judged here
 * (trust in a CA is the verification page's business): `valid` is about the bytes and the key.
 */

export interface PdfSignatureCheck {
  signer: string;
  signedAt: string | null;
  valid: boolean;
  coversWholeDocument: boolean;
  timestamped: boolean;
}

export interface PdfVerification {
  signatures: PdfSignatureCheck[];
  /** True when a signature fails or bytes were added after the last signature (or there is no signature). */
  modified: boolean;
}

const ab = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

function commonName(cert: pkijs.Certificate | undefined): string {
  const cn = cert?.subject.typesAndValues.find((t) => t.type === '2.5.4.3');
  return cn ? String(cn.value.valueBlock.value) : '';
}

/** The subject common name of a DER certificate. */
export function certificateName(der: Buffer): string {
  return commonName(pkijs.Certificate.fromBER(ab(der)));
}

/** /M (D:YYYYMMDDHHmmSS…) of the signature dictionary around the offset, as ISO 8601. */
function dictTime(dict: string): string | null {
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(dict);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null;
}

/** The DER value at the start of the zero-padded /Contents (its length from its own header). */
function derPrefix(b: Buffer): Buffer {
  const first = b[1] ?? 0;
  if (first < 0x80) return b.subarray(0, 2 + first);
  const n = first & 0x7f;
  return b.subarray(0, 2 + n + b.subarray(2, 2 + n).reduce((len, byte) => len * 256 + byte, 0));
}

async function checkOne(pdf: Buffer, range: number[], hex: string, dict: string): Promise<PdfSignatureCheck> {
  const [a = 0, b = 0, c = 0, d = 0] = range;
  const coversWholeDocument = a === 0 && c + d === pdf.length;
  const fail = { signer: '', signedAt: dictTime(dict), valid: false, coversWholeDocument, timestamped: false };
  try {
    const der = derPrefix(Buffer.from(hex, 'hex'));
    const info = pkijs.ContentInfo.fromBER(ab(der));
    if (info.contentType !== OID.signedData) return fail;
    const signed = new pkijs.SignedData({ schema: info.content });
    const certs = (signed.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
    const signerInfo = signed.signerInfos[0];
    const sid = signerInfo?.sid;
    const own = certs.find((x) => sid instanceof pkijs.IssuerAndSerialNumber && x.serialNumber.isEqual(sid.serialNumber)) ?? certs[0];
    const data = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const digest = createHash('sha256').update(data).digest();
    const md = signerInfo?.signedAttrs?.attributes.find((x) => x.type === OID.messageDigest)?.values[0];
    const digestMatches = !!md && Buffer.from(md.valueBlock.valueHexView).equals(digest);
    const keyOk = digestMatches && (await signed.verify({ signer: 0, data: ab(data), checkChain: false }));
    const tst = signerInfo?.unsignedAttrs?.attributes.find((x) => x.type === OID.timeStampToken)?.values[0];
    let signedAt = dictTime(dict);
    let tsOk = true;
    if (tst) {
      const token = new pkijs.ContentInfo({ schema: tst });
      const tstInfo = tstInfoOf(token);
      signedAt = tstInfo.genTime.toISOString();
      const imprint = createHash('sha256').update(Buffer.from(signerInfo.signature.valueBlock.valueHexView)).digest();
      tsOk = Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint);
    }
    return { signer: commonName(own), signedAt, valid: !!keyOk && tsOk, coversWholeDocument, timestamped: !!tst };
  } catch {
    return fail;
  }
}

/** Verifies every signature of a PDF. */
export async function verifyPdf(pdf: Buffer): Promise<PdfVerification> {
  const text = pdf.toString('latin1');
  const signatures: PdfSignatureCheck[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = m.slice(1, 5).map(Number);
    const start = text.lastIndexOf('<<', m.index);
    const end = text.indexOf('>>\nendobj', m.index);
    const dict = text.slice(start, end < 0 ? m.index + 100_000 : end);
    const hex = /\/Contents\s*<([0-9A-Fa-f]*)>/.exec(dict)?.[1] ?? '';
    signatures.push(await checkOne(pdf, range, hex, dict));
  }
  const last = signatures[signatures.length - 1];
  return { signatures, modified: !last?.coversWholeDocument || signatures.some((s) => !s.valid) };
}
