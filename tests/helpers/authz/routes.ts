import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { AppContext } from '../../../src/server/lib/context';
import { registerModules } from '../../../src/server/modules';

/** One API route: method and URL pattern as registered ("/api/meetings/:id"), with its request schemas. */
export interface RouteKey {
  method: string;
  url: string;
  /** The route's zod body schema, when it declares one. */
  body?: ZodType;
  /** The route's zod querystring schema, when it declares one. */
  querystring?: ZodType;
}

/**
 * Every API route the app registers, collected with an onRoute hook on a bare Fastify instance that registers the same
 * modules under /api as buildApp does (HEAD twins of GET routes left out). The web UI's static files and the OpenAPI
 * pages are not API routes and are left out too.
 */
export async function collectApiRoutes(ctx: AppContext): Promise<RouteKey[]> {
  const f = Fastify({ logger: false });
  f.setValidatorCompiler(validatorCompiler);
  f.setSerializerCompiler(serializerCompiler);
  const routes: RouteKey[] = [];
  f.addHook('onRoute', (r) => {
    const schema = (r.schema ?? {}) as { body?: ZodType; querystring?: ZodType };
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) {
      if (method !== 'HEAD') routes.push({ method, url: r.url, body: schema.body, querystring: schema.querystring });
    }
  });
  await f.register(async (api) => registerModules(api, ctx), { prefix: '/api' });
  await f.ready();
  await f.close();
  return routes.sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}
