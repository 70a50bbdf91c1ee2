import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';

const FILE = path.resolve(import.meta.dirname, '../docs/benchmarks.md');

/** One line naming the machine, Node and the date, put under each section so figures are never read out of context. */
export function machineLine(extra = ''): string {
  const cpu = cpus();
  return `Run: ${new Date().toISOString()} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version}${extra ? ` · ${extra}` : ''}`;
}

/**
 * Replaces the section `name` of docs/benchmarks.md (between `<!-- bench:name -->` and `<!-- /bench:name -->`),
 * or appends it, so each part of `npm run bench` rewrites only its own figures.
 */
export function writeSection(name: string, markdown: string): void {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  let text = '';
  try {
    text = readFileSync(FILE, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  text = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + close.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
}
