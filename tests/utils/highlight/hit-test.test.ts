// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createTextIndex } from '../../../utils/anchor/text-index';
import { caretAt, hitTest, rectsContain } from '../../../utils/highlight/hit-test';
import { extractArticle } from '../../../utils/detect/article';

const rect = (left: number, top: number, width: number, height: number) => ({ left, top, right: left + width, bottom: top + height, width, height, x: left, y: top }) as DOMRectReadOnly;

describe('hit testing', () => {
  it('checks points against client rects', () => {
    expect(rectsContain([rect(10, 10, 50, 20)], 30, 20)).toBe(true);
    expect(rectsContain([rect(10, 10, 50, 20)], 80, 20)).toBe(false);
  });

  it('finds the marks under the caret, confirmed by their rects', () => {
    document.body.innerHTML = '<article><p>그록3는 H100 GPU 10만개로 훈련됐다.</p></article>';
    const index = createTextIndex(extractArticle(document, document.querySelector('article')!));
    const node = document.querySelector('p')!.firstChild as Text;
    const figureAt = index.text.indexOf('10만개');
    const doc = document as unknown as { caretPositionFromPoint?: unknown };
    doc.caretPositionFromPoint = () => ({ offsetNode: node, offset: figureAt + 1 });
    // jsdom has no layout: give ranges boxes (the figure sits at x 100–140).
    (Range.prototype as unknown as { getClientRects: () => unknown }).getClientRects = function (this: Range) {
      return this.toString() === '10만개' ? [rect(100, 0, 40, 20)] : [rect(0, 0, 300, 20)];
    };
    const items = [
      { id: 'figure', start: figureAt, end: figureAt + 4 },
      { id: 'claim', start: 0, end: index.text.length },
      { id: 'elsewhere', start: 0, end: 3 },
    ];
    expect(hitTest(document, index, items, 110, 10).map((i) => i.id)).toEqual(['figure', 'claim']);
    // Beside the figure's box: only the sentence.
    expect(hitTest(document, index, items, 250, 10).map((i) => i.id)).toEqual(['claim']);
    delete doc.caretPositionFromPoint;
    expect(caretAt(document, 1, 1)).toBeNull();
  });
});
