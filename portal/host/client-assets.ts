/**
 * The portal page's script and styles. The script is TypeScript under client/, bundled once
 * with esbuild when the server starts and served from memory.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SCRIPT_ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));
const STYLES_FILE = fileURLToPath(new URL('./client/portal.css', import.meta.url));

export interface ClientAssets {
  script: string;
  styles: string;
}

async function bundle(): Promise<ClientAssets> {
  const [result, styles] = await Promise.all([
    build({
      entryPoints: [SCRIPT_ENTRY],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      sourcemap: 'inline',
      logLevel: 'silent',
    }),
    readFile(STYLES_FILE, 'utf8'),
  ]);
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no portal script');
  return { script: output.text, styles };
}

let assets: Promise<ClientAssets> | null = null;

/** Bundles on first use and keeps the result for the life of the process. */
export function clientAssets(): Promise<ClientAssets> {
  assets ??= bundle().catch((error: unknown) => {
    assets = null;
    throw error;
  });
  return assets;
}
