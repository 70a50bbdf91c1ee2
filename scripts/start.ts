import { ensureWebBuild } from './webBuild';

// `npm start`: build the web UI if needed, then start the server (PGlite in ./data unless DATABASE_URL is set).
ensureWebBuild();
await import('../src/server/main');
