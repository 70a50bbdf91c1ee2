import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Mantine's styles per component, in the chunk that uses them, instead of its whole stylesheet (~290 KB) blocking the
 * first paint. For each web module that imports from `@mantine/core`, `@mantine/dates` or `@mantine/notifications`,
 * the build prepends imports of the CSS files of the imported components and of every component they use in turn
 * (found by walking Mantine's own ES modules and matching their class names, `m_xxxxxxxx`, to the files of
 * `@mantine/core/styles/`). The files keep the order of Mantine's full `styles.css`, which puts each component after
 * the ones it builds on; Vite then puts each file in the chunk of the page that needs it (the log-in page and the app
 * shell carry only theirs, the others load with their page's code, before it runs).
 */
export function mantineCssPerComponent(nodeModules: string): Plugin {
  const core = path.join(nodeModules, '@mantine/core');
  const packages: Record<string, string> = {
    '@mantine/core': path.join(core, 'esm/index.mjs'),
    '@mantine/dates': path.join(nodeModules, '@mantine/dates/esm/index.mjs'),
    '@mantine/notifications': path.join(nodeModules, '@mantine/notifications/esm/index.mjs'),
  };
  // Whole-package styles of the two add-on packages (small, or used only by date fields).
  const packageCss: Record<string, string> = {
    '@mantine/dates': '@mantine/dates/styles.css',
    '@mantine/notifications': '@mantine/notifications/styles.css',
  };
  const always = ['baseline', 'default-css-variables', 'global'];

  let index: ReturnType<typeof buildIndex> | null = null;
  const memo = new Map<string, { css: Set<string>; extra: Set<string> }>();

  function buildIndex() {
    const full = readFileSync(path.join(core, 'styles.css'), 'utf8');
    const files = readdirSync(path.join(core, 'styles')).filter((f) => f.endsWith('.css') && !f.endsWith('.layer.css'));
    const order = new Map<string, number>();
    const byClass = new Map<string, string>();
    for (const f of files) {
      const name = f.slice(0, -4);
      const text = readFileSync(path.join(core, 'styles', f), 'utf8').trim();
      order.set(name, full.indexOf(text.slice(0, 200)));
      for (const m of text.matchAll(/\.(m_[0-9a-f]{8})/g)) if (!byClass.has(m[1])) byClass.set(m[1], name);
    }
    // name exported by a package → the file that defines it
    const exports = new Map<string, Map<string, string>>();
    for (const [pkg, file] of Object.entries(packages)) {
      const names = new Map<string, string>();
      for (const m of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g)) {
        for (const spec of m[1].split(',')) {
          const local = spec.trim().split(/\s+as\s+/);
          const name = (local[1] ?? local[0]).trim();
          if (name) names.set(name, path.resolve(path.dirname(file), m[2]));
        }
      }
      exports.set(pkg, names);
    }
    return { order, byClass, exports };
  }

  /** The Mantine CSS files (names in styles/) and package styles a set of imported names needs. */
  function cssFor(pkg: string, names: string[]): { css: Set<string>; extra: Set<string> } {
    const key = `${pkg}:${[...names].sort().join(',')}`;
    const hit = memo.get(key);
    if (hit) return hit;
    index ??= buildIndex();
    const { byClass, exports } = index;
    const seen = new Set<string>();
    const css = new Set<string>();
    const extra = new Set<string>();
    const visitName = (p: string, name: string) => {
      const file = exports.get(p)?.get(name);
      if (file) visit(file);
    };
    const visit = (file: string) => {
      if (seen.has(file) || !existsSync(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.module.mjs')) {
        // the add-on packages' class names are in their one stylesheet
        for (const [p, css] of Object.entries(packageCss)) if (file.includes(`${p}/esm/`.replaceAll('/', path.sep))) extra.add(css);
        for (const m of text.matchAll(/"(m_[0-9a-f]{8})"/g)) {
          const owner = byClass.get(m[1]);
          if (owner) css.add(owner);
        }
      }
      // import "x", import a from "x", import { a, b as c } from "x", export { a } from "x"
      for (const m of text.matchAll(/(?:import|export)\s*(?:[\w$*\s,]*?(?:\{(?<named>[^}]*)\})?\s*from\s*)?"(?<spec>[^"]+)"/g)) {
        const { named, spec } = m.groups as { named?: string; spec: string };
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
        else if (spec in packages && named) for (const n of named.split(',')) visitName(spec, n.trim().split(/\s+as\s+/)[0]);
      }
    };
    for (const name of names) visitName(pkg, name);
    const result = { css, extra };
    memo.set(key, result);
    return result;
  }

  /** The CSS imports for everything a module imports from Mantine: core files in Mantine's order, then add-ons. */
  function importsFor(wanted: Array<[string, string[]]>): string[] {
    const css = new Set<string>();
    const extra = new Set<string>();
    for (const [pkg, names] of wanted) {
      const r = cssFor(pkg, names);
      for (const c of r.css) css.add(c);
      for (const e of r.extra) extra.add(e);
    }
    if (css.size === 0 && extra.size === 0) return [];
    const order = index?.order ?? new Map<string, number>();
    const sorted = [...css].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return [
      ...[...always, ...sorted].map((n) => `@mantine/core/styles/${n}.css`),
      ...Object.values(packageCss).filter((f) => extra.has(f)),
    ];
  }

  /** The CSS imports the build adds to a web module with this source. */
  function importsForCode(code: string): string[] {
    const wanted: Array<[string, string[]]> = [];
    for (const m of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(@mantine\/(?:core|dates|notifications))'/g)) {
      const names = m[1]
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && !s.startsWith('type '))
        .map((s) => s.split(/\s+as\s+/)[0]);
      wanted.push([m[2], names]);
    }
    return importsFor(wanted);
  }

  return {
    name: 'lt-mantine-css-per-component',
    enforce: 'pre',
    api: { importsForCode },
    transform(code, id) {
      if (!/[\\/]src[\\/]web[\\/].*\.[jt]sx?$/.test(id) || !code.includes('@mantine/')) return null;
      const imports = importsForCode(code);
      if (imports.length === 0) return null;
      return { code: `${imports.map((f) => `import '${f}';`).join('\n')}\n${code}`, map: null };
    },
  };
}
