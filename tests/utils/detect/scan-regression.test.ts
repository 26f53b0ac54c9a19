// @vitest-environment jsdom
/**
 * Regression guard for speed work on the detector: every figure and check that scanText
 * finds on the two news fixtures and the two no-false-alarm corpora, one line each, in a
 * committed file. A rewrite meant to change nothing must leave the file unchanged; a
 * deliberate change in what is detected shows up as a reviewable diff (vitest -u).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDocument, scanText } from '../../../utils/detect/scan';
import type { ScanResult } from '../../../utils/detect/types';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function fixtureText(name: string): string {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  return scanDocument(new DOMParser().parseFromString(html, 'text/html')).text;
}

function corpusText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
}

function describeResult(result: ScanResult): string {
  const figures = result.figures.map((f) => {
    const amount = f.value !== undefined ? `${f.value}` : `${f.min}..${f.max}`;
    const extras = [f.qualifier && `q=${f.qualifier}`, f.counter && `c=${f.counter}`, f.iso && `iso=${f.iso}`].filter(Boolean).join(' ');
    return `${f.start}-${f.end} ${f.kind} ${amount} ${f.unit ?? '-'}${extras ? ` ${extras}` : ''} ${JSON.stringify(f.text)}`;
  });
  const checks = result.checks.map((c) => `check ${c.kind} [${c.figures.join(',')}] ${c.message}`);
  return [`lang ${result.lang}`, ...figures, ...checks].join('\n');
}

describe('scanText output on the fixtures is unchanged', () => {
  const sources: Array<[string, () => string]> = [
    ['news-ko-grok3.html', () => fixtureText('news-ko-grok3.html')],
    ['news-en-datacenter.html', () => fixtureText('news-en-datacenter.html')],
    ['checks-no-false-alarms-en.txt', () => corpusText('checks-no-false-alarms-en.txt')],
    ['checks-no-false-alarms-ko.txt', () => corpusText('checks-no-false-alarms-ko.txt')],
  ];

  it('finds the same figures and checks, and the same when reading Korean paragraphs only', async () => {
    const report: string[] = [];
    for (const [name, read] of sources) {
      const text = read();
      report.push(`== ${name}`, describeResult(scanText(text)));
      report.push(`== ${name} (languages: ko, checks in en)`, describeResult(scanText(text, { languages: ['ko'], checkLanguage: 'en' })));
    }
    await expect(report.join('\n') + '\n').toMatchFileSnapshot('__snapshots__/scan-regression.txt');
  });
});
