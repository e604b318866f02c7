/**
 * A static local application installed from its ZIP archive, as Bitrix24 installs one
 * (local-integrations/static-local-app.md, settings/app-installation/local-apps/installation-master.md):
 * the archive is unpacked and the portal hosts the files itself. `install.html` at the archive's
 * root is the first-run wizard, `index.html` the app; without `install.html` there is no wizard.
 *
 * Where the cloud serves the files (origin and path) is not documented. The closest documented
 * behaviour is the on-premise one of the same page: the files sit in a folder of the portal's own
 * file structure and the handler points there. So the emulator serves them from its own origin,
 * under {@link STATIC_APP_ROOT}`<client id>/` (see portal/README.md).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { unzipSync } from 'fflate';
import { manifest } from '../../placements/manifest';

/** The folder of the portal's file structure static apps are unpacked into (the emulator's choice). */
export const STATIC_APP_ROOT = '/local/apps/';

/** The folder one static app is served from: `/local/apps/<client id>/`. */
export function staticAppPath(clientId: string): string {
  return `${STATIC_APP_ROOT}${encodeURIComponent(clientId)}/`;
}

/** An archive the portal cannot install: not a ZIP, no `index.html` at its root, or an unsafe name. */
export class StaticAppArchiveError extends Error {
  constructor(file: string, reason: string) {
    super(`${file} cannot be installed as a static application: ${reason}`);
    this.name = 'StaticAppArchiveError';
  }
}

/** The unpacked archive: file path inside the archive (`assets/main.js`) → its bytes. */
export interface StaticAppArchive {
  /** The archive file it came from. */
  file: string;
  files: ReadonlyMap<string, Uint8Array>;
  /** True when `install.html` is at the root: the first run opens it as the install wizard. */
  hasInstallWizard: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
};

function contentType(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** A name that stays inside the app's folder once unpacked: relative, no `..`, no backslashes. */
function isSafeEntryName(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return false;
  return name.split('/').every((segment) => segment !== '..' && segment !== '.');
}

/**
 * Unpacks a static app archive held in memory. Directory entries are skipped.
 * @throws StaticAppArchiveError when the bytes are not a ZIP, a name would leave the app's
 *   folder, or `index.html` is not at the root.
 */
export function unpackStaticApp(bytes: Uint8Array, file: string): StaticAppArchive {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new StaticAppArchiveError(
      file,
      `it is not a readable ZIP archive (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    if (!isSafeEntryName(name))
      throw new StaticAppArchiveError(file, `the entry "${name}" would be unpacked outside the app's folder`);
    files.set(name, content);
  }
  if (!files.has(manifest.entries.handler)) {
    const nested = [...files.keys()].find((name) => name.endsWith(`/${manifest.entries.handler}`));
    const hint = nested ? ` (it has ${nested}: pack the folder's contents, not the folder)` : '';
    throw new StaticAppArchiveError(file, `${manifest.entries.handler} is not at the archive's root${hint}`);
  }
  return { file, files, hasInstallWizard: files.has(manifest.entries.install) };
}

/** Why an archive file could not be read, in words that say what to name instead. */
function unreadableReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'the file does not exist (run `npm run package` first)';
  // `--app-archive dist` or the unpacked folder: the portal installs the ZIP, as Bitrix24 does.
  if (error.code === 'EISDIR') return 'it is a folder, not a ZIP archive (name the .zip file `npm run package` wrote)';
  return `it cannot be read (${error.message})`;
}

/**
 * Reads and unpacks a static app archive from disk.
 * @throws StaticAppArchiveError when the file cannot be read or is not an installable archive.
 */
export function readStaticAppArchive(file: string): StaticAppArchive {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new StaticAppArchiveError(file, unreadableReason(error as NodeJS.ErrnoException));
  }
  return unpackStaticApp(bytes, file);
}

/** Total unpacked size of the app, in bytes. */
export function staticAppSize(archive: StaticAppArchive): number {
  let total = 0;
  for (const content of archive.files.values()) total += content.byteLength;
  return total;
}

export type StaticAppRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => boolean;

/**
 * Serves the unpacked files under `basePath` (e.g. `/local/apps/<client id>/`). GET and HEAD
 * answer a file; POST answers the same file, because the portal opens every app frame by
 * POSTing its form to the handler (the body is drained unread: the SDK takes everything from the
 * parent frame). The folder itself answers `index.html`; the folder without its trailing slash
 * is redirected (301) to it. Returns false for paths outside
 * `basePath`, so the portal's other routes get them.
 */
export function createStaticAppRoute(archive: StaticAppArchive, basePath: string): StaticAppRoute {
  return (request, response, url) => {
    if (url.pathname === basePath.slice(0, -1)) {
      // The folder without its slash, as a web server answers it: relative asset paths resolve
      // from the folder only once the address ends in "/".
      response.writeHead(301, { Location: `${basePath}${url.search}` });
      response.end();
      return true;
    }
    if (!url.pathname.startsWith(basePath)) return false;
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(basePath.length)) || manifest.entries.handler;
    } catch {
      relative = '';
    }
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
      response.writeHead(405, { Allow: 'GET, HEAD, POST', 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Static application files answer GET, HEAD and POST.');
      return true;
    }
    if (method === 'POST') request.resume();
    const content = archive.files.get(relative);
    if (!content) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`The application's archive has no file ${relative || url.pathname}.`);
      return true;
    }
    response.writeHead(200, {
      'Content-Type': contentType(relative),
      'Content-Length': String(content.byteLength),
      // Entry files are loaded afresh on every frame; hashed assets could be cached, but a
      // re-installed archive keeps its path, so nothing is cached for long.
      'Cache-Control': 'no-cache',
    });
    response.end(method === 'HEAD' ? undefined : content);
    return true;
  };
}
