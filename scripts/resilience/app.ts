import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The app as a child process, started the way `npm start` starts it (the server entry, without the web build). */
export class AppProcess {
  private child: ChildProcess | undefined;
  readonly base: string;
  starts = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logDir: string,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and waits until /api/health answers 200 (first start seeds the demo data). */
  async start(timeoutMs = 180_000): Promise<void> {
    this.starts++;
    const log = createWriteStream(path.join(this.logDir, `${this.name}-${this.starts}.log`));
    const child = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(this.port), LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (exited) throw new Error(`${this.name}: tiến trình dừng khi khởi động (xem ${log.path})`);
      if ((await this.health()) === 200) return;
      await sleep(250);
    }
    throw new Error(`${this.name}: không sẵn sàng sau ${timeoutMs / 1000} s`);
  }

  /** Status of /api/health, or 0 when nothing answers. */
  async health(): Promise<number> {
    try {
      const res = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  }

  /** Sends a signal and waits for the process to exit. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await gone;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
