// @vitest-environment jsdom
/**
 * The content-script session over a jsdom page. jsdom has no CSS Custom
 * Highlight API, so this also drives the <factmark-mark> fallback end to end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../utils/annotation';
import { describeOffsets } from '../../../utils/anchor/describe';
import { createTextIndex } from '../../../utils/anchor/text-index';
import { PageSession, type PageSessionDeps } from '../../../utils/content/page-session';
import { extractArticle } from '../../../utils/detect/article';
import { scanText } from '../../../utils/detect/scan';
import { mountPageUi } from '../../../components/page-ui/mount';

const FIXTURE = readFileSync(join(__dirname, '../../fixtures/news-ko-grok3.html'), 'utf8');
const URL_ = 'https://news.example.kr/grok3';

function loadFixture(html = FIXTURE) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
}

function noteOn(text: string, id: string, extra: Partial<Annotation> = {}): Annotation {
  const index = createTextIndex(extractArticle(document));
  const at = index.text.indexOf(text);
  const described = describeOffsets(index, at, at + text.length)!;
  return { id, pageUrl: URL_, kind: 'claim', quote: described.quote, selectors: described.selectors, sources: [], tags: [], createdAt: '2025-02-17T00:00:00.000Z', updatedAt: '2025-02-17T00:00:00.000Z', ...extra };
}

function session(settings: Record<string, unknown>, stored: Annotation[], scan: PageSessionDeps['scan'] = (text, languages) => scanText(text, { languages })) {
  const calls: Array<[string, any]> = [];
  const send = vi.fn(async (type: string, payload: any) => {
    calls.push([type, payload]);
    switch (type) {
      case 'settings.get':
        return { settings };
      case 'page.report':
        return { page: { url: URL_ }, annotations: stored };
      case 'annotations.forPage':
        return { annotations: stored };
      case 'anchors.report':
        return { orphans: payload.orphans.length };
      case 'annotation.save':
        return { annotation: { ...payload.annotation, id: 'new-1', createdAt: 'x', updatedAt: 'x' } };
      default:
        throw new Error(`unexpected ${type}`);
    }
  });
  const deps: PageSessionDeps = {
    doc: document,
    win: window,
    send: send as unknown as PageSessionDeps['send'],
    pageUrl: () => URL_,
    extract: (doc) => extractArticle(doc),
    scan,
    mountUi: mountPageUi,
    locale: 'en',
    t: (key) => key,
  };
  return { page: new PageSession(deps), calls };
}

const marks = () => [...document.querySelectorAll('factmark-mark')].map((m) => [m.getAttribute('data-fm-style'), m.textContent]);
/** Text painted with one style (the fallback splits a note where a figure sits inside it). */
const painted = (style: string) => marks().filter(([s]) => s === style).map(([, text]) => text).join('');

// jsdom has no layout.
(Range.prototype as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = () => ({ left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 });

describe('page session', () => {
  beforeEach(() => loadFixture());

  it('reports the page, draws detections and notes, and reports orphans', async () => {
    const textBefore = document.body.textContent;
    const kept = noteOn('H100 GPU 10만개를 탑재한', 'kept', { verdict: 'false' });
    const gone = { ...noteOn('현재 iOS 독립 앱으로', 'gone'), selectors: [{ type: 'TextQuoteSelector' as const, exact: '이 문장은 페이지에 없다 전혀 없다' }] };
    const { page, calls } = session({ minScore: 0.5, highlightDetections: true, disabledSites: [] }, [kept, gone]);
    await page.start();
    expect(calls.map(([type]) => type)).toEqual(['settings.get', 'page.report', 'anchors.report']);
    expect(calls[1][1].page).toMatchObject({ url: URL_, lang: 'ko' });
    expect(calls[2][1]).toEqual({ url: URL_, orphans: ['gone'], anchored: ['kept'] });
    expect(page.orphanIds).toEqual(['gone']);
    expect(painted('note-false')).toBe('H100 GPU 10만개를 탑재한');
    expect(marks().some(([style]) => style === 'figure')).toBe(true);
    // Fallback wrapping leaves the text as it was.
    expect(document.body.textContent).toBe(textBefore);
    page.destroy();
    expect(document.querySelector('factmark-mark')).toBeNull();
    expect(document.body.textContent).toBe(textBefore);
  });

  it('scans through an asynchronous detector (the background worker) with the same result', async () => {
    const scanned: string[] = [];
    const { page, calls } = session({ minScore: 0.5, highlightDetections: true, disabledSites: [] }, [], async (text) => {
      scanned.push(text);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return scanText(text);
    });
    await page.start();
    expect(scanned).toHaveLength(1);
    const reported = calls.find(([type]) => type === 'page.report')![1];
    expect(reported.figures).toEqual(scanText(scanned[0]).figures);
    expect(marks().some(([style]) => style === 'figure')).toBe(true);
    page.destroy();
  });

  it('when the detector fails, saved notes still anchor and nothing is reported', async () => {
    const kept = noteOn('H100 GPU 10만개를 탑재한', 'kept', { verdict: 'true' });
    const { page, calls } = session({ minScore: 0.5, highlightDetections: true, disabledSites: [] }, [kept], async () => {
      throw new Error('worker restarting');
    });
    await page.start();
    expect(calls.map(([type]) => type).slice(0, 2)).toEqual(['settings.get', 'annotations.forPage']);
    expect(calls.map(([type]) => type)).not.toContain('page.report');
    expect(painted('note-true')).toBe('H100 GPU 10만개를 탑재한');
    expect(marks().every(([style]) => style === 'note-true')).toBe(true);
    page.destroy();
  });

  it('on a disabled site: no scan and no report, but saved notes still show', async () => {
    const kept = noteOn('H100 GPU 10만개를 탑재한', 'kept', { verdict: 'true' });
    const { page, calls } = session({ disabledSites: ['localhost'] }, [kept]);
    await page.start();
    expect(calls.map(([type]) => type)).not.toContain('page.report');
    expect(calls.map(([type]) => type)).toContain('annotations.forPage');
    expect(painted('note-true')).toBe('H100 GPU 10만개를 탑재한');
    expect(marks().every(([style]) => style === 'note-true')).toBe(true);
    page.destroy();
  });

  it('reads only the chosen languages, and a change of languages re-scans and re-reports the page', async () => {
    const { page, calls } = session({ minScore: 0.5, highlightDetections: true, disabledSites: [], languages: ['en'] }, []);
    await page.start();
    const first = calls.find(([type]) => type === 'page.report')![1];
    // The Korean article read with English only: its Hangul paragraphs give nothing.
    expect(first.claims.every((c: { text: string }) => !/[가-힣]/.test(c.text))).toBe(true);
    expect(first.figures.every((f: { text: string }) => !/[가-힣]/.test(f.text))).toBe(true);
    await page.handleMessage({ type: 'settings.changed', payload: { settings: { minScore: 0.5, highlightDetections: true, disabledSites: [], languages: ['ko', 'en'] } } });
    const reports = calls.filter(([type]) => type === 'page.report');
    expect(reports).toHaveLength(2);
    expect(reports[1][1].figures.some((f: { text: string }) => f.text === '10만개')).toBe(true);
    expect(reports[1][1].claims.length).toBeGreaterThan(first.claims.length);
    // A minimum-score change redraws without re-reporting.
    await page.handleMessage({ type: 'settings.changed', payload: { settings: { minScore: 0.7, highlightDetections: true, disabledSites: [], languages: ['ko', 'en'] } } });
    expect(calls.filter(([type]) => type === 'page.report')).toHaveLength(2);
    page.destroy();
  });

  it('answers tab commands: page URL, detections, scroll to a note, selection actions', async () => {
    const kept = noteOn('최대 60페타플롭스(PFLOPS)', 'kept');
    const { page, calls } = session({}, [kept]);
    await page.start();
    expect(await page.handleMessage({ type: 'tab.pageUrl' })).toEqual({ url: URL_ });
    const detections = (await page.handleMessage({ type: 'tab.detections', payload: {} })) as { figures: unknown[]; orphans: string[] };
    expect(detections.figures.length).toBeGreaterThan(3);
    window.scrollTo = vi.fn() as never;
    expect(await page.handleMessage({ type: 'tab.scrollTo', payload: { annotationId: 'kept' } })).toEqual({ found: true });
    expect(painted('flash')).toBe('최대 60페타플롭스(PFLOPS)');
    expect(await page.handleMessage({ type: 'tab.scrollTo', payload: { annotationId: 'nope' } })).toEqual({ found: false });
    expect(page.handleMessage({ type: 'something.else' })).toBeUndefined();

    // "Highlight" on a selection saves a highlight note with W3C selectors.
    const node = [...document.querySelectorAll('p')].find((p) => p.textContent!.includes('딥헤르메스는'))!;
    const range = document.createRange();
    range.selectNodeContents(node);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    expect(await page.handleMessage({ type: 'tab.selectionAction', payload: { action: 'highlight' } })).toEqual({ ok: true });
    const saved = calls.find(([type]) => type === 'annotation.save')![1].annotation;
    expect(saved).toMatchObject({ pageUrl: URL_, kind: 'highlight', sources: [], tags: [] });
    expect(saved.quote.startsWith('메타의 라마(Llama) 3.1을')).toBe(true);
    expect(saved.selectors.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector', 'RangeSelector']);
    expect(painted('note-plain')).toContain('딥헤르메스는');
    page.destroy();
  });
});
