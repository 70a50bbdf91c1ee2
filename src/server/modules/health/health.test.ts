import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health, API documentation and headers', () => {
  it('/api/health answers with the database kind', async () => {
    const res = await t.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('serves the OpenAPI document generated from the zod schemas', async () => {
    const res = await t.client().get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/auth/login', '/api/orgs/tree', '/api/orgs/{id}/move', '/api/people', '/api/networks/{id}', '/api/imports']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    expect(JSON.stringify(doc.paths['/api/networks'].post.requestBody)).toContain('memberOrgIds');
    expect((await t.client().get('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('sets security headers and answers unknown API paths with a Vietnamese 404', async () => {
    const res = await t.client().get('/api/khong-co');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('Không tìm thấy đường dẫn');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
