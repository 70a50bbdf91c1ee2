import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench [part …]`: runs each part of the benchmark suite as its own process (so one part's memory and
 * event loop never colour another's figures) and each part rewrites its own section of docs/benchmarks.md.
 * With no argument every part runs. Sizes come from BENCH_SIZES (e.g. "S,M,L"); see docs/benchmarks.md.
 */
const PARTS = ['api', 'growth', 'documents', 'frontend'];
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !PARTS.includes(a));
if (unknown.length) {
  console.error(`Không có phần đo "${unknown.join(', ')}". Các phần: ${PARTS.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const part of asked.length ? asked : PARTS) {
  const file = path.join(import.meta.dirname, `${part}.ts`);
  if (!existsSync(file)) {
    console.warn(`== ${part}: chưa có ${path.relative(process.cwd(), file)}, bỏ qua`);
    continue;
  }
  console.log(`== ${part}`);
  // The app's own V8 flag (decision 0021: young generation capped at 32 MB per semi-space), as `npm start` runs it.
  const r = spawnSync(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', '--expose-gc', file], {
    stdio: 'inherit',
    env: process.env,
  });
  if (r.status !== 0) {
    console.error(`== ${part}: lỗi (mã ${r.status})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
