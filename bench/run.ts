/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), one after
 * the other, and prints what each measured. `--json FILE` also writes the results as JSON.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './support/harness';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
const only = args.filter((arg, index) => !arg.startsWith('--') && (jsonIndex < 0 || index !== jsonIndex + 1));

const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const all: Record<string, BenchResult[]> = {};
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchResult[]> };
  const started = performance.now();
  const results = await module.default();
  all[file] = results;
  for (const result of results) {
    console.log(`  ${result.name}`);
    for (const [metric, value] of Object.entries(result.metrics)) console.log(`    ${metric.padEnd(44)} ${value}`);
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

if (jsonFile) writeFileSync(resolve(jsonFile), `${JSON.stringify(all, null, 2)}\n`);
process.exit(0);
