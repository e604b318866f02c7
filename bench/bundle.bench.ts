/**
 * What a portal frame downloads for the detail tab: the handler page's entry chunks with
 * everything they import, plus the tab's own chunks (loaded once the placement is known), raw
 * and gzipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp, type BenchResult } from './support/harness';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/** Files a chunk needs at once: itself, its CSS, and (transitively) its static imports. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

export default async function bundleBenchmark(): Promise<BenchResult[]> {
  const dir = await buildApp();
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const size = (file: string) => {
    const content = readFileSync(join(dir, file));
    return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  };
  const total = (files: Iterable<string>) =>
    [...files]
      .map(size)
      .reduce((sum, entry) => ({ raw: sum.raw + entry.raw, gzip: sum.gzip + entry.gzip }), { raw: 0, gzip: 0 });
  const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

  // The handler page's own tags name its entry chunks; the manifest gives what they import.
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const tagged = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
  const entry = new Set<string>(tagged);
  for (const file of tagged) {
    const key = Object.keys(manifest).find((candidate) => manifest[candidate]!.file === file);
    if (key) staticClosure(manifest, key, entry);
  }
  const tabKey = Object.keys(manifest).find((key) => key.endsWith('DetailTabSurface.tsx'))!;
  const tab = staticClosure(manifest, tabKey);
  const tabOnly = [...tab].filter((file) => !entry.has(file));
  const entryTotal = total(entry);
  const tabTotal = total(tabOnly);

  return [
    {
      name: 'handler entry (index.html → main and its imports)',
      metrics: { files: entry.size, raw: kilobytes(entryTotal.raw), gzip: kilobytes(entryTotal.gzip) },
    },
    {
      name: 'detail tab chunks (after the placement is known)',
      metrics: { files: tabOnly.length, raw: kilobytes(tabTotal.raw), gzip: kilobytes(tabTotal.gzip) },
    },
    {
      name: 'detail tab in all',
      metrics: { raw: kilobytes(entryTotal.raw + tabTotal.raw), gzip: kilobytes(entryTotal.gzip + tabTotal.gzip) },
    },
  ];
}
