import type { RouteFigures, TargetFigures } from './run';

/** The targets of the scale issue: p99 under 100 ms for every main read at M and L on PostgreSQL, app/bare ≥ 0.5. */
export const P99_TARGET_MS = 100;
export const RATIO_TARGET = 0.5;

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

function p99Applies(t: TargetFigures, r: RouteFigures): boolean {
  // a read measured again under writes elsewhere is shown beside its route, not judged against the target
  return r.kind === 'read' && !r.writesPerSecond && t.target.kind === 'postgres' && (t.target.size === 'M' || t.target.size === 'L');
}

function ratio(r: RouteFigures): number {
  return r.app.rps / r.bare.rps;
}

function verdict(t: TargetFigures, r: RouteFigures): string {
  if (r.writesPerSecond) return `${r.writesLanded ?? 0} writes during the run (bare: the route's own run)`;
  const marks = [`ratio ${Number.isNaN(ratio(r)) ? '–' : ratio(r) >= RATIO_TARGET ? '✓' : '✗'}`];
  if (p99Applies(t, r)) marks.unshift(`p99 ${(r.app.ok > 0 || r.note) && r.app.p99 < P99_TARGET_MS ? '✓' : '✗'}`);
  return marks.join(' · ');
}

function errors(r: RouteFigures): string {
  if (r.note) return '0';
  const bad = r.app.non2xx + r.app.errors + r.app.timeouts;
  const codes = Object.entries(r.app.statusCodes)
    .filter(([c]) => !c.startsWith('2'))
    .map(([c, n]) => `${n}×${c}`);
  return bad === 0
    ? '0'
    : `${bad} (${[...codes, r.app.errors ? `${r.app.errors} socket` : '', r.app.timeouts ? `${r.app.timeouts} timeout` : ''].filter(Boolean).join(', ')})`;
}

/** Why a target was missed, from the run's own figures. */
function misses(t: TargetFigures, connections: number, seconds: number): string[] {
  const out: string[] = [];
  for (const r of t.routes) {
    if (r.note) {
      const slow = r.slowest ? `; slowest statement alone ${f1(r.slowest.ms)} ms: \`${r.slowest.sql}…\`` : '';
      out.push(`- **${r.route}**: ${r.note} (${r.statements} statements)${slow}.`);
      continue;
    }
    if (r.app.ok === 0) {
      out.push(
        `- **${r.route}**: no response finished within the ${seconds} s run (${connections} requests in flight, each taking longer); bare: ${f0(r.bare.requests)} replays, p99 ${f1(r.bare.p99)} ms.`,
      );
      continue;
    }
    if (p99Applies(t, r) && r.app.p99 >= P99_TARGET_MS) {
      const over = r.app.p99 - P99_TARGET_MS;
      const db =
        r.bare.p99 >= P99_TARGET_MS
          ? `the database alone misses it too (bare p99 ${f1(r.bare.p99)} ms)`
          : `the same SQL bare has p99 ${f1(r.bare.p99)} ms, so most of the time is the app's (session + actor + ${r.statements} statements one after another, JSON shaping) on 2 cores shared with PostgreSQL and the load generator`;
      const slow = r.slowest ? `; slowest statement alone ${f1(r.slowest.ms)} ms: \`${r.slowest.sql}…\`` : '';
      // Closed loop: with N requests always in flight, mean latency = N ÷ throughput (Little's law).
      const needed = connections / (P99_TARGET_MS / 1000);
      out.push(
        `- **${r.route}**: p99 ${f1(r.app.p99)} ms, ${f0(over)} ms (${f0((over / P99_TARGET_MS) * 100)} %) over; ${db}${slow}. With ${connections} requests always in flight the mean latency is ${connections} ÷ req/s, so even the mean stays under ${P99_TARGET_MS} ms only above ${f0(needed)} req/s (${(needed / r.app.rps).toFixed(1)}× the measured ${f0(r.app.rps)}).`,
      );
    }
    if (r.writesPerSecond) continue;
    if (ratio(r) < RATIO_TARGET) {
      out.push(
        `- **${r.route}**: app/bare ${ratio(r).toFixed(2)} (< ${RATIO_TARGET}); the app does ${r.statements} statements per request plus session and actor loading, HTTP, zod and JSON; bare replays only the SQL.`,
      );
    }
    if (r.kind === 'write' && r.written !== undefined && r.written !== r.app.ok) {
      out.push(`- **${r.route}**: ${r.app.ok} responses 2xx but ${r.written} rows written.`);
    }
  }
  return out;
}

/** One table per size and engine, with the misses explained under it. */
export function renderTarget(t: TargetFigures, seconds: number, connections: number): string {
  const engine = t.target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const warmup = t.warmup;
  const counts = Object.entries(t.target.counts)
    .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
    .join(', ');
  const lines = [
    `### ${t.target.size} on ${engine}${counts ? ` (${counts})` : ''}`,
    '',
    `${connections} connections; reads ${seconds} s each, writes until every prepared distinct write is sent. Load average of the machine at the start: ${t.loadAvg}.`,
    '',
    '| route | users | app req/s | p50 ms | p99 ms | errors | bare req/s | bare p50 | bare p99 | app/bare | targets |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...t.routes.map(
      (r) =>
        `| ${r.route}${r.note ? ' (not loaded, one request)' : ''} | ${r.users} | ${f0(r.app.rps)} | ${r.app.ok || r.note ? f1(r.app.p50) : '–'} | ${r.app.ok || r.note ? f1(r.app.p99) : '–'} | ${errors(r)} | ${f0(r.bare.rps)} | ${f1(r.bare.p50)} | ${f1(r.bare.p99)} | ${Number.isNaN(ratio(r)) ? '–' : ratio(r).toFixed(2)} | ${verdict(t, r)} |`,
    ),
  ];
  const repeated = t.routes.filter((r) => r.p99Runs);
  if (repeated.length) {
    lines.push(
      '',
      `Reads through the app: ${repeated[0].p99Runs?.length} runs of ${seconds} s each${warmup ? ` after ${warmup} s of the same load not measured (warm-up)` : ''}, the run with the median p99 shown; p99 of every run: ${repeated.map((r) => `${r.route} ${r.p99Runs?.map(f0).join(' / ')} ms`).join('; ')}. Bare: one run.`,
    );
  }
  const roundsOf = t.routes.filter((r) => r.ratioRuns);
  if (roundsOf.length) {
    lines.push(
      '',
      `Writes: ${roundsOf[0].ratioRuns?.length} rounds, each with its own fixtures, the app's writes then the bare replay of as many; the round with the median app/bare shown; app/bare of every round: ${roundsOf.map((r) => `${r.route} ${r.ratioRuns?.map((x) => x.toFixed(2)).join(' / ')}`).join('; ')}.`,
    );
  }
  const kept = t.routes.filter((r) => r.firstMs !== undefined);
  if (kept.length) {
    lines.push(
      '',
      `Kept reads (decision 0019): the first request of each computes and keeps the answer, the load then measures what every request gets until a write moves the data mark (the rows "… write/s elsewhere" measure it with writes). Slowest first request: ${kept.map((r) => `${r.route} ${f0(r.firstMs as number)} ms`).join('; ')}.`,
    );
  }
  const writes = t.routes.filter((r) => r.kind === 'write');
  if (writes.length) {
    lines.push(
      '',
      `Writes: ${writes.map((r) => `${r.route} ${r.app.ok} × 2xx → ${r.written} rows written (bare: ${r.bare.requests - r.bare.errors} replays, ${r.bare.errors} errors)`).join('; ')}.`,
    );
  }
  const missed = misses(t, connections, seconds);
  lines.push('', missed.length ? `Missed targets:\n${missed.join('\n')}` : 'Every target of this size is met.');
  const plans = t.routes.filter((r) => r.slowest?.plan?.length && r.slowest.ms >= 50);
  for (const r of plans) {
    lines.push(
      `\n<details><summary>EXPLAIN of the slowest statement of ${r.route}</summary>\n\n\`\`\`\n${r.slowest?.plan?.join('\n')}\n\`\`\`\n</details>`,
    );
  }
  if (t.facts.length) lines.push('', `Notes: ${t.facts.join('; ')}.`);
  return lines.join('\n');
}
