import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The newest PostgreSQL server install (Debian layout), or PG_BIN. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error('Không tìm thấy PostgreSQL (/usr/lib/postgresql/<phiên bản>/bin); đặt PG_BIN');
  return path.join(root, versions[0], 'bin');
}

/**
 * A private PostgreSQL cluster for the resilience run, so that restarting it under load touches nobody else's
 * server. initdb refuses to run as root, so as root the tools run as the `postgres` OS user.
 */
export class PrivatePostgres {
  private readonly bin = binDir();
  readonly dataDir: string;

  constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.dataDir = path.join(dir, 'data');
  }

  private tool(name: string, args: string[]): string {
    const program = path.join(this.bin, name);
    const asRoot = process.getuid?.() === 0;
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** A connection URL for one database of the cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates (after removing any leftover of an earlier run) and starts the cluster. */
  create(): void {
    this.remove();
    mkdirSync(this.dir, { recursive: true });
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', this.dir]);
    this.tool('initdb', ['-D', this.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    this.start();
  }

  start(): void {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
    this.tool('pg_ctl', ['-D', this.dataDir, '-o', opts, '-l', path.join(this.dir, 'server.log'), '-w', 'start']);
  }

  /** Fast shutdown: open connections are cut, as in a real restart. */
  stop(): void {
    this.tool('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  /** Stops the cluster if it runs and deletes its folder. */
  remove(): void {
    if (existsSync(path.join(this.dataDir, 'postmaster.pid'))) {
      try {
        this.stop();
      } catch {
        /* already stopped */
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
