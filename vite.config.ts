import { defineConfig, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
// The manifest's data itself, not its typed module: this config must also load with Vite's
// native config loader (`configLoader: 'native'`), which resolves no extensionless imports.
import placements from './placements/placements.json' with { type: 'json' };

/** The app's real HTML entry files, as the manifest names them (handler and install URLs). */
const { entries } = placements;
const entryFiles = [entries.handler, entries.install];

/**
 * A Bitrix24 portal opens the handler with a form POST (AUTH_ID, PLACEMENT, ...). Vite's dev
 * and preview servers answer POST with 404, so this plugin serves an entry file's GET response
 * to a POST for it. The body is drained and ignored on purpose: the SDK receives everything
 * from the parent frame (getInitData), and tokens must not end up in URLs or logs.
 */
function answerPortalPost(): Plugin {
  const middleware: Connect.NextHandleFunction = (request, _response, next) => {
    if (request.method !== 'POST') return next();
    const path = new URL(request.url ?? '/', 'http://app.invalid').pathname;
    const file = path === '/' ? entries.handler : path.replace(/^\/+/, '');
    if (!entryFiles.includes(file)) return next();
    request.resume();
    request.once('end', () => {
      request.method = 'GET';
      next();
    });
    request.once('error', next);
  };
  return {
    name: 'smart-tasks:answer-portal-post',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the build works from any folder of an HTTPS host.
  base: './',
  plugins: [react(), answerPortalPost()],
  build: {
    rolldownOptions: {
      input: Object.fromEntries(
        entryFiles.map((file) => [file.replace(/\.html$/, ''), resolve(import.meta.dirname, file)]),
      ),
    },
  },
});
