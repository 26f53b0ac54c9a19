// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { hasForeignChange, touchesArticle, watchDom } from '../../../utils/content/dom-watch';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('DOM watch', () => {
  it('reacts to page content added later, not to our own elements', async () => {
    document.body.innerHTML = '<article><p>첫 문단</p></article>';
    const changed = vi.fn();
    const watch = watchDom(document.body, changed);
    const mark = document.createElement('factmark-mark');
    document.querySelector('p')!.append(mark);
    mark.append('x');
    document.body.append(document.createElement('factmark-ui'));
    await flush();
    expect(changed).not.toHaveBeenCalled();
    const more = document.createElement('p');
    more.textContent = '무한 스크롤로 들어온 문단';
    document.querySelector('article')!.append(more);
    await flush();
    expect(changed).toHaveBeenCalledOnce();
    watch.stop();
  });

  it('drops the records of our own synchronous DOM work', async () => {
    document.body.innerHTML = '<p>본문 텍스트</p>';
    const changed = vi.fn();
    const watch = watchDom(document.body, changed);
    (document.querySelector('p')!.firstChild as Text).splitText(2);
    watch.discardPending();
    await flush();
    expect(changed).not.toHaveBeenCalled();
    watch.stop();
  });

  it('treats text edits as foreign', () => {
    document.body.innerHTML = '<p>본문</p>';
    const record = { type: 'characterData', target: document.querySelector('p')!.firstChild!, addedNodes: [], removedNodes: [] } as unknown as MutationRecord;
    expect(hasForeignChange([record])).toBe(true);
  });

  it('ignores churn outside the article unless it brings real text', async () => {
    document.body.innerHTML = '<div id="ticker">KOSPI 2,500</div><article><p>본문</p></article>';
    const article = document.querySelector('article')!;
    const changed = vi.fn();
    const watch = watchDom(document.body, changed, (record) => touchesArticle(record, article));
    document.getElementById('ticker')!.textContent = 'KOSPI 2,501';
    await flush();
    expect(changed).not.toHaveBeenCalled();
    article.querySelector('p')!.append(' 수정');
    await flush();
    expect(changed).toHaveBeenCalledTimes(1);
    const next = document.createElement('section');
    next.textContent = '다음 기사: '.repeat(20);
    document.body.append(next);
    await flush();
    expect(changed).toHaveBeenCalledTimes(2);
    watch.stop();
  });
});
