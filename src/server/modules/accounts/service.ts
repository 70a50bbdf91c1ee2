import type { AccountInput } from '../../../shared/schemas';
import type { AccountRow } from '../../../shared/types';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { hashPassword } from '../../lib/auth';
import { fieldError, notFound } from '../../lib/errors';
import * as authRepo from '../auth/repo';
import * as peopleRepo from '../people/repo';
import { authorize } from './policy';
import * as repo from './repo';

function toRow(r: NonNullable<Awaited<ReturnType<typeof repo.findRow>>>): AccountRow {
  return { ...r, disabledAt: r.disabledAt?.toISOString() ?? null, lastLoginAt: r.lastLoginAt?.toISOString() ?? null };
}

/** Every account (admins only). */
export async function list(db: Executor, actor: Actor): Promise<AccountRow[]> {
  authorize(actor, 'list');
  return (await repo.list(db)).map(toRow);
}

/** Creates an account for a person. */
export async function create(tx: Executor, actor: Actor, input: Required<AccountInput>): Promise<AccountRow> {
  authorize(actor, 'create');
  const person = await peopleRepo.findById(tx, input.personId);
  if (!person) throw fieldError('personId', 'Người này không tồn tại');
  if (await peopleRepo.hasAccount(tx, person.id)) throw fieldError('personId', 'Người này đã có tài khoản');
  const passwordHash = await hashPassword(input.password);
  const account = await repo.insert(tx, { personId: person.id, email: input.email.toLowerCase(), passwordHash, isAdmin: input.isAdmin });
  await audit(tx, actor, {
    action: 'create',
    entityType: 'account',
    entityId: account.id,
    orgId: null,
    after: { personId: person.id, email: account.email, isAdmin: account.isAdmin },
  });
  const row = await repo.findRow(tx, account.id);
  if (!row) throw notFound('tài khoản');
  return toRow(row);
}

/** Disables (and logs out) or re-enables an account. An admin cannot disable their own account. */
export async function setDisabled(tx: Executor, actor: Actor, id: string, disabled: boolean): Promise<AccountRow> {
  authorize(actor, 'setDisabled');
  const before = await repo.findRow(tx, id);
  if (!before) throw notFound('tài khoản');
  if (disabled && id === actor.accountId) throw fieldError('id', 'Không thể tự khóa tài khoản của chính mình');
  await repo.setDisabled(tx, id, disabled ? new Date() : null);
  if (disabled) await authRepo.deleteAccountSessions(tx, id);
  await audit(tx, actor, {
    action: disabled ? 'disable' : 'enable',
    entityType: 'account',
    entityId: id,
    orgId: null,
    before: { disabledAt: before.disabledAt },
    after: { disabled },
  });
  const row = await repo.findRow(tx, id);
  if (!row) throw notFound('tài khoản');
  return toRow(row);
}
