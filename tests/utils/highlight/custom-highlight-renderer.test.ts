// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createTextIndex } from '../../../utils/anchor/text-index';
import { type HighlightApi, createCustomHighlightRenderer, highlightName } from '../../../utils/highlight/custom-highlight-renderer';
import { extractArticle } from '../../../utils/detect/article';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

function fakeApi() {
  const registry = new Map<string, unknown>();
  const api: HighlightApi = { registry, create: (ranges) => new FakeHighlight(ranges) as never };
  return { api, registry };
}

function setup() {
  document.head.innerHTML = '';
  document.body.innerHTML = '<article><p>그록3는 H100 GPU 10만개로 훈련됐다.</p><p>연산량은 6엑사플롭스다.</p></article>';
  const html = document.body.innerHTML;
  const index = createTextIndex(extractArticle(document, document.querySelector('article')!));
  const { api, registry } = fakeApi();
  const renderer = createCustomHighlightRenderer(document, api, 'tok', () => index);
  return { index, api, registry, renderer, html };
}

describe('custom highlight renderer', () => {
  it('registers one namespaced highlight per style and leaves the DOM alone', () => {
    const { index, registry, renderer, html } = setup();
    const at = index.text.indexOf('10만개');
    renderer.setLayer('detections', [
      { start: at, end: at + 4, style: 'figure' },
      { start: 0, end: index.text.indexOf('.') + 1, style: 'claim-2' },
    ]);
    expect([...registry.keys()].sort()).toEqual([highlightName('tok', 'claim-2'), highlightName('tok', 'figure')]);
    const figure = registry.get('factmark-tok-figure') as FakeHighlight;
    expect([...figure].map((r) => (r as Range).toString())).toEqual(['10만개']);
    expect(figure.priority).toBeGreaterThan((registry.get('factmark-tok-claim-2') as FakeHighlight).priority);
    expect(document.body.innerHTML).toBe(html);
    const style = document.head.querySelector('style[data-factmark]')!;
    // Only ::highlight rules for our names.
    for (const line of style.textContent!.split('\n')) expect(line).toMatch(/^::highlight\(factmark-tok-[a-z0-9-]+\) \{[^{}]*\}$/);
  });

  it('replaces a layer and drops styles no longer used', () => {
    const { registry, renderer } = setup();
    renderer.setLayer('notes', [{ start: 0, end: 3, style: 'note-false' }]);
    renderer.setLayer('notes', [{ start: 0, end: 3, style: 'note-true' }]);
    expect(registry.has('factmark-tok-note-false')).toBe(false);
    expect(registry.has('factmark-tok-note-true')).toBe(true);
  });

  it('repairs a registry or stylesheet cleared by page scripts', () => {
    const { registry, renderer } = setup();
    renderer.setLayer('detections', [{ start: 0, end: 3, style: 'figure' }]);
    expect(renderer.repair()).toBe(false);
    registry.clear();
    document.head.innerHTML = '';
    expect(renderer.repair()).toBe(true);
    expect(registry.has('factmark-tok-figure')).toBe(true);
    expect(document.head.querySelector('style[data-factmark]')).not.toBeNull();
    renderer.destroy();
    expect(registry.size).toBe(0);
    expect(document.querySelector('style[data-factmark]')).toBeNull();
  });
});
