import { describe, expect, it } from 'vitest';
import { anchoredSimilarity, positionScore, prefixScore, scoreCandidate, suffixScore } from '../../../utils/anchor/match-score';

describe('match scoring', () => {
  it('measures context similarity by edit errors, anchored at the quote edge', () => {
    expect(anchoredSimilarity('abcdefghij', 'abcdefghij and more')).toBe(1);
    expect(anchoredSimilarity('abcdefghij', 'abcdXfghij')).toBeCloseTo(0.9);
    // Three characters inserted next to the quote cost three errors, not a shifted window.
    expect(anchoredSimilarity('abcdefghij', 'XYZabcdefghij')).toBeCloseTo(0.7);
    expect(anchoredSimilarity('abc', '')).toBe(0);
    expect(anchoredSimilarity('', 'x')).toBe(1);
  });

  it('compares context only with the text that exists', () => {
    const text = 'xyz QUOTE tail';
    expect(prefixScore(text, 4, 'long prefix xyz ')).toBe(1);
    expect(suffixScore(text, 9, ' tail and more')).toBe(1);
    expect(prefixScore(text, 0, 'something')).toBe(0);
  });

  it('prefers matching context over closeness, and closeness between equals', () => {
    const text = 'aaa QUOTE bbb ... ccc QUOTE ddd';
    const context = { prefix: 'ccc ', suffix: ' ddd', hint: 4 };
    const first = scoreCandidate(text, 4, 9, 1, context);
    const second = scoreCandidate(text, 22, 27, 1, context);
    expect(second.score).toBeGreaterThan(first.score);
    expect(positionScore(10, 10)).toBe(1);
    expect(positionScore(10, 20)).toBeGreaterThan(positionScore(10, 2_000));
  });
});
