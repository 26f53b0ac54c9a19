/**
 * The checks on the real fixtures, end to end through the article extractor
 * and the figure detector, as the content script and `scan` run them.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../utils/detect/article';
import { findChecks } from '../../../../utils/detect/checks';
import { detectFigures } from '../../../../utils/detect/figures';

function scanFixture(name: string) {
  const html = readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');
  const { text } = extractArticle(new JSDOM(html).window.document);
  const figures = detectFigures(text);
  return { text, figures, checks: findChecks(text, figures) };
}

describe('checks on news-ko-grok3.html', () => {
  const { figures, checks } = scanFixture('news-ko-grok3.html');
  const textsOf = (indexes: number[]) => indexes.map((i) => figures[i].text);

  it('finds 10만개 × 60페타플롭스 against the stated 6엑사플롭스, 1,000× apart', () => {
    const product = checks.filter((c) => c.kind === 'product');
    expect(product).toHaveLength(1);
    expect(textsOf(product[0].figures)).toEqual(['10만개', '최대 60페타플롭스', '6엑사플롭스']);
    expect(product[0].message).toContain('100,000개 × 60 PFLOPS = 6,000 EFLOPS');
    expect(product[0].message).toContain('6 EFLOPS');
    expect(product[0].message).toContain('1,000배 차이');
  });

  it('finds FLOPS used for 연산량', () => {
    const dimension = checks.filter((c) => c.kind === 'dimension');
    expect(dimension.map((c) => textsOf(c.figures))).toEqual([['6엑사플롭스'], ['약 1~2엑사플롭스']]);
    expect(dimension[0].message).toContain('연산량');
  });

  it('raises nothing else', () => {
    expect(checks.map((c) => c.kind).sort()).toEqual(['dimension', 'dimension', 'product']);
  });
});

describe('checks on news-en-datacenter.html', () => {
  const { figures, checks } = scanFixture('news-en-datacenter.html');

  it('finds 48,000 × 95 petaflops against 2.4 exaflops', () => {
    expect(checks).toHaveLength(1);
    const [check] = checks;
    expect(check.kind).toBe('product');
    expect(check.figures.map((i) => figures[i].text)).toEqual(['48,000', 'up to 95 petaflops', '2.4 exaflops']);
    expect(check.message).toBe(
      '48,000 × 95 PFLOPS = 4,560 EFLOPS; the article states 2.4 EFLOPS (1,900× apart, too far even for a per-unit maximum) — worth verifying.',
    );
  });
});
