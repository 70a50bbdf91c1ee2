import { randomBytes } from 'node:crypto';
import type { ChangePasswordInput, LoginInput } from '../../../shared/schemas';
import type { Me } from '../../../shared/types';
import { type Actor, loadActor } from '../../lib/actor';
import { blockedForMinutes } from '../../lib/attemptLimit';
import { hashPassword, hashToken, newTokens, verifyPassword } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { AppError, fieldError } from '../../lib/errors';
import { topLevelCan } from './policy';
import * as authRepo from './repo';

// A real argon2id hash of a random string: verifying against it keeps unknown e-mails as slow as known ones.
let dummyHash: Promise<string> | undefined;

/** The "me" payload for an actor. */
export function toMe(actor: Actor, auth: { email: string; locale: 'vi' | 'en'; csrfToken: string }): Me {
  return {
    accountId: actor.accountId,
    personId: actor.personId,
    fullName: actor.fullName,
    email: auth.email,
    isAdmin: actor.isAdmin,
    locale: auth.locale,
    csrfToken: auth.csrfToken,
    positions: actor.roles.map((r) => ({ orgId: r.orgId, orgName: r.orgName, orgType: r.orgType, position: r.position })),
    can: topLevelCan(actor),
  };
}

async function checkRateLimit(ctx: AppContext, keys: string[]): Promise<void> {
  for (const key of keys) {
    const limit = key.startsWith('ip:') ? ctx.config.loginMaxFailures * 4 : ctx.config.loginMaxFailures;
    const minutes = await blockedForMinutes(ctx.database.db, key, limit, ctx.config.loginWindowMinutes);
    if (minutes !== null) throw new AppError('LOGIN_RATE_LIMITED', { params: { minutes } });
  }
}

/** Checks e-mail and password (with a rate limit per e-mail and per IP) and opens a session. */
export async function login(ctx: AppContext, input: LoginInput, client: { ip: string | null; userAgent: string | null }) {
  const db = ctx.database.db;
  const emailKey = `email:${input.email.toLowerCase()}`;
  const keys = client.ip ? [emailKey, `ip:${client.ip}`] : [emailKey];
  await checkRateLimit(ctx, keys);
  const found = await authRepo.findAccountByEmail(db, input.email);
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verifyPassword(found?.account.passwordHash ?? (await dummyHash), input.password);
  if (!found || !ok) {
    for (const key of keys) await authRepo.recordFailure(db, key);
    throw new AppError('BAD_CREDENTIALS');
  }
  if (found.account.disabledAt) throw new AppError('ACCOUNT_DISABLED');
  await authRepo.clearFailures(db, emailKey);
  const { token, csrfToken } = newTokens();
  const expiresAt = new Date(Date.now() + ctx.config.sessionTtlHours * 3_600_000);
  await authRepo.insertSession(db, { tokenHash: hashToken(token), accountId: found.account.id, csrfToken, expiresAt, ...client });
  await authRepo.touchLogin(db, found.account.id);
  const a = found.account;
  const actor = await loadActor(db, { accountId: a.id, personId: a.personId, fullName: found.fullName, isAdmin: a.isAdmin });
  return { token, expiresAt, me: toMe(actor, { email: a.email, locale: a.locale === 'en' ? 'en' : 'vi', csrfToken }) };
}

/** Changes the password after checking the current one; other sessions of the account are closed. */
export async function changePassword(ctx: AppContext, accountId: string, keepTokenHash: string, input: ChangePasswordInput) {
  const db = ctx.database.db;
  const account = await authRepo.findAccount(db, accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw fieldError('currentPassword', 'Mật khẩu hiện tại không đúng');
  }
  await authRepo.setPassword(db, accountId, await hashPassword(input.newPassword));
  await authRepo.deleteAccountSessions(db, accountId, keepTokenHash);
}
