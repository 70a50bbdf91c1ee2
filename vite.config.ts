import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { mantineCssPerComponent } from './scripts/mantineCss';

const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Writes `.br` and `.gz` copies (best compression) next to each text file of the build, once at build time;
 * the server's @fastify/static (preCompressed) sends them to browsers that accept them.
 */
function precompress(): Plugin {
  return {
    name: 'lt-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const file = path.join(options.dir ?? fromRoot('./dist/web'), name);
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/** Web UI build: sources in src/web, output in dist/web (served by the API server). */
// Builds run with NODE_ENV=production (scripts/webBuild.ts sets it, also when started from the test runner),
// so React and the JSX transform agree on the production build.
export default defineConfig(() => ({
  root: fromRoot('./src/web'),
  plugins: [mantineCssPerComponent(fromRoot('./node_modules')), react(), precompress()],
  resolve: { alias: { '@shared': fromRoot('./src/shared') } },
  css: { postcss: fromRoot('./postcss.config.cjs') },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      preserveEntrySignatures: false as const,
      output: {
        codeSplitting: {
          experimentalInlineCommonChunks: { maxSize: 32768 },
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
}));
