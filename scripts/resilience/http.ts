/** One HTTP answer, or a transport failure (status 0, with the error code). */
export interface Answer {
  status: number;
  ms: number;
  body: string;
  error?: string;
}

/** A logged-in user of the app: keeps the session cookie and sends the CSRF token on writes. */
export class User {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(
    readonly base: string,
    readonly email: string,
    readonly personId: string,
  ) {}

  /** Sends a request; never throws (a socket error or a time-out is an answer with status 0). */
  async send(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<Answer> {
    const started = performance.now();
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    try {
      const res = await fetch(`${this.base}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
      const text = await res.text();
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        if (pair.startsWith('lt_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
      }
      return { status: res.status, ms: performance.now() - started, body: text };
    } catch (error) {
      const e = error as { name?: string; cause?: { code?: string }; code?: string };
      return { status: 0, ms: performance.now() - started, body: '', error: e.cause?.code ?? e.code ?? e.name ?? 'ERROR' };
    }
  }

  /** Logs in; throws when the answer is not 200. */
  async login(password: string): Promise<void> {
    const a = await this.send('POST', '/api/auth/login', { email: this.email, password });
    if (a.status !== 200) throw new Error(`Đăng nhập ${this.email} thất bại: ${a.status} ${a.error ?? a.body.slice(0, 200)}`);
    this.csrf = (JSON.parse(a.body) as { csrfToken: string }).csrfToken;
  }
}

/** Logs in many users, a few at a time (password hashing is deliberately slow). */
export async function loginAll(users: User[], password: string, concurrency = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < users.length) await users[next++].login(password);
    }),
  );
}

/** Percentile of a list of numbers (0–100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Whether an error answer is a JSON body with a Vietnamese message (accented letters) and no stack trace. */
export function vietnameseError(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; stack?: unknown };
    return (
      typeof parsed.message === 'string' && /[^\x20-\x7e]/.test(parsed.message) && parsed.stack === undefined && !/\n\s+at /.test(body)
    );
  } catch {
    return false;
  }
}
