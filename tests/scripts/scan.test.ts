import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function scan(path: string) {
  const run = spawnSync('npm', ['run', '-s', 'scan', '--', path], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run -s scan', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-scan-'));

  it('prints exactly one JSON object for an .html page, extracted like the content script', () => {
    const { status, stdout, stderr } = scan(join(ROOT, 'tests/fixtures/news-ko-grok3.html'));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['lang', 'text', 'claims', 'figures', 'checks']);
    expect(result.lang).toBe('ko');
    expect(result.text).not.toContain('최대 50% 할인');
    const money = result.figures.find((f: { text: string }) => f.text === '약 500만달러');
    expect(money).toEqual({ start: money.start, end: money.end, text: '약 500만달러', kind: 'money', value: 5e6, unit: 'USD', qualifier: 'about' });
    for (const claim of result.claims) {
      expect(Object.keys(claim)).toEqual(['start', 'end', 'text', 'score', 'checkworthy', 'kinds']);
      expect(result.text.slice(claim.start, claim.end)).toBe(claim.text);
    }
    for (const figure of result.figures) {
      expect(Object.keys(figure).every((k) => ['start', 'end', 'text', 'kind', 'value', 'min', 'max', 'unit', 'qualifier'].includes(k))).toBe(true);
      expect(result.text.slice(figure.start, figure.end)).toBe(figure.text);
    }
  });

  it('takes a .txt file as-is: text is exactly the file content, one paragraph per line', () => {
    const content = 'Revenue rose 62% to $14.2 billion.\r\n\n매출은 약 500만달러다.  \n';
    const path = join(dir, 'mixed.txt');
    writeFileSync(path, content);
    const { status, stdout } = scan(path);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.text).toBe(content);
    expect(result.claims.map((c: { text: string }) => c.text)).toEqual(['Revenue rose 62% to $14.2 billion.', '매출은 약 500만달러다.']);
    const utf16 = content.indexOf('약 500만달러');
    expect(result.figures.some((f: { start: number }) => f.start === utf16)).toBe(true);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.txt'), /no such file/],
    ['a directory', () => { const d = join(dir, 'folder.html'); mkdirSync(d, { recursive: true }); return d; }, /not a file/],
    ['an unsupported type', () => { const p = join(dir, 'page.pdf'); writeFileSync(p, 'x'); return p; }, /unsupported file type/],
    ['invalid UTF-8', () => { const p = join(dir, 'latin1.txt'); writeFileSync(p, Buffer.from([0x63, 0x61, 0x66, 0xe9])); return p; }, /not valid UTF-8/],
  ])('exits 2 with a clear message for %s', (_, makePath, message) => {
    const { status, stdout, stderr } = scan(makePath());
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
