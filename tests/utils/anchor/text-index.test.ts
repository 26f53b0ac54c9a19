// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createTextIndex, offsetToPoint, offsetsToRange, pointToOffset, rangeToOffsets } from '../../../utils/anchor/text-index';
import { type ArticleText, extractArticle } from '../../../utils/detect/article';

function articleOf(html: string, withGap = false): { root: Element; article: ArticleText } {
  document.body.innerHTML = html;
  const root = document.querySelector('article')!;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const spans: ArticleText['spans'] = [];
  let text = '';
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.data.normalize('NFC');
    if (withGap && text) text += '\n'; // an extractor that inserts separators between nodes
    // The first extractor's span shape (no node map), still accepted by the index.
    spans.push({ node, start: text.length, end: text.length + value.length } as ArticleText['spans'][number]);
    text += value;
  }
  return { root, article: { root, text, spans } };
}

describe('text index', () => {
  it('maps offsets to DOM points and back across nodes', () => {
    const { article } = articleOf('<article><p>가나다</p><p>라마<b>바사</b>아</p></article>');
    const index = createTextIndex(article);
    expect(index.text).toBe('가나다라마바사아');
    const range = offsetsToRange(index, 2, 6)!;
    expect(range.toString()).toBe('다라마바');
    expect(rangeToOffsets(index, range)).toEqual({ start: 2, end: 6 });
  });

  it('never starts a range at the end of a node or ends it at the start of one', () => {
    const { article } = articleOf('<article><p>abc</p><p>def</p></article>');
    const index = createTextIndex(article);
    expect(offsetToPoint(index, 3, 'start')!.node.data).toBe('def');
    expect(offsetToPoint(index, 3, 'end')!.node.data).toBe('abc');
  });

  it('maps NFC offsets into decomposed (NFD) page text without splitting a syllable', () => {
    const nfd = '한국어 문장'.normalize('NFD');
    const { article } = articleOf(`<article><p>${nfd}</p></article>`);
    const index = createTextIndex(article);
    expect(index.text).toBe('한국어 문장');
    const range = offsetsToRange(index, 1, 3)!;
    expect(range.toString().normalize('NFC')).toBe('국어');
    expect(rangeToOffsets(index, range)).toEqual({ start: 1, end: 3 });
  });

  it('snaps element boundary points and gaps to the nearest text', () => {
    const { root, article } = articleOf('<article><p>one</p><p>two</p></article>', true);
    const index = createTextIndex(article);
    expect(index.text).toBe('one\ntwo');
    const second = root.children[1];
    expect(pointToOffset(index, second, 0, 'start')).toBe(4);
    expect(pointToOffset(index, second, 0, 'end')).toBe(3);
    // An offset in the inserted separator starts at the next node.
    expect(offsetToPoint(index, 3, 'start')!.node.data).toBe('two');
    expect(offsetsToRange(index, 2, 6)!.toString()).toBe('etw');
  });

  it('follows the extractor map through collapsed whitespace and NFC composition', () => {
    document.body.innerHTML = `<article><p>  첫째   줄의\n   문장.  ${'한국어'.normalize('NFD')} 끝</p><p>둘째</p></article>`;
    const root = document.querySelector('article')!;
    const index = createTextIndex(extractArticle(document, root));
    expect(index.text).toBe('첫째 줄의 문장. 한국어 끝\n둘째');
    const range = offsetsToRange(index, index.text.indexOf('줄의'), index.text.indexOf('국어') + 2)!;
    expect(range.toString().normalize('NFC').replace(/\s+/g, ' ')).toBe('줄의 문장. 한국어');
    expect(rangeToOffsets(index, range)).toEqual({ start: index.text.indexOf('줄의'), end: index.text.indexOf('국어') + 2 });
    // A point inside a collapsed whitespace run snaps to the text beside it.
    const node = root.querySelector('p')!.firstChild as Text;
    const inRun = node.data.indexOf('   줄') + 1;
    expect(pointToOffset(index, node, inRun, 'start')).toBe(index.text.indexOf('줄의'));
    expect(pointToOffset(index, node, inRun, 'end')).toBe(index.text.indexOf(' 줄의'));
  });

  it('clips a range reaching outside the article and rejects one wholly outside', () => {
    document.body.innerHTML = '<nav>menu</nav><article><p>body text</p></article><footer>foot</footer>';
    const root = document.querySelector('article')!;
    const node = root.querySelector('p')!.firstChild as Text;
    const index = createTextIndex({ root, text: node.data, spans: [{ node, start: 0, end: node.length, nodeStart: 0 }] });
    const range = document.createRange();
    range.setStart(document.querySelector('nav')!.firstChild!, 1);
    range.setEnd(node, 4);
    expect(rangeToOffsets(index, range)).toEqual({ start: 0, end: 4 });
    const outside = document.createRange();
    outside.selectNodeContents(document.querySelector('footer')!);
    expect(rangeToOffsets(index, outside)).toBeNull();
  });
});
