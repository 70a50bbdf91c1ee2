import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** A program the test suite runs, the Debian packages that bring it, and what it is for (Vietnamese). */
export interface Tool {
  name: 'chromium' | 'soffice' | 'pdftotext' | 'softhsm2-util' | 'pkcs11-tool' | 'nginx';
  packages: readonly string[];
  purpose: string;
}

/** The programs `npm test` needs, with the packages `.ci/run` used to install (one list for both). */
export const TOOLS: readonly Tool[] = [
  { name: 'chromium', packages: ['chromium'], purpose: 'trình duyệt cho kiểm thử giao diện' },
  {
    name: 'soffice',
    packages: ['libreoffice-writer-nogui', 'fonts-liberation'],
    purpose: 'LibreOffice, chuyển văn bản DOCX sang PDF',
  },
  { name: 'pdftotext', packages: ['poppler-utils'], purpose: 'đọc chữ trong tệp PDF, kiểm tra chữ ký số bằng pdfsig' },
  { name: 'softhsm2-util', packages: ['softhsm2', 'openssl'], purpose: 'token PKCS#11 giả lập (SoftHSM2) cho kiểm thử ký số' },
  { name: 'pkcs11-tool', packages: ['opensc'], purpose: 'ký bằng khóa trên token PKCS#11 (OpenSC)' },
  { name: 'nginx', packages: ['nginx'], purpose: 'kiểm thử hai tiến trình sau nginx (khi có DATABASE_URL)' },
];

/** Which test projects a run covers: `all` for `npm test`, else one of vitest's projects. */
export type Project = 'all' | 'server' | 'e2e';

/** What the machine looks like to the preflight. */
export interface Facts {
  project: Project;
  /** DATABASE_URL is set: the nginx test runs. */
  postgres: boolean;
  /** Names of the tools found. */
  present: ReadonlySet<Tool['name']>;
  root: boolean;
  hasAptGet: boolean;
  /** False when LT_TEST_NO_INSTALL=1 forbids installing. */
  installAllowed: boolean;
}

/** What to do: nothing, install the packages, or stop with a message naming the command. */
export type Plan =
  | { action: 'ok' }
  | { action: 'install'; missing: Tool[]; packages: string[] }
  | { action: 'stop'; missing: Tool[]; packages: string[]; command: string; message: string };

/** The tools a run of `project` needs (nginx only with PostgreSQL, as journeyNginx.e2e.ts skips itself otherwise). */
export function neededTools(project: Project, postgres: boolean): Tool[] {
  const names = new Set<Tool['name']>();
  if (project !== 'e2e') names.add('soffice').add('pdftotext').add('softhsm2-util').add('pkcs11-tool');
  if (project !== 'server') {
    names.add('chromium');
    if (postgres) names.add('nginx');
  }
  return TOOLS.filter((t) => names.has(t.name));
}

/** The install command a person runs (with sudo unless already root). */
export function installCommand(packages: readonly string[], root: boolean): string {
  return `${root ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
}

/** Decides from the facts alone: every needed tool present → ok; else install when root with apt-get, else stop. */
export function planPreflight(f: Facts): Plan {
  const missing = neededTools(f.project, f.postgres).filter((t) => !f.present.has(t.name));
  if (missing.length === 0) return { action: 'ok' };
  const packages = [...new Set(missing.flatMap((t) => t.packages))];
  if (f.root && f.hasAptGet && f.installAllowed) return { action: 'install', missing, packages };
  const command = installCommand(packages, f.root);
  return { action: 'stop', missing, packages, command, message: stopMessage(missing, command) };
}

/** The Vietnamese message printed when the tests cannot run: what is missing, and the one command to run. */
export function stopMessage(missing: readonly Tool[], command: string): string {
  const lines = missing.map((t) => `  - ${t.name}: ${t.purpose}`);
  return [
    'Chưa thể chạy kiểm thử: máy còn thiếu chương trình cần cho bộ kiểm thử:',
    ...lines,
    'Hãy chạy lệnh sau rồi chạy lại `npm test`:',
    `  ${command}`,
  ].join('\n');
}

/** True when `file` exists and may be executed. */
export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` in the PATH folders, then in `extra` folders; null when none. */
export function findOnPath(name: string, pathVar: string | undefined, extra: readonly string[] = []): string | null {
  const dirs = [...(pathVar ?? '').split(path.delimiter).filter(Boolean), ...extra];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

/** Which tools this machine has, found the way the tests look for them. */
export function presentTools(env: NodeJS.ProcessEnv): Set<Tool['name']> {
  const found = new Set<Tool['name']>();
  // The browser tests launch CHROMIUM_PATH, else /usr/bin/chromium (tests/e2e/harness.ts).
  if (isExecutable(env.CHROMIUM_PATH || '/usr/bin/chromium')) found.add('chromium');
  if (findOnPath('soffice', env.PATH)) found.add('soffice');
  if (findOnPath('pdftotext', env.PATH)) found.add('pdftotext');
  if (findOnPath('softhsm2-util', env.PATH)) found.add('softhsm2-util');
  if (findOnPath('pkcs11-tool', env.PATH)) found.add('pkcs11-tool');
  // tests/e2e/nginxCluster.ts: NGINX_PATH, then PATH, then /usr/sbin and /usr/local/sbin.
  const nginx = env.NGINX_PATH && isExecutable(env.NGINX_PATH);
  if (nginx || findOnPath('nginx', env.PATH, ['/usr/sbin', '/usr/local/sbin'])) found.add('nginx');
  return found;
}
