import type { AddendumInput, MinutesVerification, MinutesView } from '../../../shared/minutes';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, fieldError, notFound } from '../../lib/errors';
import { loadReadableMeeting } from '../attendance/access';
import * as attendanceRepo from '../attendance/repo';
import { notify } from '../notifications/service';
import { followMeeting } from '../plans/follow';
import { assertCaSignatureIfRequired } from '../signatures/service';
import { canonicalAddendum, canonicalMinutes, sha256 } from './canonical';
import { freezeRecord, frozenSigners, signersOf } from './frozen';
import { authorize } from './policy';
import * as repo from './repo';
import { plainText, sanitizeRichText } from './sanitize';
import { assertEditable, computeFacts } from './service';

type SignerRole = MinutesView['participants'][number]['role'];

const notSigning = () => new AppError('INVALID_STATE', { params: { message: 'Biên bản chưa được đưa ra ký' } });

/**
 * Freezes the facts, the text, the required signers and the attachments' hashes, stores the SHA-256 of their canonical
 * string, and opens the minutes for signing. From then on the meeting and its parts refuse changes (decision 0024).
 */
export async function startSigning(db: Executor, actor: Actor, meetingId: string): Promise<void> {
  const m = await loadReadableMeeting(db, actor, meetingId);
  assertEditable(await repo.findByMeeting(db, meetingId));
  authorize(actor, 'write', m.access);
  await attendanceRepo.lockMeeting(db, meetingId);
  await repo.ensure(db, meetingId);
  const row = await repo.findByMeetingForUpdate(db, meetingId);
  assertEditable(row);
  if (!plainText(row.discussion)) throw fieldError('discussion', 'Cần ghi những nội dung góp ý trao đổi trước khi ký');
  if (m.meeting.startsAt.getTime() > Date.now()) {
    throw new AppError('INVALID_STATE', { params: { message: 'Buổi sinh hoạt chưa diễn ra, chưa thể ký biên bản' } });
  }
  const facts = await computeFacts(db, m);
  const frozen = await freezeRecord(db, m.meeting);
  const textHash = sha256(canonicalMinutes({ meetingId, facts, frozen, discussion: row.discussion, recommendations: row.recommendations }));
  await repo.update(db, row.id, { status: 'signing', facts, frozen, textHash, updatedBy: actor.personId });
  if (m.meeting.status === 'scheduled' || m.meeting.status === 'draft') await attendanceRepo.setMeetingStatus(db, meetingId, 'held');
  await notify(
    db,
    frozen.signers.map((s) => s.personId),
    {
      kind: 'minutes_signature',
      title: `Biên bản chờ bạn ký: ${m.meeting.title}`,
      body: 'Biên bản buổi sinh hoạt chuyên môn đã được đưa ra ký. Vui lòng xem và ký xác nhận.',
      link: `/meetings/${meetingId}/minutes`,
      dedupeKey: `minutes:signing:${row.id}:{person}`,
    },
    actor.personId,
  );
  await audit(db, actor, {
    action: 'minutes.startSigning',
    entityType: 'minutes',
    entityId: row.id,
    orgId: m.meeting.hostOrgId,
    after: { textHash },
  });
}

/** How a signature was proved: the signer's own session, or their PIN or password on the holder's device (0028). */
export type SignatureProof = { method: 'account' } | { method: 'pin' | 'password'; heldBy: string; device: string | null };

/** Refuses minutes that are not out for signing (a draft, or already locked). */
export function assertSignable<T extends { status: string }>(row: T | undefined): asserts row is T {
  if (!row || row.status === 'draft') throw notSigning();
  if (row.status === 'locked') throw new AppError('MINUTES_LOCKED');
}

/** A participant signs from their own account. */
export function sign(db: Executor, actor: Actor, meetingId: string): Promise<{ locked: boolean }> {
  return recordSignature(db, actor, meetingId, actor.personId, { method: 'account' });
}

/**
 * A signer's signature of the hash of the frozen text, from their own session (`actor` is the signer) or at the venue
 * (`actor` holds the device: the meeting's secretary or chair; the signer proved who they are with their own secret,
 * checked by venue.ts before this runs). The minutes row is locked FOR UPDATE first, so signatures of the same minutes
 * are decided one after another and the lock decision sees every committed signature. The chair signs last: their
 * signature locks the minutes (and the meeting) in the same transaction. Who must sign, and who is the chair, come from
 * the signers frozen at start-signing, not from the meeting row as it is now.
 */
export async function recordSignature(
  db: Executor,
  actor: Actor,
  meetingId: string,
  signerId: string,
  proof: SignatureProof,
): Promise<{ locked: boolean }> {
  const m = await loadReadableMeeting(db, actor, meetingId);
  const row = await repo.findByMeetingForUpdate(db, meetingId);
  assertSignable(row);
  const roles = await signersOf(db, m.meeting, row);
  if (proof.method === 'account') authorize(actor, 'sign', { signers: roles });
  else authorize(actor, 'venueSign', { access: m.access, signers: roles, signerId });
  // Authorised above: the signer is one of the signers, so their role is there.
  const role = roles.get(signerId) as SignerRole;
  const signed = new Set((await repo.signaturesOf(db, row.id)).map((s) => s.personId));
  if (signed.has(signerId)) return { locked: false };
  const chairId = [...roles.entries()].find(([, r]) => r === 'chair')?.[0] ?? null;
  const missing = [...roles.keys()].filter((id) => id !== chairId && id !== signerId && !signed.has(id));
  if (signerId === chairId && missing.length > 0) {
    const names = await repo.names(db, missing);
    const list = missing.map((id) => names.get(id) ?? '').join(', ');
    throw new AppError('INVALID_STATE', {
      params: { message: `Chủ trì ký sau cùng. Còn ${missing.length} người chưa ký: ${list}` },
    });
  }
  const venue = proof.method === 'account' ? {} : { heldBy: proof.heldBy, device: proof.device };
  await repo.insertSignature(db, {
    minutesId: row.id,
    personId: signerId,
    role,
    textHash: row.textHash ?? '',
    method: proof.method,
    ...venue,
  });
  const lockNow = signerId === chairId || (!chairId && missing.length === 0);
  if (lockNow) {
    await assertCaSignatureIfRequired(db, m.meeting.hostOrgId, meetingId);
    await repo.lock(db, row.id, meetingId);
    await followMeeting(db, actor, m.meeting, { kind: 'held' });
  }
  await audit(db, actor, {
    action: lockNow ? 'minutes.lock' : 'minutes.sign',
    entityType: 'minutes',
    entityId: row.id,
    orgId: m.meeting.hostOrgId,
    after: proof.method === 'account' ? undefined : { signerId, method: proof.method, heldBy: proof.heldBy, device: proof.device },
  });
  return { locked: lockNow };
}

/**
 * Recomputes the hash from the stored text, facts and frozen signers and attachments, and compares it with the stored
 * hash and every signature; checks the signatures against the frozen signers (each signed, nobody else did).
 */
export async function verify(db: Executor, actor: Actor, meetingId: string): Promise<MinutesVerification> {
  const m = await loadReadableMeeting(db, actor, meetingId);
  const row = await repo.findByMeeting(db, meetingId);
  if (!row || row.status === 'draft') throw notSigning();
  const computedHash = sha256(
    canonicalMinutes({
      meetingId,
      facts: row.facts,
      frozen: row.frozen ?? undefined,
      discussion: row.discussion,
      recommendations: row.recommendations,
    }),
  );
  const signatures = (await repo.signaturesOf(db, row.id)).map((s) => ({
    personId: s.personId,
    fullName: s.fullName,
    matches: s.textHash === computedHash,
  }));
  const required = frozenSigners(row.frozen) ?? (await signersOf(db, m.meeting, undefined));
  const names = await repo.names(db, [...required.keys()]);
  const good = new Set(signatures.filter((s) => s.matches).map((s) => s.personId));
  const requiredSigners = [...required.entries()].map(([personId, role]) => ({
    personId,
    role,
    fullName: names.get(personId) ?? '',
    signed: good.has(personId),
  }));
  return {
    status: row.status,
    storedHash: row.textHash,
    computedHash,
    textMatches: computedHash === row.textHash,
    allSignaturesMatch: signatures.length > 0 && signatures.every((s) => s.matches),
    signatures,
    requiredSigners,
    allRequiredSigned: requiredSigners.every((s) => s.signed) && signatures.every((s) => required.has(s.personId)),
  };
}

/** A correction to locked minutes: a hashed addendum written by the secretary or chair; the minutes never change. */
export async function addAddendum(db: Executor, actor: Actor, meetingId: string, input: AddendumInput): Promise<string> {
  const m = await loadReadableMeeting(db, actor, meetingId);
  const row = await repo.findByMeeting(db, meetingId);
  if (row?.status !== 'locked') {
    throw new AppError('INVALID_STATE', { params: { message: 'Chỉ lập phụ lục đính chính khi biên bản đã khóa' } });
  }
  authorize(actor, 'write', m.access);
  const content = sanitizeRichText(input.content);
  if (!plainText(content)) throw fieldError('content', 'Cần ghi nội dung đính chính');
  const textHash = sha256(canonicalAddendum({ minutesId: row.id, minutesHash: row.textHash ?? '', content }));
  const created = await repo.insertAddendum(db, { minutesId: row.id, content, textHash, createdBy: actor.personId });
  await audit(db, actor, {
    action: 'minutes.addendum',
    entityType: 'minutes',
    entityId: row.id,
    orgId: m.meeting.hostOrgId,
    after: { textHash },
  });
  return created.id;
}

/** A participant signs an addendum (once); the addendum row is locked so concurrent signatures all count. */
export async function signAddendum(db: Executor, actor: Actor, meetingId: string, addendumId: string): Promise<void> {
  const m = await loadReadableMeeting(db, actor, meetingId);
  const row = await repo.findByMeeting(db, meetingId);
  if (!row) throw notFound('biên bản');
  const addendum = await repo.addendumForUpdate(db, row.id, addendumId);
  if (!addendum) throw notFound('phụ lục');
  const roles = await signersOf(db, m.meeting, row);
  authorize(actor, 'sign', { signers: roles });
  const list = addendum.signatures as Array<{ personId: string }>;
  if (list.some((s) => s.personId === actor.personId)) return;
  const entry = { personId: actor.personId, fullName: actor.fullName, signedAt: new Date().toISOString(), textHash: addendum.textHash };
  await repo.setAddendumSignatures(db, addendum.id, [...list, entry]);
}
