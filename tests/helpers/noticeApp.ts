import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type App, buildApp } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import { type Database, migrateDatabase, openPglite, openPostgres } from '../../src/server/db/client';
import type { AppContext } from '../../src/server/lib/context';
import { createMailer } from '../../src/server/lib/mail';
import { ensureReferenceData } from '../../src/server/seed/reference';
import { TestClient } from './testApp';

/**
 * A database that can be closed and opened again, to stand for an app restart: PGlite in a temporary directory,
 * or a new PostgreSQL database when DATABASE_URL is set.
 */
export async function reopenableDatabase(): Promise<{ url: string | undefined; open(): Promise<Database>; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), 'lt-notify-'));
    return {
      url: undefined,
      open: async () => {
        const database = await openPglite(dir);
        await migrateDatabase(database);
        await ensureReferenceData(database.db);
        return database;
      },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `lt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    open: async () => {
      const database = await openPostgres(url.toString(), 5);
      await migrateDatabase(database, url.toString());
      await ensureReferenceData(database.db);
      return database;
    },
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The real app on an open database, sending mail over SMTP to `smtpUrl`; the scheduler is not started. */
export async function buildNoticeApp(
  database: Database,
  url: string | undefined,
  smtpUrl: string,
  overrides: Partial<Config> = {},
): Promise<{ app: App; ctx: AppContext; client(): TestClient; close(): Promise<void> }> {
  const config = loadConfig({ databaseUrl: url, logLevel: 'silent', schedulerIntervalSeconds: 0, ...overrides });
  const ctx: AppContext = { database, config, mailer: createMailer(smtpUrl, config.mailFrom, () => undefined) };
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return { app, ctx, client: () => new TestClient(app), close: () => app.close() };
}
