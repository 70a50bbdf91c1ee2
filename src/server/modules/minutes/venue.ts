import type { VenueSignInput } from '../../../shared/venueSigning';
import type { Actor } from '../../lib/actor';
import { blockedForMinutes, recordFailedAttempt } from '../../lib/attemptLimit';
import { verifyPassword } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { AppError, fieldError } from '../../lib/errors';
import { inTransaction } from '../../lib/tx';
import { loadReadableMeeting } from '../attendance/access';
import * as authRepo from '../auth/repo';
import { signersOf } from './frozen';
import { authorize } from './policy';
import * as repo from './repo';
import { assertSignable, recordSignature } from './signing';

/**
 * Signing at the venue (decision 0028): the meeting's secretary or chair holds the device, a required signer proves who
 * they are with their own PIN or password, and the signature is theirs (method, device holder and user agent kept with
 * it). Wrong secrets count against the signer (and, four times looser, against the device holder) in the log-in
 * limiter's table, outside the signing transaction so a refusal still counts; the signature itself goes through the
 * one signing path (`recordSignature`), which checks everything again under the minutes row lock.
 */
export async function venueSign(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  input: VenueSignInput,
  device: string | null,
): Promise<{ locked: boolean }> {
  const db = ctx.database.db;
  // Every id is authorised before any secret is looked at.
  const m = await loadReadableMeeting(db, actor, meetingId);
  const row = await repo.findByMeeting(db, meetingId);
  assertSignable(row);
  authorize(actor, 'venueSign', { access: m.access, signers: await signersOf(db, m.meeting, row), signerId: input.personId });

  const { loginMaxFailures: limit, loginWindowMinutes: window } = ctx.config;
  const signerKey = `venue:signer:${input.personId}`;
  const holderKey = `venue:holder:${actor.personId}`;
  const keys: Array<[string, number]> = [
    [signerKey, limit],
    [holderKey, limit * 4],
  ];
  for (const [key, max] of keys) {
    const minutes = await blockedForMinutes(db, key, max, window);
    if (minutes !== null) throw new AppError('VENUE_SIGN_RATE_LIMITED', { params: { minutes } });
  }

  const account = await authRepo.findAccountByPerson(db, input.personId);
  if (!account || account.disabledAt) {
    throw fieldError('personId', 'Người ký chưa có tài khoản đang hoạt động nên không thể ký tại chỗ');
  }
  const field = input.pin !== undefined ? 'pin' : 'password';
  const hash = field === 'pin' ? account.signingPinHash : account.passwordHash;
  if (!hash) throw fieldError('pin', 'Người này chưa đặt mã PIN ký tại chỗ. Hãy nhập mật khẩu tài khoản của họ');
  if (!(await verifyPassword(hash, input.pin ?? input.password ?? ''))) {
    const left = await recordFailedAttempt(db, signerKey, limit, window);
    await recordFailedAttempt(db, holderKey, limit * 4, window);
    const wrong = field === 'pin' ? 'Mã PIN không đúng' : 'Mật khẩu không đúng';
    throw fieldError(field, left > 0 ? `${wrong}. Còn ${left} lần thử` : `${wrong}. Đã hết lượt thử, hãy thử lại sau ${window} phút`);
  }
  await authRepo.clearFailures(db, signerKey);
  return inTransaction(ctx, (tx) =>
    recordSignature(tx, actor, meetingId, input.personId, { method: field, heldBy: actor.personId, device }),
  );
}
