// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { describeOffsets, describeRange } from '../../../utils/anchor/describe';
import { CONTEXT_LENGTH } from '../../../utils/anchor/text-quote';
import { loadPage, locate } from './fixture-page';

describe('describe a selection', () => {
  it('produces quote (exact + 32-char context), position and range selectors', () => {
    const { index } = loadPage('news-ko-grok3.html');
    const { start, end } = locate(index, '최대 60페타플롭스(PFLOPS)');
    const described = describeOffsets(index, start, end)!;
    expect(described.quote).toBe('최대 60페타플롭스(PFLOPS)');
    const [quote, position, range] = described.selectors;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: '최대 60페타플롭스(PFLOPS)' });
    expect(quote.type === 'TextQuoteSelector' && quote.prefix!.length).toBe(CONTEXT_LENGTH);
    expect(quote.type === 'TextQuoteSelector' && quote.prefix!.endsWith('FP8(8비트 부동소수점) 기준 ')).toBe(true);
    expect(quote.type === 'TextQuoteSelector' && quote.suffix!.startsWith('의 연산 성능')).toBe(true);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(range.type).toBe('RangeSelector');
  });

  it('trims whitespace at the edges and ignores selections outside the article', () => {
    const { doc, index } = loadPage('news-ko-grok3.html');
    const { start, end } = locate(index, '그록3는 xAI가');
    const described = describeOffsets(index, start - 1, end + 1)!;
    expect(described.quote).toBe('그록3는 xAI가');
    expect(described.start).toBe(start);
    const footer = doc.createRange();
    footer.selectNodeContents(doc.querySelector('footer')!);
    expect(describeRange(index, footer)).toBeNull();
  });
});
