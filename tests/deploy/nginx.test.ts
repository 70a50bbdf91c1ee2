import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNginx, upstreamBlock } from '../e2e/nginxCluster';

const root = path.resolve(import.meta.dirname, '../..');
const nginx = findNginx();

/**
 * The shipped site file as a whole (TLS server, redirect, upstream, proxy snippet) passes `nginx -t`; the browser
 * test journeyNginx.e2e.ts runs its upstream block and snippet with real traffic.
 */
describe.skipIf(!nginx)(`deploy/nginx${nginx ? '' : ' (skipped: nginx is not installed; .ci/run installs it)'}`, () => {
  it('passes nginx -t with a certificate in place of the real one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lt-nginx-t-'));
    try {
      const cert = path.join(dir, 'cert.pem');
      const key = path.join(dir, 'key.pem');
      const made = spawnSync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=test',
      ]);
      expect(made.status, made.stderr?.toString()).toBe(0);
      const site = readFileSync(path.join(root, 'deploy/nginx/lientruong.conf'), 'utf8')
        .replace(/\/etc\/letsencrypt\/live\/[^/]+\/fullchain\.pem/, cert)
        .replace(/\/etc\/letsencrypt\/live\/[^/]+\/privkey\.pem/, key)
        .replace('/etc/nginx/snippets/lientruong-proxy.conf', path.join(root, 'deploy/nginx/lientruong-proxy.conf'));
      writeFileSync(path.join(dir, 'site.conf'), site);
      const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${path.join(dir, t)};`).join(' ');
      writeFileSync(
        path.join(dir, 'nginx.conf'),
        `pid ${dir}/nginx.pid;\nevents {}\nhttp { access_log off; ${temp} include ${dir}/site.conf; }\n`,
      );
      const checked = spawnSync(nginx as string, [
        '-t',
        '-q',
        '-c',
        path.join(dir, 'nginx.conf'),
        '-p',
        dir,
        '-e',
        path.join(dir, 'error.log'),
      ]);
      expect(checked.stderr.toString()).toBe('');
      expect(checked.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the upstream options when the test points the upstream at its own ports', () => {
    const block = upstreamBlock([4001, 4002]);
    expect(block).toContain('server 127.0.0.1:4001 max_fails=3 fail_timeout=10s;');
    expect(block).toContain('server 127.0.0.1:4002 max_fails=3 fail_timeout=10s;');
    expect(block).toContain('keepalive 32;');
    expect(block).not.toContain(':3001');
  });
});
