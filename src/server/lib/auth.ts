import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as authRepo from '../modules/auth/repo';
import { type Actor, actorFromRoles, loadActor } from './actor';
import type { AppContext } from './context';
import { todayIso } from './dates';
import { AppError } from './errors';

export const SESSION_COOKIE = 'lt_session';

/** The logged-in account behind a request. */
export interface Auth {
  accountId: string;
  personId: string;
  isAdmin: boolean;
  fullName: string;
  email: string;
  locale: 'vi' | 'en';
  csrfToken: string;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
    actorPromise: Promise<Actor> | null;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (log-in, health, calendar feeds with their secret URL). */
    public?: boolean;
  }
}

/** Hashes a password with argon2id (library defaults: m=19 MiB, t=2, p=1). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against its argon2id hash. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** SHA-256 of a session token: the database never holds a usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random session token and CSRF token. */
export function newTokens(): { token: string; csrfToken: string } {
  return { token: randomBytes(32).toString('base64url'), csrfToken: randomBytes(24).toString('base64url') };
}

/** Sets the session cookie (httpOnly, SameSite=Lax, Secure when configured). */
export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    expires: expiresAt,
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Loads the session from the cookie on every request and enforces CSRF on writes. */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('actorPromise', null);
  app.addHook('onRequest', async (request, reply) => {
    request.auth = null;
    request.actorPromise = null;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const tokenHash = hashToken(token);
    const row = await authRepo.findSessionWithRoles(ctx.database.db, tokenHash, todayIso());
    if (!row || row.expiresAt.getTime() <= Date.now() || row.disabledAt) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.auth = {
      accountId: row.accountId,
      personId: row.personId,
      isAdmin: row.isAdmin,
      fullName: row.fullName,
      email: row.email,
      locale: row.locale === 'en' ? 'en' : 'vi',
      csrfToken: row.csrfToken,
      tokenHash,
    };
    request.actorPromise = Promise.resolve(actorFromRoles(request.auth, row.roles));
    const ttlMs = ctx.config.sessionTtlHours * 3_600_000;
    if (row.expiresAt.getTime() - Date.now() < ttlMs / 2) {
      const expiresAt = new Date(Date.now() + ttlMs);
      await authRepo.extendSession(ctx.database.db, tokenHash, expiresAt);
      setSessionCookie(reply, ctx, token, expiresAt);
    }
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== row.csrfToken) {
      throw new AppError('CSRF');
    }
  });
}

/**
 * Every API route but the public ones needs a session, checked before the request's schema: a caller who is not
 * logged in learns nothing about a route's fields, and always gets 401.
 */
export function requireSessionBeforeValidation(api: FastifyInstance): void {
  api.addHook('preValidation', async (request) => {
    if (!request.auth && !request.routeOptions.config?.public) throw new AppError('UNAUTHENTICATED');
  });
}

/** The request's account, or a 401. */
export function requireAuth(request: FastifyRequest): Auth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

/** The request's actor (account with its current positions), loaded once per request; 401 when logged out. */
export function requireActor(request: FastifyRequest, ctx: AppContext): Promise<Actor> {
  const auth = requireAuth(request);
  request.actorPromise ??= loadActor(ctx.database.db, auth);
  return request.actorPromise;
}
