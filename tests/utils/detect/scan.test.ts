// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDocument, scanText } from '../../../utils/detect/scan';
import type { Figure, ScanResult } from '../../../utils/detect/types';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function scanFixture(name: string) {
  const doc = new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
  return scanDocument(doc);
}

function figureText(result: ScanResult, surface: string): Figure {
  const found = result.figures.filter((f) => f.text === surface);
  expect(found, `${surface} in ${JSON.stringify(result.figures.map((f) => f.text))}`).toHaveLength(1);
  return found[0];
}

function expectOffsetsValid(result: ScanResult) {
  for (const item of [...result.figures, ...result.claims]) {
    expect(result.text.slice(item.start, item.end)).toBe(item.text);
  }
}

describe('scan of tests/fixtures/news-ko-grok3.html', () => {
  const result = scanFixture('news-ko-grok3.html');

  it('is Korean', () => {
    expect(result.lang).toBe('ko');
  });

  it('finds the article figures with their values', () => {
    expect(figureText(result, '10만개')).toMatchObject({ kind: 'count', value: 100_000 });
    expect(figureText(result, '최대 60페타플롭스')).toMatchObject({ kind: 'quantity', value: 6e16, unit: 'FLOP/s', qualifier: 'up to' });
    expect(figureText(result, '6엑사플롭스')).toMatchObject({ kind: 'quantity', value: 6e18, unit: 'FLOP/s' });
    const range = figureText(result, '약 1~2엑사플롭스');
    expect(range).toMatchObject({ kind: 'quantity', min: 1e18, max: 2e18, unit: 'FLOP/s', qualifier: 'about' });
    expect(range.value).toBeUndefined();
    expect(figureText(result, '약 500만달러')).toMatchObject({ kind: 'money', value: 5e6, unit: 'USD', qualifier: 'about' });
  });

  it('finds nothing from the ad, the sidebar or the comments', () => {
    for (const phrase of ['50%', '할인', '3개월', '댓글 3', '무료']) {
      expect(result.text).not.toContain(phrase);
      expect(result.figures.some((f) => f.text.includes(phrase))).toBe(false);
    }
    expect(result.figures.some((f) => f.kind === 'percent' && f.value === 50)).toBe(false);
    expect(result.figures.some((f) => f.value === 3 && f.kind === 'count' && /개월/.test(f.text))).toBe(false);
    expect(result.claims.some((c) => /계산이 좀 이상한데요|기대됩니다|과연 GPT보다/.test(c.text))).toBe(false);
  });

  it('splits claims at sentences, with kinds and scores, and keeps offsets exact', () => {
    expectOffsetsValid(result);
    const quote = result.claims.find((c) => c.text.startsWith('머스크 CEO는 “그록3가 현존하는'))!;
    expect(quote.text).toBe('머스크 CEO는 “그록3가 현존하는 챗봇 중 가장 뛰어난 추론 능력을 갖출 것”이라고 했다.');
    expect(quote.kinds).toEqual(expect.arrayContaining(['superlative', 'quote', 'prediction']));
    const statistic = result.claims.find((c) => c.text.includes('10만개'))!;
    expect(statistic.kinds).toContain('statistic');
    expect(statistic.checkworthy).toBe(true);
    // No sentence runs across a paragraph break.
    expect(result.claims.every((c) => !c.text.includes('\n'))).toBe(true);
  });

  it('returns the text-node map for highlighting', () => {
    const figure = figureText(result, '약 500만달러');
    const span = result.article.spans.find((s) => s.start <= figure.start && figure.end <= s.end)!;
    expect(span.node.data.slice(span.nodeStart + figure.start - span.start, span.nodeStart + figure.end - span.start)).toBe('약 500만달러');
  });
});

describe('scan of tests/fixtures/news-en-datacenter.html', () => {
  const result = scanFixture('news-en-datacenter.html');

  it('is English with figures from the body and none from the promo', () => {
    expect(result.lang).toBe('en');
    expect(figureText(result, '2.4 exaflops')).toMatchObject({ value: 2.4e18, unit: 'FLOP/s' });
    expect(result.figures.some((f) => f.text.includes('$1 a week') || (f.kind === 'money' && f.value === 1))).toBe(false);
    expectOffsetsValid(result);
  });

  it('marks the reported figures as check-worthy statistics', () => {
    const revenue = result.claims.find((c) => c.text.startsWith("Northwind's revenue rose 62%"))!;
    expect(revenue.kinds).toEqual(expect.arrayContaining(['statistic']));
    expect(revenue.checkworthy).toBe(true);
  });
});

describe('scanText', () => {
  it('treats each line as a paragraph with its own language', () => {
    const text = '매출은 전년 대비 12% 증가했다.\nRevenue rose 12% from a year earlier.';
    const result = scanText(text);
    expect(result.text).toBe(text);
    expect(result.claims.map((c) => c.text)).toEqual(['매출은 전년 대비 12% 증가했다.', 'Revenue rose 12% from a year earlier.']);
    expect(result.claims.every((c) => c.kinds.includes('statistic') && c.kinds.includes('comparison'))).toBe(true);
    expectOffsetsValid(result);
  });

  it('handles empty text', () => {
    expect(scanText('')).toEqual({ lang: 'other', text: '', claims: [], figures: [], checks: [] });
  });
});

describe('scanText with the reader\'s languages', () => {
  const text = '엔비디아는 H100 GPU 10만개를 공급했다고 밝혔다.\nThe plant will draw 1.5 gigawatts, the utility said.\nLa centrale consommera 2 gigawatts.';

  it('reads every paragraph when no languages are given', () => {
    const all = scanText(text);
    expect(all.figures.map((f) => f.text)).toEqual(['10만개', '1.5 gigawatts', '2 gigawatts']);
    expect(all.claims).toHaveLength(3);
  });

  it('skips paragraphs in other languages, keeping offsets into the whole text', () => {
    const korean = scanText(text, { languages: ['ko'] });
    expect(korean.text).toBe(text);
    expect(korean.figures.map((f) => f.text)).toEqual(['10만개']);
    expect(korean.claims.map((c) => c.text)).toEqual(['엔비디아는 H100 GPU 10만개를 공급했다고 밝혔다.']);
    // Paragraphs in neither language are read with the English rules, so they follow English.
    const english = scanText(text, { languages: ['en'] });
    expect(english.figures.map((f) => f.text)).toEqual(['1.5 gigawatts', '2 gigawatts']);
    expectOffsetsValid(english);
    expect(english.lang).toBe(korean.lang);
    expect(scanText(text, { languages: [] })).toMatchObject({ figures: [], claims: [], checks: [] });
  });
});
