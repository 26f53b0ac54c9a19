// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { describeRangeSelector, elementFromXPath, resolveRangeSelector, xpathFromElement } from '../../../utils/anchor/range-selector';

describe('range selector', () => {
  it('writes paths relative to the article root and resolves them back', () => {
    document.body.innerHTML = '<article><h1>제목</h1><p>첫 문단</p><div><p>둘째 <b>굵은</b> 문단</p></div></article>';
    const root = document.querySelector('article')!;
    const bold = root.querySelector('b')!;
    expect(xpathFromElement(root, bold)).toBe('/div[1]/p[1]/b[1]');
    expect(xpathFromElement(root, root)).toBe('');
    expect(elementFromXPath(root, '/div[1]/p[1]/b[1]')).toBe(bold);
    expect(elementFromXPath(root, '/p[9]')).toBeNull();
    expect(elementFromXPath(root, 'string(//script)')).toBeNull();

    const range = document.createRange();
    range.setStart(root.querySelector('div p')!.firstChild!, 1);
    range.setEnd(bold.firstChild!, 2);
    const selector = describeRangeSelector(root, range)!;
    expect(selector).toEqual({ type: 'RangeSelector', startContainer: '/div[1]/p[1]', startOffset: 1, endContainer: '/div[1]/p[1]/b[1]', endOffset: 2 });
    expect(resolveRangeSelector(root, selector)!.toString()).toBe('째 굵은');
  });

  it('refuses ranges outside the root', () => {
    document.body.innerHTML = '<nav>메뉴</nav><article><p>본문</p></article>';
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('nav')!);
    expect(describeRangeSelector(document.querySelector('article')!, range)).toBeNull();
  });
});
