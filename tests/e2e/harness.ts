import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type App, buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { seedDemo } from '../../src/server/seed/demo';
import { createTestDatabase } from '../helpers/testApp';

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

/** Starts the real app with the demo data on a fresh database, on a loopback port, and a headless Chromium. */
export async function startE2E(): Promise<E2E> {
  const { database, url, drop } = await createTestDatabase();
  const logins = await database.db.transaction((tx) => seedDemo(tx));
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

/** Logs in through the log-in form and waits for the home page. */
export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
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
