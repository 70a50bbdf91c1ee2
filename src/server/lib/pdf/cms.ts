import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeySigner } from './keys';

/**
 * The CMS SignedData of a PAdES B-T signature (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached), built with pkijs:
 * detached id-data content, SHA-256, signed attributes content-type, message-digest and signing-certificate-v2 (no
 * signing-time: PAdES puts it in the signature dictionary's /M), the key signs the DER of the signed attributes, and
 * the RFC 3161 time-stamp token over the signature value is added as the unsigned signature-time-stamp attribute
 * when a timestamp server is configured.
 */

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const sha256 = (data: Buffer | ArrayBuffer) =>
  createHash('sha256')
    .update(Buffer.from(data as ArrayBuffer))
    .digest();
const ab = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const sha256Id = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });

/** ESS signing-certificate-v2 of the signer's certificate (SHA-256, the default algorithm, with issuer and serial). */
function signingCertificateV2(der: Buffer, cert: pkijs.Certificate): asn1js.Sequence {
  const issuer = new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: ab(sha256(der)) }), new asn1js.Sequence({ value: [issuer.toSchema(), cert.serialNumber] })],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** Asks an RFC 3161 server for a token over the signature value; checks the answer is granted and for that value. */
export async function timestampToken(tsaUrl: string, signature: Buffer): Promise<pkijs.ContentInfo> {
  const imprint = sha256(signature);
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: sha256Id(),
      hashedMessage: new asn1js.OctetString({ valueHex: ab(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: ab(Buffer.concat([Buffer.from([1]), randomBytes(8)])) }),
    certReq: true,
  });
  const res = await fetch(tsaUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: Buffer.from(request.toSchema().toBER()),
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`Máy chủ cấp dấu thời gian trả lời HTTP ${res.status}`);
  const response = pkijs.TimeStampResp.fromBER(await res.arrayBuffer());
  const token = response.timeStampToken;
  if (response.status.status > 1 || !token) throw new Error('Máy chủ cấp dấu thời gian từ chối yêu cầu');
  const info = tstInfoOf(token);
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint)) {
    throw new Error('Dấu thời gian không khớp với chữ ký');
  }
  return token;
}

/** The TSTInfo inside a time-stamp token. */
export function tstInfoOf(token: pkijs.ContentInfo): pkijs.TSTInfo {
  const signed = new pkijs.SignedData({ schema: token.content });
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new Error('Dấu thời gian không có nội dung');
  return pkijs.TSTInfo.fromBER(content.getValue());
}

/** The DER of a detached CMS SignedData over a document whose SHA-256 is `digest`. */
export async function buildCms(digest: Buffer, signer: KeySigner, tsaUrl: string | null): Promise<Buffer> {
  const [ownDer] = signer.certificates;
  if (!ownDer) throw new Error('Thiếu chứng thư số của người ký');
  const certificates = signer.certificates.map((der) => pkijs.Certificate.fromBER(ab(der)));
  const own = certificates[0] as pkijs.Certificate;
  const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: own.issuer, serialNumber: own.serialNumber }),
    digestAlgorithm: sha256Id(),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
        attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: ab(digest) })),
        attribute(OID.signingCertificateV2, signingCertificateV2(ownDer, own)),
      ],
    }),
  });
  // The signature covers the signed attributes encoded as a SET OF (tag 0x31), not as the [0] they are stored as.
  const toSign = Buffer.from((signerInfo.signedAttrs as pkijs.SignedAndUnsignedAttributes).toSchema().toBER());
  toSign[0] = 0x31;
  const signature = await signer.sign(toSign);
  signerInfo.signature = new asn1js.OctetString({ valueHex: ab(signature) });
  if (tsaUrl) {
    const token = await timestampToken(tsaUrl, signature);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(OID.timeStampToken, token.toSchema())],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [sha256Id()],
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}
