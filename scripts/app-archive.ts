/**
 * The static-app archive Bitrix24 installs (local-integrations/static-local-app.md,
 * settings/app-installation/local-apps/installation-master.md): a ZIP with `index.html` and
 * `install.html` at its root, which the portal unpacks into a folder of its own and serves from
 * there. Because that folder is the portal's choice, every reference from one file of the app to
 * another must be relative. This module packs a built app into such a ZIP and checks a ZIP
 * against those rules.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { manifest } from '../placements/manifest';

/**
 * Largest archive `npm run package` accepts, bytes. Bitrix24 documents no upload limit for a
 * static app; this is the project's own budget, so a dependency that bloats the bundle is noticed.
 */
export const ARCHIVE_BUDGET_BYTES = 1024 * 1024;

/** The two entry files, in the order they open: the app, then the first-run wizard. */
export const ENTRY_FILES: readonly string[] = [manifest.entries.handler, manifest.entries.install];

/**
 * Every entry's modification time. Fixed, so the same build gives the same archive byte for
 * byte (1 January 2020; ZIP keeps local DOS time, which is why it is built from parts).
 */
const ENTRY_TIME = new Date(2020, 0, 1, 0, 0, 0);

/** One file of the archive, with its size unpacked (bytes). */
export interface ArchiveEntry {
  path: string;
  bytes: number;
}

/** An archive that breaks a rule; `problems` lists each broken rule in words an integrator can act on. */
export class AppArchiveError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The app archive cannot be installed as a static Bitrix24 app:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'AppArchiveError';
  }
}

export interface ArchiveRules {
  /** Source maps were asked for (`--sourcemap`): `.map` files and their comments are allowed. */
  sourcemap: boolean;
  /** Size limit of the ZIP, bytes; {@link ARCHIVE_BUDGET_BYTES} unless given. */
  budgetBytes?: number;
}

/** References that load nothing: fragments and inline data. */
const INLINE = /^(?:#|data:|blob:|mailto:|tel:|javascript:)/i;
/** References to another host: a scheme, or protocol-relative `//host/`. */
const ELSEWHERE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The first path of a reference: without `?query` and `#fragment`. */
function referencePath(reference: string): string {
  return reference.replace(/[?#].*$/, '');
}

/** `src`/`href` of HTML, `url()`/`@import` of CSS: references to other files. */
function markupReferences(path: string, text: string): string[] {
  if (path.endsWith('.html'))
    return [...text.matchAll(/\s(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((match) => match[1] ?? '');
  if (path.endsWith('.css')) {
    return [...text.matchAll(/url\(\s*["']?([^"')]*)["']?\s*\)|@import\s+["']([^"']+)["']/gi)].map(
      (match) => match[1] ?? match[2] ?? '',
    );
  }
  return [];
}

function resolveInArchive(from: string, reference: string): string {
  const base = new URL(from, 'http://archive.invalid/');
  return decodeURIComponent(new URL(reference, base).pathname.slice(1));
}

/**
 * Lists what keeps an archive's files from being installed as a static Bitrix24 app: entry files
 * not at the root, names outside the app's folder, absolute or dangling references between files,
 * source maps that were not asked for, an archive over budget.
 * @param files archive path → content, as unpacked.
 * @param zipBytes size of the ZIP itself, bytes.
 */
export function archiveProblems(
  files: ReadonlyMap<string, Uint8Array>,
  zipBytes: number,
  rules: ArchiveRules,
): string[] {
  const problems: string[] = [];
  for (const entry of ENTRY_FILES) if (!files.has(entry)) problems.push(`${entry} is not at the archive's root`);
  for (const path of files.keys()) {
    if (path.startsWith('/') || path.split('/').includes('..') || path.includes('\\'))
      problems.push(`${path}: the name leaves the app's folder`);
  }
  const decoder = new TextDecoder();
  for (const [path, content] of files) {
    if (!rules.sourcemap && path.endsWith('.map')) {
      problems.push(`${path}: a source map, though none was asked for (--sourcemap)`);
      continue;
    }
    if (!/\.(html|css|js|mjs)$/.test(path)) continue;
    const text = decoder.decode(content);
    for (const reference of markupReferences(path, text)) {
      if (reference === '' || INLINE.test(reference)) continue;
      if (ELSEWHERE.test(reference)) {
        problems.push(`${path}: ${reference} is loaded from outside the archive`);
        continue;
      }
      if (reference.startsWith('/')) {
        problems.push(
          `${path}: ${reference} is an absolute path; the portal chooses the app's folder, so it must be relative`,
        );
        continue;
      }
      const target = resolveInArchive(path, referencePath(reference));
      if (!files.has(target)) problems.push(`${path}: ${reference} names ${target}, which the archive does not hold`);
    }
    if (/\.(js|mjs)$/.test(path)) {
      for (const other of files.keys()) {
        if (other.endsWith('.html')) continue;
        for (const quote of ['"', "'", '`']) {
          if (text.includes(`${quote}/${other}`)) problems.push(`${path}: names /${other} by an absolute path`);
        }
      }
    }
    if (!rules.sourcemap && /[#@]\s*sourceMappingURL=/.test(text))
      problems.push(`${path}: points to a source map, though none was asked for`);
  }
  const budget = rules.budgetBytes ?? ARCHIVE_BUDGET_BYTES;
  if (zipBytes > budget) problems.push(`the archive has ${zipBytes} bytes, over the budget of ${budget}`);
  return problems;
}

/** The archive's files: entry files first, then the rest by path; sizes unpacked. */
export function archiveEntries(files: ReadonlyMap<string, Uint8Array>): ArchiveEntry[] {
  const rank = (path: string) => {
    const index = ENTRY_FILES.indexOf(path);
    return index === -1 ? ENTRY_FILES.length : index;
  };
  return [...files.entries()]
    .map(([path, content]) => ({ path, bytes: content.byteLength }))
    .sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
}

/**
 * Packs files into a ZIP (deflate, fixed entry times) with the entry files first.
 * @param files archive path (relative, `/`-separated) → content.
 */
export function zipAppFiles(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const { path } of archiveEntries(files)) zippable[path] = [files.get(path)!, { level: 9, mtime: ENTRY_TIME }];
  return zipSync(zippable);
}

/** Unpacks a ZIP into archive path → content (directory entries left out). */
export function unzipAppFiles(zipBytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(unzipSync(zipBytes))) if (!path.endsWith('/')) files.set(path, content);
  return files;
}

/**
 * Checks a ZIP against the static-app rules and returns its entries.
 * @throws AppArchiveError listing every broken rule.
 */
export function checkAppArchive(zipBytes: Uint8Array, rules: ArchiveRules): ArchiveEntry[] {
  const files = unzipAppFiles(zipBytes);
  const problems = archiveProblems(files, zipBytes.byteLength, rules);
  if (problems.length > 0) throw new AppArchiveError(problems);
  return archiveEntries(files);
}
