/**
 * Runs before the test suite (`npm test`, `npm run test:unit`, `npm run test:e2e`): checks that the programs the tests
 * drive are installed (Chromium, LibreOffice, pdftotext, and nginx with DATABASE_URL). When some are missing it
 * installs Debian's packages if it runs as root with apt-get (unless LT_TEST_NO_INSTALL=1), else it stops at once
 * with the one command to run. Usage: testPreflight.ts [all|server|e2e]
 */
import { spawnSync } from 'node:child_process';
import { findOnPath, type Plan, type Project, planPreflight, presentTools } from './preflight/plan';

function facts(project: Project, env: NodeJS.ProcessEnv) {
  return {
    project,
    postgres: Boolean(env.DATABASE_URL),
    present: presentTools(env),
    root: process.getuid?.() === 0,
    hasAptGet: findOnPath('apt-get', env.PATH) !== null,
    installAllowed: env.LT_TEST_NO_INSTALL !== '1',
  };
}

function run(args: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
}

function stop(plan: Extract<Plan, { action: 'stop' }>): never {
  process.stderr.write(`\n${plan.message}\n\n`);
  process.exit(1);
}

const arg = process.argv[2] ?? 'all';
if (arg !== 'all' && arg !== 'server' && arg !== 'e2e') {
  process.stderr.write(`testPreflight: dự án không hợp lệ «${arg}» (all, server hoặc e2e)\n`);
  process.exit(2);
}
const project: Project = arg;
const plan = planPreflight(facts(project, process.env));
if (plan.action === 'stop') stop(plan);
if (plan.action === 'install') {
  process.stdout.write(`== Cài các gói cần cho kiểm thử: ${plan.packages.join(' ')}\n`);
  const ok = run(['update', '-qq']) && run(['install', '-y', '-qq', ...plan.packages]);
  const after = planPreflight({ ...facts(project, process.env), installAllowed: false });
  if (after.action === 'stop') {
    if (!ok) process.stderr.write('\nCài gói bằng apt-get không thành công.\n');
    stop(after);
  }
}
