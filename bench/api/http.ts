import { fork } from 'node:child_process';
import path from 'node:path';
import type { LoadPlan, LoadRequest, LoadResult } from './load';

/** A logged-in user of the benchmark: the session cookie and the CSRF token writes must send. */
export interface Session {
  email: string;
  personId: string;
  accountId: string;
  cookie: string;
  csrf: string;
  token: string;
}

/** Logs in over HTTP like the web UI does; undefined when the account refuses the password. */
export async function login(base: string, email: string, password: string): Promise<Session | undefined> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) return undefined;
  const me = (await res.json()) as { csrfToken: string; personId: string; accountId: string };
  const pair = (res.headers.getSetCookie().find((c) => c.startsWith('lt_session=')) ?? '').split(';')[0];
  return {
    email,
    personId: me.personId,
    accountId: me.accountId,
    cookie: pair,
    csrf: me.csrfToken,
    token: pair.slice('lt_session='.length),
  };
}

/** A GET (or a write, with the CSRF header) as one load-generator request. */
export function request(s: Session, method: LoadRequest['method'], url: string, body?: unknown): LoadRequest {
  // what the web app's requests carry: the browser offers compressed answers (the dashboard takes it up)
  const headers: Record<string, string> = { cookie: s.cookie, 'accept-encoding': 'gzip, deflate, br' };
  if (method !== 'GET') {
    headers['x-csrf-token'] = s.csrf;
    headers['content-type'] = 'application/json';
  }
  return { method, path: url, headers, body: method === 'GET' ? undefined : JSON.stringify(body ?? {}) };
}

/** Sends one request now (used to check a route answers 2xx before loading it, and to capture its SQL). */
export async function send(base: string, r: LoadRequest): Promise<{ status: number; text: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body });
      return { status: res.status, text: await res.text() };
    } catch (err) {
      // A kept-alive socket the server closed while idle (after a long bare run) resets once; a new one works.
      if (attempt >= 2) throw err;
    }
  }
}

/** Runs autocannon in a child process, so the load generator does not share the app's event loop. */
export function load(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    let answered = false;
    child.once('message', (r) => {
      answered = true;
      resolve(r as LoadResult);
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(plan);
  });
}
