import type { SigningPinInput, SigningPinStatus } from '../../../shared/venueSigning';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { hashPassword } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import * as authRepo from './repo';

/**
 * The personal PIN for signing at the venue (decision 0028). Only its owner, logged in, sets or removes it: the routes
 * take no account id, the actor's own account is the one changed. Stored as an argon2id hash, like passwords.
 */
async function ownAccount(db: Executor, actor: Actor) {
  const account = await authRepo.findAccount(db, actor.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  return account;
}

/** Whether the actor has set a PIN, and when. */
export async function pinStatus(db: Executor, actor: Actor): Promise<SigningPinStatus> {
  const account = await ownAccount(db, actor);
  return { set: account.signingPinHash !== null, setAt: account.signingPinSetAt?.toISOString() ?? null };
}

/** Sets or replaces the actor's own PIN (audited without the PIN). */
export async function setPin(db: Executor, actor: Actor, input: SigningPinInput): Promise<SigningPinStatus> {
  const account = await ownAccount(db, actor);
  await authRepo.setSigningPin(db, account.id, await hashPassword(input.pin));
  await audit(db, actor, { action: 'account.signingPin.set', entityType: 'account', entityId: account.id, orgId: null });
  return pinStatus(db, actor);
}

/** Removes the actor's own PIN: from then on they sign at the venue with their password only. */
export async function clearPin(db: Executor, actor: Actor): Promise<SigningPinStatus> {
  const account = await ownAccount(db, actor);
  await authRepo.setSigningPin(db, account.id, null);
  await audit(db, actor, { action: 'account.signingPin.clear', entityType: 'account', entityId: account.id, orgId: null });
  return pinStatus(db, actor);
}
