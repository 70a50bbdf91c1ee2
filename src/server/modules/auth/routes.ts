import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { meView } from '../../../shared/authViews';
import { changePasswordInput, loginInput } from '../../../shared/schemas';
import { signingPinInput, signingPinStatus } from '../../../shared/venueSigning';
import { noContent } from '../../../shared/views';
import { requireActor, requireAuth, SESSION_COOKIE, setSessionCookie } from '../../lib/auth';
import type { AppContext } from '../../lib/context';
import { inTransaction } from '../../lib/tx';
import * as authRepo from './repo';
import * as service from './service';
import * as signingPin from './signingPin';

/** Log in, log out, who am I, change password, the own signing PIN. */
export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], body: loginInput, response: { 200: meView } } },
    async (req, reply) => {
      const ua = req.headers['user-agent'];
      const result = await service.login(ctx, req.body, {
        ip: req.ip ?? null,
        userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null,
      });
      setSessionCookie(reply, ctx, result.token, result.expiresAt);
      return result.me;
    },
  );

  r.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: noContent } } }, async (req, reply) => {
    const auth = requireAuth(req);
    await authRepo.deleteSession(ctx.database.db, auth.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/auth/me', { schema: { tags: ['auth'], response: { 200: meView } } }, async (req) => {
    const auth = requireAuth(req);
    const actor = await requireActor(req, ctx);
    return service.toMe(actor, auth);
  });

  r.post(
    '/auth/change-password',
    { schema: { tags: ['auth'], body: changePasswordInput, response: { 204: noContent } } },
    async (req, reply) => {
      const auth = requireAuth(req);
      await service.changePassword(ctx, auth.accountId, auth.tokenHash, req.body);
      return reply.status(204).send();
    },
  );

  r.get('/auth/signing-pin', { schema: { tags: ['auth'], response: { 200: signingPinStatus } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return signingPin.pinStatus(ctx.database.db, actor);
  });

  r.put('/auth/signing-pin', { schema: { tags: ['auth'], body: signingPinInput, response: { 200: signingPinStatus } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return inTransaction(ctx, (tx) => signingPin.setPin(tx, actor, req.body));
  });

  r.delete('/auth/signing-pin', { schema: { tags: ['auth'], response: { 200: signingPinStatus } } }, async (req) => {
    const actor = await requireActor(req, ctx);
    return inTransaction(ctx, (tx) => signingPin.clearPin(tx, actor));
  });
}
