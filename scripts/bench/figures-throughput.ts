/**
 * Throughput of detectFigures over about 1 MB of news text (the two fixtures' article
 * text, repeated), beside a bare `/\d+/g` pass over the same text in the same run so the
 * ratio holds on a busy machine. Best of several warm runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { detectFigures } from '../../utils/detect/figures';
import type { BenchRow } from './types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures');

function articleText(file: string): string {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

export async function throughputRows(runs = 8): Promise<BenchRow[]> {
  const base = `${articleText('news-ko-grok3.html')}\n${articleText('news-en-datacenter.html')}\n`;
  let text = '';
  while (Buffer.byteLength(text) < 1_000_000) text += base;
  const megabytes = Buffer.byteLength(text) / 1e6;
  let best = Infinity;
  let bestRegex = Infinity;
  let figures = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    figures = detectFigures(text).length;
    best = Math.min(best, performance.now() - t);
    t = performance.now();
    let n = 0;
    for (const _ of text.matchAll(/\d+/g)) n++;
    bestRegex = Math.min(bestRegex, performance.now() - t);
    if (n === 0) throw new Error('no digits in the bench text');
  }
  const mbps = megabytes / (best / 1000);
  const regexMbps = megabytes / (bestRegex / 1000);
  return [
    {
      suite: 'detect',
      metric: 'detectFigures throughput',
      value: Number(mbps.toFixed(1)),
      unit: 'MB/s',
      target: 10,
      ok: mbps >= 10,
      baseline: Number(regexMbps.toFixed(1)),
      note: `${megabytes.toFixed(2)} MB UTF-8 (ko+en fixtures), ${figures} figures, best of ${runs}; baseline = bare /\\d+/g`,
    },
  ];
}

export default async function run(): Promise<BenchRow[]> {
  return throughputRows();
}
