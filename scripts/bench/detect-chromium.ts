/**
 * Detect suite, issue 3 benchmark 4: the content script's detection on each
 * fixture, in Chromium, and the content script's size.
 *
 * How: the fixtures are served on 127.0.0.1 with the detection modules bundled
 * by esbuild (as the anchor suite does). The page extracts the article, a
 * worker scans it (the extension does this in its background worker through
 * the 'text.scan' request), the page paints the highlights. Main-thread time
 * = extraction + posting the text + reading the reply + painting. For
 * comparison, scanText run on the page's main thread. Size: the content script
 * of a real `wxt build` (minified by WXT), raw and gzipped.
 */
import { readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findChromium } from '../lib/chromium';
import { buildExtension, PROJECT_ROOT } from '../lib/build-extension';
import type { BenchRow } from './types';
import { bundleForBrowser } from '../lib/browser-bundle';

const SUITE = 'detect';
const FIXTURES = ['news-ko-grok3.html', 'news-en-datacenter.html'];
const TARGET_MS = 10;

function row(metric: string, value: number, unit: string, extra: Partial<BenchRow> = {}): BenchRow {
  return { suite: SUITE, metric, value: Math.round(value * 100) / 100, unit, ...extra };
}

/** Minified, as the shipped content script is. */
const bundle = (entry: string, format: 'esm' | 'iife') => bundleForBrowser(entry, format, { minify: true });

async function timingRows(): Promise<BenchRow[]> {
  const executablePath = findChromium();
  if (!executablePath) return [row('content-script detection: skipped, Chromium not found', 0, '-')];
  const { chromium } = await import('playwright-core');
  const page = await bundle('scripts/bench/detect-browser/entry.ts', 'esm');
  const worker = await bundle('scripts/bench/detect-browser/worker.ts', 'iife');
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === '/page.js' || url === '/worker.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(url === '/page.js' ? page : worker);
      return;
    }
    const name = FIXTURES.find((f) => url === `/${f}`);
    if (!name) {
      response.writeHead(404).end();
      return;
    }
    const html = readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', name), 'utf8').replace('</body>', '<script type="module" src="/page.js"></script></body>');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const rows: BenchRow[] = [];
  try {
    for (const fixture of FIXTURES) {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${fixture}`);
      await tab.waitForFunction(() => (globalThis as any).detectBench, undefined, { timeout: 30_000 });
      // page.evaluate has no timeout of its own: a stuck page must fail the row, not hang the suite.
      const m = await Promise.race([
        tab.evaluate(() => (globalThis as any).detectBench.measure(11)),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${fixture}: no result within 120 s`)), 120_000).unref()),
      ]);
      const note = `${m.chars.toLocaleString('en')} chars, ${m.ranges} ranges; median of 10 warm runs; Chromium ${browser.version()}`;
      rows.push(
        row(`content-script detection, ${fixture} (main thread)`, m.mainThread, 'ms', { target: TARGET_MS, ok: m.mainThread < TARGET_MS, note: `extract ${m.extract.toFixed(1)} + post ${m.post.toFixed(1)} + reply and paint ${m.receiveAndPaint.toFixed(1)} ms; scan in a worker; ${note}` }),
        row(`  ${fixture}: first run (cold worker), main thread`, m.cold.mainThread, 'ms', { note: `latency to highlights ${m.cold.latency.toFixed(1)} ms` }),
        row(`  ${fixture}: latency to highlights (scan in worker)`, m.latency, 'ms'),
        row(`  ${fixture}: scanText on the main thread instead`, m.inPageScan, 'ms', { note: 'extract + scan, what the content script did before detection moved to the background worker' }),
      );
      await tab.close();
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  return rows;
}

async function sizeRows(): Promise<BenchRow[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'factmark-bench-size-'));
  try {
    const extension = await buildExtension(outDir, { quiet: true });
    const sizeOf = (file: string) => {
      const path = join(extension, file);
      return { raw: statSync(path).size, gzip: gzipSync(readFileSync(path)).length };
    };
    const content = sizeOf('content-scripts/content.js');
    const background = sizeOf('background.js');
    return [
      row('content script size (minified, wxt build)', content.raw / 1024, 'KB', { note: `${(content.gzip / 1024).toFixed(1)} KB gzipped; the detector lives in background.js (${(background.raw / 1024).toFixed(0)} KB)` }),
    ];
  } catch (error) {
    return [row('content script size: build failed', 0, '-', { note: (error as Error).message.slice(0, 200) })];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function chromiumRows(): Promise<BenchRow[]> {
  return [...(await timingRows()), ...(await sizeRows())];
}
