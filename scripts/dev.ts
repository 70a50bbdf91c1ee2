import { spawn } from 'node:child_process';
import path from 'node:path';

// `npm run dev`: the API with reload on change (port 3000) and Vite's dev server with hot reload (port 5173, proxies /api).
const bin = (name: string) => path.resolve(import.meta.dirname, '../node_modules/.bin', name);
const children = [
  spawn(bin('tsx'), ['watch', 'src/server/main.ts'], { stdio: 'inherit' }),
  spawn(bin('vite'), ['--host', '127.0.0.1'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && code !== 0 && stop());
