/**
 * `npm run package` writes an archive Bitrix24 can install as a static local application: both
 * entry files at the root, every path between the app's files relative (the portal picks the
 * folder), no source maps unless asked, and a size within the budget, printed with the contents.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveProblems, ARCHIVE_BUDGET_BYTES, unzipAppFiles, zipAppFiles } from './app-archive';
import {
  archiveName,
  buildAppInto,
  marketIconFile,
  packageApp,
  packageReport,
  readTree,
  shownPath,
  type PackagedApp,
} from './package';

const BUILD_TIMEOUT_MS = 180_000;
const text = (value: string) => new TextEncoder().encode(value);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** Every `src`/`href` of an HTML file. */
function htmlReferences(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
}

describe('the packaged archive', () => {
  let tempRoot: string;
  let outDir: string;
  let packaged: PackagedApp;
  let files: Map<string, Uint8Array>;

  beforeAll(async () => {
    tempRoot = mkdtempSync(join(tmpdir(), 'smart-tasks-package-test-'));
    // `--out` names a folder that does not exist yet: it is made, not an ENOENT after the build.
    outDir = join(tempRoot, 'archives', 'next');
    packaged = await packageApp({ outDir, buildOutput: 'ignore' });
    files = unzipAppFiles(readFileSync(packaged.file));
  }, BUILD_TIMEOUT_MS);

  afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

  it('is smart-tasks-<version>.zip with index.html and install.html at its root', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(packaged.file).toBe(join(outDir, `smart-tasks-${version}.zip`));
    expect(archiveName(version)).toBe(`smart-tasks-${version}.zip`);
    expect(files.has('index.html')).toBe(true);
    expect(files.has('install.html')).toBe(true);
    expect(packaged.entries.slice(0, 2).map((entry) => entry.path)).toEqual(['index.html', 'install.html']);
  });

  it('links its scripts and styles by relative paths that resolve inside the archive', () => {
    for (const entry of ['index.html', 'install.html']) {
      const references = htmlReferences(decode(files.get(entry))).filter((reference) => !reference.startsWith('data:'));
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references) {
        expect(reference, `${entry} → ${reference}`).not.toMatch(/^(\/|[a-z]+:)/i);
        expect(files.has(new URL(reference, 'http://app.invalid/').pathname.slice(1)), `${entry} → ${reference}`).toBe(
          true,
        );
      }
    }
    // Chunks load each other relative to themselves, never from the server's root.
    for (const [path, content] of files) {
      if (path.endsWith('.js')) expect(decode(content), path).not.toMatch(/["'`]\/assets\//);
    }
  });

  it('holds no source maps', () => {
    expect([...files.keys()].filter((path) => path.endsWith('.map'))).toEqual([]);
    for (const [path, content] of files)
      if (path.endsWith('.js')) expect(decode(content), path).not.toContain('sourceMappingURL');
  });

  it('reports the size it has on disk, within the budget, and lists every file', () => {
    expect(packaged.bytes).toBe(statSync(packaged.file).size);
    expect(packaged.bytes).toBeLessThanOrEqual(ARCHIVE_BUDGET_BYTES);
    expect(packaged.entries.map((entry) => entry.path).sort()).toEqual([...files.keys()].sort());
    const report = packageReport(packaged, outDir);
    expect(report).toContain(`(${packaged.bytes} bytes), ${files.size} files`);
    for (const path of files.keys()) expect(report).toContain(path);
    expect(report).toContain('Scopes to tick: crm, task, user, placement');
    // What the admin does after the upload: the first run as that admin installs the app.
    expect(report).toContain('Applications → Developer resources → Other → Local application');
    expect(report).toContain('Then open the app as that administrator');
    expect(report).not.toContain('source maps');
  });

  it(
    'with --sourcemap, goes to its own file with the maps, says so, and leaves the release archive as it was',
    async () => {
      const release = readFileSync(packaged.file);
      const debug = await packageApp({ outDir, sourcemap: true, buildOutput: 'ignore' });
      expect(debug.file).toBe(join(outDir, `smart-tasks-${debug.version}-sourcemap.zip`));
      expect(readFileSync(packaged.file)).toEqual(release);
      expect(debug.entries.some((entry) => entry.path.endsWith('.js.map'))).toBe(true);
      const report = packageReport(debug, outDir);
      expect(report).toContain('holds source maps');
      expect(report).toContain(`smart-tasks-${debug.version}.zip`);
    },
    BUILD_TIMEOUT_MS,
  );
});

describe('file names npm run package prints', () => {
  it('name a file outside the project by its full path, one inside relative to it', () => {
    expect(shownPath('/tmp/out/smart-tasks-1.2.3-icon.png', '/work/project')).toBe(
      '/tmp/out/smart-tasks-1.2.3-icon.png',
    );
    expect(shownPath('/work/project/smart-tasks-1.2.3.zip', '/work/project')).toBe('smart-tasks-1.2.3.zip');
  });

  it('give the Market icon the release name beside the archive, also for a --sourcemap build', () => {
    expect(marketIconFile('/tmp/out/smart-tasks-1.2.3-sourcemap.zip', '1.2.3')).toBe(
      '/tmp/out/smart-tasks-1.2.3-icon.png',
    );
    expect(marketIconFile('/tmp/out/smart-tasks-1.2.3.zip', '1.2.3')).toBe('/tmp/out/smart-tasks-1.2.3-icon.png');
  });
});

describe('archive rules', () => {
  const goodApp = () =>
    new Map<string, Uint8Array>([
      [
        'index.html',
        text('<script type="module" src="./assets/main.js"></script><link rel="stylesheet" href="./assets/app.css">'),
      ],
      ['install.html', text('<script type="module" src="./assets/main.js"></script>')],
      ['assets/main.js', text('import("./chunk.js");')],
      ['assets/chunk.js', text('export const a = 1;')],
      ['assets/app.css', text('body { background: url(./logo.svg); }')],
      ['assets/logo.svg', text('<svg/>')],
    ]);

  it('accept an app whose files name each other relatively', () => {
    expect(archiveProblems(goodApp(), 1000, { sourcemap: false })).toEqual([]);
  });

  it(
    'refuse a build made for the server root (base "/")',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'smart-tasks-absolute-build-'));
      try {
        await buildAppInto(folder, { sourcemap: false, output: 'ignore', base: '/' });
        const problems = archiveProblems(readTree(folder), 1000, { sourcemap: false });
        expect(
          problems.some((problem) => problem.startsWith('index.html: /assets/') && problem.includes('absolute path')),
        ).toBe(true);
        expect(problems.some((problem) => problem.startsWith('install.html: /assets/'))).toBe(true);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    BUILD_TIMEOUT_MS,
  );

  it('refuse entry files packed inside a folder', () => {
    const nested = new Map([...goodApp()].map(([path, content]) => [`dist/${path}`, content]));
    expect(archiveProblems(nested, 1000, { sourcemap: false })).toEqual(
      expect.arrayContaining(["index.html is not at the archive's root", "install.html is not at the archive's root"]),
    );
  });

  it('refuse a script that names a chunk from the server root, a dangling link and a file from another host', () => {
    const app = goodApp();
    app.set('assets/main.js', text('import("/assets/chunk.js");'));
    app.set(
      'install.html',
      text('<script src="./assets/missing.js"></script><script src="https://cdn.example.com/x.js"></script>'),
    );
    const problems = archiveProblems(app, 1000, { sourcemap: false });
    expect(problems).toContain('assets/main.js: names /assets/chunk.js by an absolute path');
    expect(problems).toContain(
      'install.html: ./assets/missing.js names assets/missing.js, which the archive does not hold',
    );
    expect(problems).toContain('install.html: https://cdn.example.com/x.js is loaded from outside the archive');
  });

  it('refuse source maps unless they were asked for', () => {
    const app = goodApp();
    app.set('assets/main.js', text('import("./chunk.js");\n//# sourceMappingURL=main.js.map'));
    app.set('assets/main.js.map', text('{}'));
    expect(archiveProblems(app, 1000, { sourcemap: false })).toEqual([
      'assets/main.js: points to a source map, though none was asked for',
      'assets/main.js.map: a source map, though none was asked for (--sourcemap)',
    ]);
    expect(archiveProblems(app, 1000, { sourcemap: true })).toEqual([]);
  });

  it('refuse an archive over the budget', () => {
    expect(archiveProblems(goodApp(), ARCHIVE_BUDGET_BYTES + 1, { sourcemap: false })).toEqual([
      `the archive has ${ARCHIVE_BUDGET_BYTES + 1} bytes, over the budget of ${ARCHIVE_BUDGET_BYTES}`,
    ]);
  });

  it('zip with the entry files first and unzip to the same files', () => {
    const app = goodApp();
    const zip = zipAppFiles(app);
    expect(unzipAppFiles(zip)).toEqual(app);
    // The local header of the first entry names index.html.
    expect(decode(zip.subarray(30, 30 + 'index.html'.length))).toBe('index.html');
    expect(zipAppFiles(app)).toEqual(zip);
  });
});
