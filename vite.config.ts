import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Web UI build: sources in src/web, output in dist/web (served by the API server). */
// Builds run with NODE_ENV=production (scripts/webBuild.ts sets it, also when started from the test runner),
// so React and the JSX transform agree on the production build.
export default defineConfig(() => ({
  root: fromRoot('./src/web'),
  plugins: [react()],
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
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
}));
