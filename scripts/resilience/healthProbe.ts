import { type ChildProcess, spawn } from 'node:child_process';

/**
 * /api/health probed every 50 ms from a process of its own, so that what the probe measures is the app's answer and
 * not the wait of a client process busy sending the big uploads itself (fetch encodes and sends each 28 MiB form on
 * the sender's event loop). Each probe prints "status milliseconds"; a 2 s time-out counts as status 0.
 */
const PROBE = `
const url = process.argv[1];
let on = true;
process.stdin.on('end', () => { on = false; });
process.stdin.resume();
(async () => {
  while (on) {
    const t = performance.now();
    let status = 0;
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      status = r.status;
    } catch {}
    process.stdout.write(status + ' ' + (performance.now() - t).toFixed(1) + '\\n');
    await new Promise((r) => setTimeout(r, 50));
  }
  process.exit(0);
})();
`;

/** A running prober: stop() ends it and gives each probe's status and latency. */
export interface HealthProber {
  stop(): Promise<Array<{ status: number; ms: number }>>;
}

/** Starts probing `${base}/api/health` from a separate Node process. */
export function startHealthProber(base: string): HealthProber {
  const child: ChildProcess = spawn(process.execPath, ['-e', PROBE, `${base}/api/health`], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    async stop() {
      child.stdin?.end();
      await exited;
      return out
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [status, ms] = line.split(' ');
          return { status: Number(status), ms: Number(ms) };
        });
    },
  };
}
