import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { type App, buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { type Database, openPostgres } from '../../src/server/db/client';
import { demoLogins } from '../../src/server/seed/demo';
import { createTestDatabase } from '../helpers/testApp';
import { type Cluster, startCluster } from './nginxCluster';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export interface E2E {
  baseUrl: string;
  app: App;
  database: Database;
  browser: Browser;
  password: string;
  emails: string[];
  /** A fresh browser context (own cookies) at a viewport size. */
  context(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** The deployment of issue 6 behind nginx: no in-process app, but the cluster's processes, logs and access log. */
export interface E2ECluster extends Omit<E2E, 'app'> {
  cluster: Cluster;
  /** Indexes of the app processes that printed the demo data's log-ins (the one that seeded; exactly one expected). */
  seededBy: number[];
}

/** Options of startE2E: `nginx` runs the app as that many OS processes behind nginx instead of in-process. */
export interface E2EOptions {
  nginx?: { processes: number };
  /** The demo without the years' plans, meetings and reports (for a known term built by the test). */
  plainDemo?: boolean;
}

/** Starts the real app with the demo data on a fresh database, on a loopback port, and a headless Chromium. */
export async function startE2E(opts?: { plainDemo?: boolean }): Promise<E2E>;
/** Starts N app processes on one PostgreSQL database and one DATA_DIR, nginx in front, and a headless Chromium. */
export async function startE2E(opts: { nginx: { processes: number } }): Promise<E2ECluster>;
export async function startE2E(opts: E2EOptions = {}): Promise<E2E | E2ECluster> {
  if (opts.nginx) return startBehindNginx(opts.nginx.processes);
  const { database, url, drop } = await createTestDatabase({ demo: opts.plainDemo ? 'plain' : true });
  const logins = demoLogins();
  const config = loadConfig({ databaseUrl: url, logLevel: 'warn', host: '127.0.0.1', port: 0 });
  const app = await buildApp({ database, config, mailer: { send: async () => undefined } }, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    baseUrl,
    app,
    database,
    browser,
    password: logins.password,
    emails: logins.accounts.map((a) => a.email),
    context: (viewport = DESKTOP) => browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', baseURL: baseUrl }),
    close: async () => {
      await browser.close();
      await app.close();
      await drop();
    },
  };
}

async function startBehindNginx(processes: number): Promise<E2ECluster> {
  const cluster = await startCluster(processes);
  try {
    // The demo data is seeded by whichever process won the first-start lock; its banner gives the shared password.
    const seededBy = cluster.upstreams
      .map((_, i) => i)
      .filter((i) => cluster.output(i).some((l) => l.startsWith('Dữ liệu mẫu đã được tạo')));
    const banner = seededBy.length > 0 ? cluster.output(seededBy[0]) : [];
    const password = banner.map((l) => l.match(/mật khẩu chung: (\S+)\)/)?.[1]).find(Boolean);
    if (!password) throw new Error(`no demo log-ins printed by the app processes:\n${cluster.output(0).slice(-20).join('\n')}`);
    const emails = banner.flatMap((l) => l.match(/^ {2}- .*\s(\S+@\S+)$/)?.[1] ?? []);
    const database = await openPostgres(cluster.databaseUrl, 2);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const baseUrl = cluster.baseUrl;
    return {
      baseUrl,
      database,
      browser,
      password,
      emails,
      cluster,
      seededBy,
      context: (viewport = DESKTOP) => browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', baseURL: baseUrl }),
      close: async () => {
        await browser.close();
        await database.close();
        await cluster.close();
      },
    };
  } catch (error) {
    await cluster.close();
    throw error;
  }
}

/** Logs in through the log-in form and waits for the home page. */
export async function login(page: Page, email: string, password: string): Promise<void> {
  // The form is what the log-in needs: waiting for "load" (every subresource) timed out twice in 30 s through nginx
  // with the whole suite on both cores; filling the field waits for it to appear.
  await page.goto('/login', { waitUntil: 'domcontentloaded' });
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => new URL(u).pathname === '/');
}

// Screenshots go to test-results/screenshots; UPDATE_SCREENSHOTS=1 refreshes the ones kept in docs/screenshots.
const shotsDir = path.resolve(
  import.meta.dirname,
  process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots' : '../../test-results/screenshots',
);

/** Saves a screenshot of the page (look at them after UI work). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Clicks a button inside a panel that has just started to open (an accordion item) until what it opens is there.
 * On a loaded machine Playwright can see the sliding panel as "stable" between two slow frames and click where the
 * button was a moment before; the click then lands on the panel and nothing opens. A second click is harmless here:
 * it is only sent while the dialog it opens is still absent.
 */
export async function clickUntilShown(button: Locator, shown: Locator, tries = 5): Promise<void> {
  for (let i = 0; i < tries; i++) {
    await button.click();
    try {
      await shown.first().waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch {
      if (i === tries - 1) throw new Error(`clicking ${button} never showed ${shown}`);
    }
  }
}
