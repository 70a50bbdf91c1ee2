import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuth, requireSessionBeforeValidation } from './lib/auth';
import type { AppContext } from './lib/context';
import { isMissingFile, mapError } from './lib/errorMapping';
import { fileStoreOf } from './lib/files/create';
import { refuseUnsafeText } from './lib/requestText';
import { registerModules } from './modules';

export type App = FastifyInstance;

const webDist = path.resolve(import.meta.dirname, '../../dist/web');
const webAssets = path.join(webDist, 'assets') + path.sep;

/** Security headers of every answer; also called for the router's own refusals, which skip the onSend hooks. */
function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
  if (!request.url.startsWith('/api/docs')) {
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
  }
  if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
}

/** Builds the Fastify app: plugins, error mapping, auth, every feature module and the web UI. */
export async function buildApp(input: AppContext, opts: { logger?: boolean } = {}): Promise<App> {
  const ctx: AppContext = { ...input, files: fileStoreOf(input) };
  await ctx.files?.init();
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimitBytes,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID()),
    // Only a configured reverse proxy may name the client's address: otherwise a forged X-Forwarded-For would
    // bypass the per-address log-in limit and falsify the address in sessions and logs.
    trustProxy: ctx.config.trustProxy,
    ajv: { customOptions: { coerceTypes: false } },
    // Router refusals (a path parameter over 100 characters, a malformed URL) answer like every other error:
    // status and a Vietnamese body from the one mapping, instead of Fastify's English default.
    frameworkErrors: (error, request, rawReply) => {
      const mapped = mapError(error);
      // The handler's reply is typed for no route in particular; the plain reply type takes any status and body.
      const reply = rawReply as FastifyReply;
      setSecurityHeaders(request as FastifyRequest, reply);
      return reply.status(mapped.status).send(mapped.body);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const mapped = mapError(error);
    if (mapped.status >= 500 || isMissingFile(error)) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: mapped.body.code, fields: mapped.body.fields }, 'request refused');
    return reply.status(mapped.status).send(mapped.body);
  });

  app.addHook('onSend', async (request, reply) => {
    setSecurityHeaders(request, reply);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Liên Trường API', description: 'API của nền tảng sinh hoạt chuyên môn liên trường', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lt_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  refuseUnsafeText(app);
  registerAuth(app, ctx);
  await app.register(
    async (api) => {
      requireSessionBeforeValidation(api);
      registerModules(api, ctx);
    },
    { prefix: '/api' },
  );

  if (existsSync(webDist)) {
    // wildcard: files are looked up on each request, so a rebuilt dist/web is served without a restart.
    // Vite names the files under assets/ by content hash, so they never change: a year, immutable. Other files
    // (favicon) keep an hour, index.html none. preCompressed serves the .br/.gz files the build writes next to each asset.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: false,
      preCompressed: true,
      maxAge: '365d',
      immutable: true,
      setHeaders: (reply, file) => {
        if (file.startsWith(webAssets)) return;
        // index.html names the current assets: always revalidated, so a new build shows at once.
        reply.header('cache-control', path.basename(file).startsWith('index.html') ? 'no-cache' : 'public, max-age=3600');
      },
    });
    const sendIndex = (reply: FastifyReply) => reply.sendFile('index.html');
    // The bare root is a directory for @fastify/static (403 with index: false): it is the app's home page.
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/')) {
        return sendIndex(reply);
      }
      return reply.status(404).send({ code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn', fields: [] });
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.status(404).send({ code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn', fields: [] }),
    );
  }
  return app;
}
