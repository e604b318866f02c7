/** What a portal frame downloads: the production build's JavaScript and CSS, raw and gzipped. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp, type BenchResult } from './support/harness';

export default async function bundleBenchmark(): Promise<BenchResult[]> {
  const dir = join(await buildApp(), 'assets');
  const files = readdirSync(dir).filter((file) => file.endsWith('.js') || file.endsWith('.css'));
  const sizes = files.map((file) => {
    const content = readFileSync(join(dir, file));
    return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const tabFiles = sizes.filter((entry) => /^(main|rolldown-runtime|DetailTabSurface)-/.test(entry.file));
  return [
    {
      name: 'what the detail tab loads (main + its surface chunk + CSS)',
      metrics: {
        files: tabFiles.map((entry) => entry.file.replace(/-[\w-]{8}\./, '.')).join(', '),
        raw: kilobytes(tabFiles.reduce((sum, entry) => sum + entry.raw, 0)),
        gzip: kilobytes(tabFiles.reduce((sum, entry) => sum + entry.gzip, 0)),
      },
    },
    ...sizes
      .sort((a, b) => b.raw - a.raw)
      .map((entry) => ({ name: `asset ${entry.file}`, metrics: { raw: kilobytes(entry.raw), gzip: kilobytes(entry.gzip) } })),
  ];
}
