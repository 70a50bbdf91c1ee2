import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type App, buildApp } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import { type Database, type Db, openPostgres } from '../../src/server/db/client';
import type { Mailer, MailMessage } from '../../src/server/lib/mail';
import { createFromTemplate, pgliteFromTemplate, postgresTemplate } from './templates';

/**
 * A database just for one test file: in-memory PGlite, or a new PostgreSQL database when DATABASE_URL is set. It is
 * migrated and holds the reference data; with `demo`, the demo data too. Both come from templates (see templates.ts).
 */
export async function createTestDatabase(
  options: { demo?: boolean | 'plain' } = {},
): Promise<{ database: Database; url: string | undefined; drop: () => Promise<void> }> {
  // 'plain': the demo's orgs, people, networks and rules without the years' plans, meetings and reports, for tests
  // that build a known term of their own on it (tests/helpers/reportWorld.ts).
  const kind = options.demo === 'plain' ? 'demoPlain' : options.demo ? 'demo' : 'base';
  const base = process.env.DATABASE_URL;
  if (!base) {
    const database = await pgliteFromTemplate(kind);
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `lt_test_${randomBytes(6).toString('hex')}`;
  await createFromTemplate(base, name, await postgresTemplate(base, kind));
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 10);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A logged-in (or anonymous) HTTP client on the in-process app: keeps the cookie and sends the CSRF header. */
export class TestClient {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly app: App) {}

  /** Sends a request; body is JSON unless a string payload and content type are given. */
  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
    if (body !== undefined && !isRaw) h['content-type'] = 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      payload: body === undefined ? undefined : isRaw ? (body as string) : JSON.stringify(body),
    });
    const setCookie = res.headers['set-cookie'];
    const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    for (const c of cookies) {
      const [pair] = c.split(';');
      if (pair.startsWith('lt_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  /** Logs in; throws if the log-in fails. */
  async login(email: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    this.csrf = res.json().csrfToken;
    return this;
  }
}

export interface TestApp {
  app: App;
  db: Db;
  database: Database;
  config: Config;
  mail: MailMessage[];
  client(): TestClient;
  close(): Promise<void>;
}

/** Builds the real app on a fresh database for one test file. */
export async function createTestApp(overrides: Partial<Config> = {}, options: { demo?: boolean | 'plain' } = {}): Promise<TestApp> {
  const { database, url, drop } = await createTestDatabase(options);
  const config = loadConfig({ databaseUrl: url, logLevel: 'silent', ...overrides });
  const mail: MailMessage[] = [];
  const mailer: Mailer = { send: async (m) => void mail.push(m) };
  const app = await buildApp({ database, config, mailer }, { logger: false });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    config,
    mail,
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
