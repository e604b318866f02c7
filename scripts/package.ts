/**
 * `npm run package [-- --sourcemap] [--out DIR]`: builds the production app and writes
 * `smart-tasks-<version>.zip`, the archive a Bitrix24 admin uploads as a static local application
 * (local-integrations/static-local-app.md) or a Market version's static archive
 * (market/preparing-to-publish/common-requirements.md). Both entry files sit at the archive's
 * root, every asset path is relative, and there are no source maps unless `--sourcemap`. It
 * prints the archive's size and contents, and the app card to type into the form.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { appCard, CARD_LANGUAGES } from '../placements/app-card';
import { ARCHIVE_BUDGET_BYTES, type ArchiveEntry, checkAppArchive, zipAppFiles } from './app-archive';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface PackageOptions {
  /** Folder the ZIP is written to; the project root unless given. */
  outDir?: string;
  /** Keep the build's source maps (`vite build --sourcemap`). */
  sourcemap?: boolean;
  /** Where vite's own output goes; inherited (the terminal) unless given. */
  buildOutput?: 'inherit' | 'ignore';
}

/** What `packageApp` wrote. */
export interface PackagedApp {
  /** Absolute path of the ZIP. */
  file: string;
  /** Built with source maps (`--sourcemap`): for debugging, not for a live portal. */
  sourcemap: boolean;
  /** The app's version, from package.json. */
  version: string;
  /** Size of the ZIP, bytes. */
  bytes: number;
  /** Its files, entry files first, with their unpacked sizes in bytes. */
  entries: ArchiveEntry[];
}

/** The app's version as package.json carries it. */
export function appVersion(): string {
  const json = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof json.version !== 'string' || json.version === '') throw new Error('package.json has no version');
  return json.version;
}

/**
 * The archive's file name for a version: `smart-tasks-0.1.0.zip`, or
 * `smart-tasks-0.1.0-sourcemap.zip` for a build with source maps, so a debugging build never
 * overwrites the archive meant for upload (nor is taken by `npm start -- --archive`).
 */
export function archiveName(version: string, sourcemap = false): string {
  return `smart-tasks-${version}${sourcemap ? '-sourcemap' : ''}.zip`;
}

export interface BuildOptions {
  sourcemap: boolean;
  output: 'inherit' | 'ignore';
  /** Overrides vite.config.ts's `base` (tests build a wrong one on purpose). */
  base?: string;
}

/**
 * Runs `vite build` of the production app into `outDir` (emptied first).
 * @throws Error when the build fails.
 */
export function buildAppInto(outDir: string, options: BuildOptions): Promise<void> {
  const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // Warnings and errors only: the archive's own listing says what was built.
  const args = [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (options.sourcemap) args.push('--sourcemap');
  if (options.base !== undefined) args.push('--base', options.base);
  const quiet = options.output === 'ignore';
  return new Promise((resolveBuild, reject) => {
    // Quiet: vite's warnings are dropped, its errors kept for the failure's message.
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', options.output, quiet ? 'pipe' : 'inherit'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-4000);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolveBuild();
      else reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})${errors ? `:\n${errors}` : ''}`));
    });
  });
}

/** Every file under `root`: path relative to it (`/`-separated) → content. */
export function readTree(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

/**
 * Builds the production app into a temporary folder and writes its static-app archive.
 * @throws AppArchiveError when the build breaks a static-app rule (nothing is written then);
 *   Error when vite build fails.
 */
export async function packageApp(options: PackageOptions = {}): Promise<PackagedApp> {
  const version = appVersion();
  const sourcemap = options.sourcemap ?? false;
  const buildDir = mkdtempSync(join(tmpdir(), 'smart-tasks-package-'));
  try {
    await buildAppInto(buildDir, { sourcemap, output: options.buildOutput ?? 'inherit' });
    const zip = zipAppFiles(readTree(buildDir));
    // A build with source maps is for debugging, not for the upload budget.
    const entries = checkAppArchive(zip, {
      sourcemap,
      budgetBytes: sourcemap ? Number.POSITIVE_INFINITY : ARCHIVE_BUDGET_BYTES,
    });
    const outDir = resolve(options.outDir ?? PROJECT_ROOT);
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, archiveName(version, sourcemap));
    writeFileSync(file, zip);
    return { file, sourcemap, version, bytes: zip.byteLength, entries };
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}

/**
 * A written file as the terminal names it: relative to the project when inside it, else its full
 * path (`../../tmp/x.zip` would send a reader to the wrong folder from anywhere but the root).
 */
export function shownPath(file: string, projectRoot = PROJECT_ROOT): string {
  const shown = relative(projectRoot, file);
  return shown === '' || shown.startsWith('..') ? file : shown;
}

/** Where `--market-icon` writes the card's icon: `smart-tasks-<version>-icon.png` beside the archive. */
export function marketIconFile(archiveFile: string, version: string): string {
  return join(dirname(archiveFile), `smart-tasks-${version}-icon.png`);
}

/** Bytes as an admin reads them: `634 B`, `245.3 kB` (1 kB = 1000 B, as vite prints them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** The report `npm run package` prints: the archive, its files, and what to type into Bitrix24. */
export function packageReport(packaged: PackagedApp, projectRoot = PROJECT_ROOT): string {
  const unpacked = packaged.entries.reduce((total, entry) => total + entry.bytes, 0);
  const width = Math.max(...packaged.entries.map((entry) => entry.path.length));
  const lines = [
    '',
    `${shownPath(packaged.file, projectRoot)}: ${formatBytes(packaged.bytes)} (${packaged.bytes} bytes), ${packaged.entries.length} files, ${formatBytes(unpacked)} unpacked`,
    ...packaged.entries.map((entry) => `  ${entry.path.padEnd(width)}  ${formatBytes(entry.bytes).padStart(9)}`),
    '',
    ...(packaged.sourcemap
      ? [
          `This archive holds source maps (--sourcemap): anyone who opens the app can read its source. For a live portal upload ${archiveName(packaged.version)}, built without --sourcemap.`,
          '',
        ]
      : []),
    'Upload it in Bitrix24 as an administrator: Applications → Developer resources → Other → Local application (static, from an archive).',
    `  Scopes to tick: ${appCard.scopes.join(', ')}`,
    ...CARD_LANGUAGES.map((lang) => `  Name (${lang}): ${appCard.name[lang]}`),
    ...CARD_LANGUAGES.map((lang) => `  Short description (${lang}): ${appCard.shortDescription[lang]}`),
    `  Icon: placements/${appCard.icon}`,
    'Then open the app as that administrator (Applications, or its item in the left menu): its first run',
    '(install.html) adds Smart Tasks to every smart process. Until then others see that it is not installed yet.',
  ];
  return lines.join('\n');
}

const HELP = `Builds Smart Tasks and writes smart-tasks-<version>.zip for Bitrix24's static local application form.

Usage: npm run package -- [--sourcemap] [--out DIR] [--market-icon]

  --sourcemap    keep source maps, in smart-tasks-<version>-sourcemap.zip (for debugging; left out by default)
  --out DIR      folder to write the archive to, made if missing (default: the project root)
  --market-icon  also write smart-tasks-<version>-icon.png, the card's icon as the Market takes it
                 (512 px square PNG on white; drawn by Chromium)
`;

async function main(): Promise<void> {
  let values: { sourcemap?: boolean; out?: string; 'market-icon'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        sourcemap: { type: 'boolean' },
        out: { type: 'string' },
        'market-icon': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`package: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  try {
    const packaged = await packageApp({
      sourcemap: values.sourcemap ?? false,
      ...(values.out ? { outDir: values.out } : {}),
    });
    console.log(packageReport(packaged));
    if (values['market-icon']) {
      // Loaded only when asked for: it starts a browser.
      const { renderMarketIcon } = await import('./market-icon');
      const iconFile = marketIconFile(packaged.file, packaged.version);
      writeFileSync(iconFile, await renderMarketIcon());
      console.log(`  Market icon: ${shownPath(iconFile)}`);
    }
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
