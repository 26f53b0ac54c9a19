/** In-memory esbuild bundles of our modules for the loopback pages and workers of the in-browser benchmarks. */
import { join } from 'node:path';
import { PROJECT_ROOT } from './build-extension';

/** Bundles `entry` (relative to the project root) for Chromium 120+; returns the code. */
export async function bundleForBrowser(entry: string, format: 'esm' | 'iife' = 'esm', options: { minify?: boolean } = {}): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    bundle: true,
    format,
    write: false,
    target: 'chrome120',
    ...(options.minify ? { minify: true } : {}),
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}
