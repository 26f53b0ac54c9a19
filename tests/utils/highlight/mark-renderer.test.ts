// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { type TextIndex, createTextIndex } from '../../../utils/anchor/text-index';
import { MARK_TAG, createMarkRenderer } from '../../../utils/highlight/mark-renderer';
import { extractArticle } from '../../../utils/detect/article';

describe('element fallback renderer', () => {
  it('wraps text in <factmark-mark>, keeps the text, and unwraps cleanly', () => {
    document.body.innerHTML = '<article><p>가격은 <b>500만달러</b>로 추정된다.</p><p>둘째 문단.</p></article>';
    const before = document.body.innerHTML;
    const textBefore = document.body.textContent;
    const root = document.querySelector('article')!;
    let index: TextIndex = createTextIndex(extractArticle(document, root));
    let changes = 0;
    const renderer = createMarkRenderer(document, 'tok', () => index, () => {
      changes++;
      index = createTextIndex(extractArticle(document, root));
    });
    const claimEnd = index.text.indexOf('\n');
    const figure = index.text.indexOf('500만달러');
    renderer.setLayer('detections', [
      { start: 0, end: claimEnd, style: 'claim-1' },
      { start: figure, end: figure + 6, style: 'figure' },
    ]);
    renderer.setLayer('notes', [{ start: index.text.indexOf('둘째'), end: index.text.indexOf('둘째') + 2, style: 'note-false' }]);
    const marks = [...document.querySelectorAll(MARK_TAG)];
    expect(marks.map((m) => [m.getAttribute('data-fm-style'), m.textContent])).toEqual([
      ['claim-1', '가격은 '],
      ['figure', '500만달러'],
      ['claim-1', '로 추정된다.'],
      ['note-false', '둘째'],
    ]);
    expect(document.body.textContent).toBe(textBefore);
    expect(changes).toBe(2);
    expect(document.querySelector('style[data-factmark]')!.textContent).toContain(`${MARK_TAG}[data-fm-style="figure"]`);
    renderer.destroy();
    expect(document.body.innerHTML).toBe(before);
  });
});
