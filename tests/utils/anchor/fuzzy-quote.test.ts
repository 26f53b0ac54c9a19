import { describe, expect, it } from 'vitest';
import { matchFuzzyQuote, maxErrorsFor, searchWindows } from '../../../utils/anchor/fuzzy-quote';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `문장 ${i}번은 관련 없는 내용이다. `).join('');

describe('fuzzy quote search', () => {
  it('allows errors in proportion to the quote', () => {
    expect(maxErrorsFor('가나')).toBe(1);
    expect(maxErrorsFor('a'.repeat(100))).toBe(40);
    expect(maxErrorsFor('a'.repeat(10_000))).toBe(256);
  });

  it('searches near the old position first, then widens to the whole text', () => {
    const windows = searchWindows(100_000, 50, 50_000);
    expect(windows[0]).toEqual([50_000 - 1_024, 50_000 + 50 + 1_024]);
    expect(windows.at(-1)).toEqual([0, 100_000]);
    for (let i = 1; i < windows.length; i++) expect(windows[i][1] - windows[i][0]).toBeGreaterThan(windows[i - 1][1] - windows[i - 1][0]);
    expect(searchWindows(500, 50, 10)).toEqual([[0, 500]]);
  });

  it('finds an edited quote where it was, not a similar string elsewhere', () => {
    const quote = '엔비디아 H100 GPU 10만개를 탑재한 슈퍼컴퓨터';
    const decoy = '엔비디아 H100 GPU 10만개를 탑재한 슈퍼컴퓨터'.replace('슈퍼컴퓨터', '데이터센터');
    const edited = '엔비디아 H100 GPU 20만개를 탑재한 슈퍼컴퓨터';
    const text = `${decoy} ${filler(300)} 그록3는 ${edited}에서 훈련됐다. ${filler(50)}`;
    const at = text.indexOf(edited);
    const match = matchFuzzyQuote(text, quote, { prefix: '그록3는 ', suffix: '에서 훈련됐다.', hint: at + 3 })!;
    expect(match.start).toBe(at);
    expect(text.slice(match.start, match.end)).toBe(edited);
    expect(match.score).toBeGreaterThan(0.85);
  });

  it('returns null when nothing scores high enough', () => {
    const text = filler(100);
    expect(matchFuzzyQuote(text, '완전히 다른 인용문이 여기에 있었다', { prefix: '앞 문맥', suffix: '뒤 문맥', hint: 500 })).toBeNull();
  });
});
