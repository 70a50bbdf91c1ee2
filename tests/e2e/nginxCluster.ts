import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '../..');
/** The nginx files shipped for operators (docs/operations.md); the test runs their upstream block and proxy snippet. */
const siteConf = path.join(root, 'deploy/nginx/lientruong.conf');
const proxySnippet = path.join(root, 'deploy/nginx/lientruong-proxy.conf');
const READY_TIMEOUT_MS = 180_000;

/** One OS process with its output kept for assertions and diagnosis. */
interface Proc {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/** The deployment of issue 6: app processes on one PostgreSQL database and one DATA_DIR, nginx in front. */
export interface Cluster {
  /** nginx's address, e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  databaseUrl: string;
  dataDir: string;
  /** host:port of each app process, in start order. */
  upstreams: string[];
  /** Each app process's stdout and stderr lines (JSON log lines and the start banner). */
  output(i: number): string[];
  /** Each app process's JSON log entries (pino: level, msg, reqId…), other lines left out. */
  appLog(i: number): Array<{ level?: number; msg?: string; reqId?: string }>;
  /** nginx's access log, one entry per proxied request: request id, the upstream that answered, status, request line. */
  accessLog(): Array<{ requestId: string; upstream: string; status: number; request: string }>;
  close(): Promise<void>;
}

/** Finds nginx: NGINX_PATH, then PATH, then Debian's /usr/sbin/nginx. */
export function findNginx(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  const candidates = [process.env.NGINX_PATH, ...dirs.filter(Boolean).map((d) => path.join(d, 'nginx'))];
  return candidates.find((c): c is string => {
    if (!c) return false;
    try {
      accessSync(c, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  // Chunks end anywhere: keep each stream's unfinished last line until its newline arrives.
  const keep = () => {
    let rest = '';
    return (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines.filter(Boolean));
    };
  };
  child.stdout?.on('data', keep());
  child.stderr?.on('data', keep());
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

/** Polls url until it answers 200; fails early with the process's output when it exits. */
async function waitHealthy(url: string, proc: Proc, name: string): Promise<void> {
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${name} exited with ${exitCode}:\n${proc.output.slice(-40).join('\n')}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} not healthy at ${url} after ${READY_TIMEOUT_MS / 1000}s:\n${proc.output.slice(-40).join('\n')}`);
}

async function stop(proc: Proc, signal: NodeJS.Signals): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill(signal);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 30_000);
  await proc.exited;
  clearTimeout(timer);
}

/** The shipped upstream block with its server lines pointed at the test's ports (options such as keepalive kept). */
export function upstreamBlock(ports: number[]): string {
  const block = readFileSync(siteConf, 'utf8').match(/^upstream lientruong \{[\s\S]*?^\}/m)?.[0];
  const serverLine = block?.match(/^\s*server 127\.0\.0\.1:\d+(.*);$/m);
  if (!block || !serverLine) throw new Error(`${siteConf}: no "upstream lientruong" block with "server 127.0.0.1:PORT …;" lines`);
  const servers = ports.map((p) => `    server 127.0.0.1:${p}${serverLine[1]};`).join('\n');
  const rest = block
    .split('\n')
    .filter((l) => !/^\s*server 127\.0\.0\.1:\d+/.test(l) && !/^upstream|^\}/.test(l))
    .join('\n');
  return `upstream lientruong {\n${servers}\n${rest}\n}`;
}

function nginxConf(dir: string, port: number, appPorts: number[]): string {
  const temp = (name: string) => path.join(dir, name);
  return [
    'daemon off;',
    'master_process on;',
    'worker_processes 1;',
    // Run as root (CI containers), workers need a user that exists on Debian.
    process.getuid?.() === 0 ? 'user nobody nogroup;' : '',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    `  log_format lt '$request_id $upstream_addr $status "$request"';`,
    `  access_log ${temp('access.log')} lt;`,
    `  client_body_temp_path ${temp('client_body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    upstreamBlock(appPorts),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    '    server_name localhost;',
    `    include ${proxySnippet};`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * Starts the deployment as real OS processes on loopback: a new, empty PostgreSQL database next to DATABASE_URL's;
 * `processes` app processes started together (so they race to migrate and to seed the demo data, which one of them
 * must do, once) with the same DATABASE_URL and DATA_DIR; nginx (`daemon off`, its files in a temp dir) in front.
 */
export async function startCluster(processes = 2): Promise<Cluster> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('the nginx deployment needs PostgreSQL: set DATABASE_URL');
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx not found (NGINX_PATH, PATH, /usr/sbin): `apt-get install nginx` (.ci/run installs it)');

  const dir = mkdtempSync(path.join(tmpdir(), 'lt-nginx-'));
  const dataDir = path.join(dir, 'data');
  const nginxDir = path.join(dir, 'nginx');
  mkdirSync(dataDir);
  mkdirSync(nginxDir);
  // nginx workers (user nobody when run as root) write request bodies and large responses under the temp dir.
  chmodSync(dir, 0o755);
  chmodSync(nginxDir, 0o755);
  const name = `lt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  const apps: Proc[] = [];
  let proxy: Proc | undefined;
  const close = async () => {
    if (proxy) await stop(proxy, 'SIGQUIT');
    await Promise.all(apps.map((p) => stop(p, 'SIGTERM')));
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const appPorts: number[] = [];
    for (let i = 0; i < processes; i++) appPorts.push(await freePort());
    for (const p of appPorts) {
      const env = {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(p),
        PUBLIC_URL: baseUrl,
        // As docs/operations.md: the app trusts X-Forwarded-For from nginx (on 127.0.0.1) only.
        TRUST_PROXY: '127.0.0.1',
        SEED_DEMO: 'true',
        LOG_LEVEL: 'info',
        // Short ticks so the processes' schedulers work the same outbox while the journey runs.
        SCHEDULER_INTERVAL_SECONDS: '5',
      };
      apps.push(run(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', 'src/server/main.ts'], env));
    }
    await Promise.all(apps.map((a, i) => waitHealthy(`http://127.0.0.1:${appPorts[i]}/api/health`, a, `app process ${i + 1}`)));

    const conf = path.join(nginxDir, 'nginx.conf');
    writeFileSync(conf, nginxConf(nginxDir, port, appPorts));
    proxy = run(nginx, ['-c', conf, '-p', nginxDir, '-e', path.join(nginxDir, 'error.log')], process.env);
    await waitHealthy(`${baseUrl}/api/health`, proxy, 'nginx');

    return {
      baseUrl,
      databaseUrl,
      dataDir,
      upstreams: appPorts.map((p) => `127.0.0.1:${p}`),
      output: (i) => apps[i]?.output ?? [],
      appLog: (i) =>
        (apps[i]?.output ?? []).flatMap((line) => {
          if (!line.startsWith('{')) return [];
          try {
            return [JSON.parse(line) as { level?: number; msg?: string; reqId?: string }];
          } catch {
            return []; // a multi-line dump of an object, not a log entry
          }
        }),
      accessLog: () =>
        readFileSync(path.join(nginxDir, 'access.log'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [, requestId = '', upstreams = '', status = '0', request = ''] = line.match(/^(\S+) (.+?) (\d{3}) "(.*)"$/) ?? [];
            // After a retry nginx lists every upstream tried; the last one answered.
            return { requestId, upstream: upstreams.split(', ').at(-1) ?? '', status: Number(status), request };
          }),
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
