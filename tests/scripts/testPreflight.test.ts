import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Facts, planPreflight, type Tool } from '../../scripts/preflight/plan';

const ALL: Tool['name'][] = ['chromium', 'soffice', 'pdftotext', 'softhsm2-util', 'pkcs11-tool', 'nginx'];
/** The signature tests' token and its tool (decision 0032), present unless a test says otherwise. */
const PKI: Tool['name'][] = ['softhsm2-util', 'pkcs11-tool'];
const facts = (over: Partial<Facts>): Facts => ({
  project: 'all',
  postgres: false,
  present: new Set(ALL),
  root: false,
  hasAptGet: true,
  installAllowed: true,
  ...over,
});

describe('test preflight: what is missing decides the plan', () => {
  it('does nothing when every needed tool is there', () => {
    expect(planPreflight(facts({}))).toEqual({ action: 'ok' });
    // nginx is needed only with DATABASE_URL.
    expect(planPreflight(facts({ present: new Set(['chromium', 'soffice', 'pdftotext', ...PKI]) }))).toEqual({ action: 'ok' });
  });

  it('installs the missing packages when root with apt-get', () => {
    const plan = planPreflight(facts({ root: true, postgres: true, present: new Set(['pdftotext']) }));
    expect(plan.action).toBe('install');
    if (plan.action !== 'install') return;
    expect(plan.missing.map((t) => t.name)).toEqual(['chromium', 'soffice', 'softhsm2-util', 'pkcs11-tool', 'nginx']);
    expect(plan.packages).toEqual(['chromium', 'libreoffice-writer-nogui', 'fonts-liberation', 'softhsm2', 'openssl', 'opensc', 'nginx']);
  });

  it('stops with the sudo command when not root, naming each missing program', () => {
    const plan = planPreflight(facts({ present: new Set(['soffice', 'nginx', ...PKI]) }));
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') return;
    expect(plan.command).toBe('sudo apt-get install -y chromium poppler-utils');
    expect(plan.message).toContain('chromium: trình duyệt cho kiểm thử giao diện');
    expect(plan.message).toContain('pdftotext');
    expect(plan.message).toContain('  sudo apt-get install -y chromium poppler-utils');
  });

  it('stops (no sudo) when root but installing is forbidden or apt-get is absent', () => {
    for (const over of [{ installAllowed: false }, { hasAptGet: false }]) {
      const plan = planPreflight(facts({ root: true, present: new Set(), ...over }));
      expect(plan.action).toBe('stop');
      if (plan.action === 'stop')
        expect(plan.command).toBe(
          'apt-get install -y chromium libreoffice-writer-nogui fonts-liberation poppler-utils softhsm2 openssl opensc',
        );
    }
  });

  it('checks per project: the server tests need no browser, the browser tests no LibreOffice', () => {
    expect(planPreflight(facts({ project: 'server', present: new Set(['soffice', 'pdftotext', ...PKI]) }))).toEqual({ action: 'ok' });
    const noToken = planPreflight(facts({ project: 'server', present: new Set(['soffice', 'pdftotext']) }));
    expect(noToken.action === 'stop' && noToken.command).toBe('sudo apt-get install -y softhsm2 openssl opensc');
    expect(planPreflight(facts({ project: 'e2e', present: new Set(['chromium']) }))).toEqual({ action: 'ok' });
    const e2e = planPreflight(facts({ project: 'e2e', postgres: true, present: new Set(['chromium']) }));
    expect(e2e.action === 'stop' && e2e.command).toBe('sudo apt-get install -y nginx');
  });
});

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/testPreflight.ts');

describe('test preflight: the real script on a machine without the programs', () => {
  it.runIf(process.getuid?.() === 0)('as root, runs apt-get update then install of the missing packages', () => {
    // A stand-in apt-get on PATH records its arguments and "installs" the programs into the same folder.
    const bin = mkdtempSync(path.join(tmpdir(), 'lt-fakeapt-'));
    const fake = [
      '#!/bin/sh',
      `echo "$*" >> ${bin}/log`,
      `for p in soffice pdftotext softhsm2-util pkcs11-tool chromium; do printf '#!/bin/sh\\n' > ${bin}/$p; /bin/chmod +x ${bin}/$p; done`,
    ];
    writeFileSync(path.join(bin, 'apt-get'), `${fake.join('\n')}\n`);
    chmodSync(path.join(bin, 'apt-get'), 0o755);
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: bin, HOME: process.env.HOME, CHROMIUM_PATH: path.join(bin, 'chromium') },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(bin, 'log'), 'utf8')).toBe(
      'update -qq\ninstall -y -qq chromium libreoffice-writer-nogui fonts-liberation poppler-utils softhsm2 openssl opensc\n',
    );
  });

  it('exits non-zero at once, naming the command, when it may not install', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'lt-nopath-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: empty, HOME: process.env.HOME, CHROMIUM_PATH: path.join(empty, 'chromium'), LT_TEST_NO_INSTALL: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Chưa thể chạy kiểm thử');
    const cmd = process.getuid?.() === 0 ? 'apt-get install -y' : 'sudo apt-get install -y';
    expect(r.stderr).toContain(`  ${cmd} chromium libreoffice-writer-nogui fonts-liberation poppler-utils softhsm2 openssl opensc`);
  });
});
