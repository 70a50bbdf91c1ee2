import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import type { AppContext } from '../../lib/context';
import { todayIso } from '../../lib/dates';
import { type SealMark, verifyUrl } from '../../lib/documents/electronic';
import { renderMinutes } from '../../lib/documents/mau2';
import { AppError, notFound } from '../../lib/errors';
import { storeThenInsert } from '../../lib/files/content';
import { openSeal } from '../../lib/pdf/keys';
import { signPdf } from '../../lib/pdf/pades';
import { docxToPdfA } from '../../lib/pdf/pdfa';
import { certificateName, verifyPdf } from '../../lib/pdf/verify';
import { inTransaction } from '../../lib/tx';
import { minutesDocument } from '../exports/minutes';
import { findMeeting } from '../exports/repo';
import * as minutesRepo from '../minutes/repo';
import * as orgsRepo from '../orgs/repo';
import { authorize } from './policy';
import * as repo from './repo';

/**
 * The PDF/A copy of Mẫu 2 and its seal (decision 0032). The PDF is rendered from the same document as the DOCX, with
 * the QR code of the verification page; sealing renders it once more with the visible signature block, signs it
 * (PAdES, incremental update), stores it in the shared file store and records it, never to change.
 */

const MINUTES = 'minutes';

/** Mẫu 2 as PDF/A: the stored signed copy when there is one, else rendered now (after the read policy). */
export async function minutesPdf(ctx: AppContext, actor: Actor, meetingId: string, seal: SealMark | null = null): Promise<Buffer> {
  const db = ctx.database.db;
  const doc = await minutesDocument(db, actor, meetingId);
  const electronic = { verifyUrl: verifyUrl(ctx.config.publicUrl, MINUTES, meetingId, doc.textHash), seal };
  return docxToPdfA(await renderMinutes({ ...doc, electronic }));
}

/** The stored signed copy of a record's PDF, if any. */
export function signedCopy(db: Executor, meetingId: string) {
  return repo.signedDocumentOf(db, MINUTES, meetingId);
}

const refuse = (message: string) => new AppError('INVALID_STATE', { params: { message } });

/**
 * Signs Mẫu 2 of minutes out for signing or locked with the installation's seal, and stores the signed PDF. The record's
 * hash (frozen at start-signing, the one the lock keeps) is printed in the QR code and stored with the copy.
 */
export async function sealMinutes(ctx: AppContext, actor: Actor, meetingId: string) {
  const db = ctx.database.db;
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) throw notFound('buổi sinh hoạt');
  authorize(actor, 'seal', { hostChain: await orgsRepo.ancestorChain(db, meeting.hostOrgId, todayIso()) });
  const row = await minutesRepo.findByMeeting(db, meetingId);
  if (!row?.textHash || row.status === 'draft') throw refuse('Biên bản chưa được đưa ra ký: chưa thể ký số');
  if (await signedCopy(db, meetingId)) throw refuse('Biên bản đã được ký số bằng chứng thư số của đơn vị');
  // The installation's state, like the minutes' own: 409 (a missing LibreOffice is the 503 of docxToPdfA).
  if (!ctx.config.seal) throw refuse('Máy chủ chưa cấu hình chứng thư số của đơn vị: chưa ký số được (xem docs/operations.md)');
  const signer = await openSeal(ctx.config.seal);
  const signerName = certificateName(signer.certificates[0] as Buffer);
  const signedAt = new Date();
  const doc = await minutesDocument(db, actor, meetingId);
  const pdf = await minutesPdf(ctx, actor, meetingId, { signer: signerName, org: doc.body.name, signedAt });
  const signed = await signPdf(pdf, {
    signer,
    tsaUrl: ctx.config.tsaUrl,
    signedAt,
    name: signerName,
    reason: `Ký số biên bản sinh hoạt chuyên môn (SHA-256 ${row.textHash})`,
    location: doc.place ?? '',
  });
  const check = await verifyPdf(signed);
  const timestamped = !!check.signatures[0]?.timestamped;
  // Stored in the shared file store; the file is released if the row cannot be written.
  return storeThenInsert(ctx, signed, (sha256) =>
    inTransaction(ctx, async (tx) => {
      const saved = await repo.insertSignedDocument(tx, {
        formKind: MINUTES,
        recordId: meetingId,
        recordHash: row.textHash as string,
        storageKey: `${sha256.slice(0, 2)}/${sha256}`,
        sha256,
        size: signed.length,
        signerName,
        signedAt,
        timestamped,
        signedBy: actor.personId,
      });
      await audit(tx, actor, {
        action: 'minutes.seal',
        entityType: 'minutes',
        entityId: row.id,
        orgId: meeting.hostOrgId,
        after: { sha256, signerName, timestamped },
      });
      return saved;
    }),
  );
}

/**
 * The lock rule: where the Sở above the host requires a CA signature for minutes, the minutes lock only once their
 * PDF is signed with the seal (409 with a Vietnamese message until then); with "account" nothing changes.
 */
export async function assertCaSignatureIfRequired(db: Executor, hostOrgId: string, meetingId: string): Promise<void> {
  const department = await repo.departmentIn(db, await orgsRepo.ancestorChain(db, hostOrgId, todayIso()));
  if (!department || (await repo.modeOf(db, department, MINUTES)) !== 'ca_required') return;
  if (await signedCopy(db, meetingId)) return;
  throw refuse(
    'Sở yêu cầu chữ ký số CA cho biên bản: lãnh đạo đơn vị cần ký số Mẫu 2 bằng chứng thư số của đơn vị trước khi chủ trì ký khóa biên bản',
  );
}
