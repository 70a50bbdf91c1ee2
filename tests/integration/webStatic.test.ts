import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * How the built web UI is served: the page shell at `/` and at any app path, never cached; hashed assets cached for a
 * year (immutable) and sent pre-compressed (brotli, else gzip) to browsers that accept it. Needs a build in dist/web.
 */
const dist = path.resolve(import.meta.dirname, '../../dist/web');
const built = existsSync(path.join(dist, 'index.html'));
if (!built) console.warn('SKIP: dist/web is not built (npm run build:web): static serving not checked');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe.skipIf(!built)('web UI files', () => {
  it('serves the page shell at the root and at app paths, revalidated every time', async () => {
    for (const url of ['/', '/login', '/meetings/mine']) {
      const res = await t.client().get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('shows a Vietnamese loading screen before the scripts run, with no inline script (the CSP forbids them)', async () => {
    const res = await t.client().get('/meetings/mine');
    const root = res.body.slice(res.body.indexOf('<div id="root">'));
    expect(root).toContain('Đang tải…');
    expect(root).toContain('role="status"');
    expect(res.body).toContain('Cần bật JavaScript');
    const scripts = res.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc="\/assets\/[^"]+\.js"/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('sends hashed assets immutable for a year, brotli or gzip as accepted, and plain otherwise', async () => {
    // The largest script of the build (the entry itself may be a few bytes that only import the shared code, too
    // small to be precompressed).
    const js = readdirSync(path.join(dist, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .sort((a, b) => statSync(path.join(dist, 'assets', b)).size - statSync(path.join(dist, 'assets', a)).size)[0];
    expect(js).toBeTruthy();
    const url = `/assets/${js}`;
    const get = (encoding?: string) => t.client().request('GET', url, undefined, encoding ? { 'accept-encoding': encoding } : {});
    const br = await get('gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['content-type']).toContain('javascript');
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBeGreaterThan(Number(br.headers['content-length']));
    expect((await t.client().get('/assets/nope-123.js')).statusCode).toBe(404);
  });
});
