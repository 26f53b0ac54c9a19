// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { anchorMany, anchorTarget } from '../../../utils/anchor/anchor';
import { describeOffsets } from '../../../utils/anchor/describe';
import { pageFromHtml } from './fixture-page';

const page = (paragraphs: string[]) => pageFromHtml(`<article>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>`);

describe('anchoring', () => {
  it('trusts a position only when the quote is still there', () => {
    const before = page(['첫째 문단의 내용이다.', '둘째 문단에 인용문이 있다.']);
    const at = before.index.text.indexOf('인용문');
    const { selectors } = describeOffsets(before.index, at, at + 3)!;
    expect(anchorTarget(before.index, { selectors })).toMatchObject({ start: at, method: 'position' });
    const after = page(['새로 들어간 문단.', '첫째 문단의 내용이다.', '둘째 문단에 인용문이 있다.']);
    const anchored = anchorTarget(after.index, { selectors })!;
    expect(after.index.text.slice(anchored.start, anchored.end)).toBe('인용문');
    expect(anchored.method).not.toBe('position');
  });

  it('picks the twin whose context matches, not the first indexOf hit', () => {
    const twins = ['가격은 100원이다. 다른 말.', '서울의 가격은 100원이다. 부산과 같다.'];
    const before = page(twins);
    const second = before.index.text.lastIndexOf('100원');
    const { selectors } = describeOffsets(before.index, second, second + 4)!;
    const quoteOnly = selectors.filter((s) => s.type === 'TextQuoteSelector');
    const after = page(['머리말이 추가되었다.', ...twins]);
    const anchored = anchorTarget(after.index, { selectors: quoteOnly })!;
    expect(anchored.start).toBe(after.index.text.lastIndexOf('100원'));
  });

  it('prefers the nearer twin when contexts are equal', () => {
    const same = '같은 문장이 반복된다.';
    const before = page([same, '중간 '.repeat(400), same]);
    const last = before.index.text.lastIndexOf('반복');
    const { selectors } = describeOffsets(before.index, last, last + 2)!;
    // Shift everything so the position check fails; the hint still says "the later one".
    const after = page(['머리말.', same, '중간 '.repeat(400), same]);
    expect(anchorTarget(after.index, { selectors })!.start).toBe(after.index.text.lastIndexOf('반복'));
  });

  it('orphans a note whose text is gone, and keeps working from the quote alone', () => {
    const before = page(['이 문장은 나중에 삭제된다.', '남는 문장.']);
    const { selectors } = describeOffsets(before.index, 0, before.index.text.indexOf('.') + 1)!;
    const after = page(['남는 문장.', '전혀 다른 새 문장이 들어왔다.']);
    expect(anchorTarget(after.index, { selectors })).toBeNull();
    expect(anchorTarget(after.index, { selectors: [], quote: '남는 문장' })).toMatchObject({ method: 'quote' });
    expect(anchorTarget(after.index, { selectors: [] })).toBeNull();
  });

  it('batches: yields between slices and stops when aborted', async () => {
    const before = page(Array.from({ length: 60 }, (_, i) => `문단 ${i}: 그록3는 성능이 ${i}배 좋다고 한다.`));
    const targets = Array.from({ length: 60 }, (_, i) => {
      const at = before.index.text.indexOf(`성능이 ${i}배`);
      return { selectors: describeOffsets(before.index, at, at + `성능이 ${i}배`.length)!.selectors };
    });
    const after = page(['머리말.', ...Array.from({ length: 60 }, (_, i) => `문단 ${i}: 그록3는 성능이 ${i}배 더 좋다고 한다.`)]);
    let clock = 0;
    let yields = 0;
    const results = await anchorMany(after.index, targets, {
      sliceMs: 5,
      now: () => (clock += 1),
      yieldToMain: async () => {
        yields++;
      },
    });
    expect(yields).toBeGreaterThan(5);
    expect(results.every((r) => r !== null)).toBe(true);
    results.forEach((r, i) => expect(after.index.text.slice(r!.start, r!.end)).toBe(`성능이 ${i}배`));

    const controller = new AbortController();
    const partial = await anchorMany(after.index, targets, {
      sliceMs: 5,
      now: () => (clock += 1),
      yieldToMain: async () => controller.abort(),
      signal: controller.signal,
    });
    expect(partial.filter((r) => r !== null).length).toBeLessThan(targets.length);
  });
});
