/**
 * Highlights and notes in Chromium with the built extension: detections are
 * painted with the CSS Custom Highlight API, a note made from a selection
 * (keyboard only) is saved, comes back in the same place after a reload,
 * re-anchors fuzzily on an edited copy of the page or is listed as an orphan,
 * and the page's text and layout never change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, startSession, type Session } from './harness';

/** The extension API inside serviceWorker.evaluate (runs in the worker, not here). */
declare const chrome: any;

const FIXTURE = 'news-ko-grok3.html';
const NOTE_QUOTE = '엔비디아 H100 GPU 10만개를 탑재한 콜로서스(Colossus) 슈퍼컴퓨터에서 훈련됐다';
const EDITED_QUOTE = '엔비디아 H100 GPU 20만개를 탑재한 콜로서스(Colossus) 슈퍼컴퓨터에서 훈련됐다';
const ORPHAN_QUOTE = '그록2 버전은 현재 iOS 독립 앱으로 제공되고 있으며';

/** Before any extension code runs: the page's text, paragraph boxes and a layout-shift tally. */
const RECORD_BASELINE = () => {
  const w = window as unknown as { __fm: { text: string; boxes: number[][]; cls: number } };
  w.__fm = { text: '', boxes: [], cls: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
      if (!entry.hadRecentInput) w.__fm.cls += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    w.__fm.text = document.body.innerText;
    w.__fm.boxes = [...document.querySelectorAll('p, h1, h2, li')].map((e) => {
      const r = e.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height];
    });
  });
};

async function pageState(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __fm: { text: string; boxes: number[][]; cls: number } };
    const boxes = [...document.querySelectorAll('p, h1, h2, li')].map((e) => {
      const r = e.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height];
    });
    const highlights: Record<string, string[]> = {};
    for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<Range>>) {
      if (name.startsWith('factmark-')) highlights[name.replace(/^factmark-[a-z0-9]+-/, '')] = [...highlight].map((r) => r.toString());
    }
    return { baseline: w.__fm, text: document.body.innerText, boxes, highlights, cls: w.__fm.cls };
  });
}

/** Selects the first occurrence of `text` in the page (main world). */
async function select(page: Page, text: string) {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(needle);
      if (at === -1) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
    throw new Error(`"${needle}" not on the page`);
  }, text);
}

async function waitForHighlights(page: Page, key: string, timeout = 15_000) {
  await expect.poll(async () => (await pageState(page)).highlights[key]?.length ?? 0, { timeout }).toBeGreaterThan(0);
}

describe('highlights and notes in the page', () => {
  let session: Session;
  let fixtureUrl: string;
  beforeAll(async () => {
    session = await startSession();
    await session.context.addInitScript(RECORD_BASELINE);
    fixtureUrl = session.fixtureUrl(FIXTURE);
  });
  afterAll(async () => session?.close());

  it('paints claims and figures on the Korean article without changing its text or layout', async () => {
    const { page } = await session.openFixture(FIXTURE);
    await session.waitForDetections(page.url());
    await waitForHighlights(page, 'figure');
    const state = await pageState(page);
    expect(state.highlights.figure).toEqual(expect.arrayContaining([expect.stringContaining('10만개')]));
    expect(state.baseline.text.length).toBeGreaterThan(1_000);
    expect(state.text).toBe(state.baseline.text);
    expect(state.boxes).toEqual(state.baseline.boxes);
    expect(state.cls).toBe(0);
    // Only our namespaced ::highlight rules were added to the page.
    const injected = await page.evaluate(() => [...document.querySelectorAll('style[data-factmark]')].map((s) => s.textContent ?? ''));
    expect(injected).toHaveLength(1);
    for (const rule of injected[0].split('\n')) expect(rule).toMatch(/^::highlight\(factmark-[a-z0-9]+-[a-z0-9-]+\) \{[^{}]*\}$/);
    await page.screenshot({ path: session.screenshotPath('highlights-ko.png') });
    await page.close();
  });

  it('shows the hover card over a figure', async () => {
    const { page } = await session.openFixture(FIXTURE);
    await waitForHighlights(page, 'figure');
    const box = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf('500만달러');
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 6);
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error('figure not found');
    });
    await page.mouse.move(box.x - 40, box.y + 80);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    await page.waitForTimeout(700);
    const hostSize = await page.evaluate(() => document.querySelectorAll('factmark-ui').length);
    expect(hostSize).toBe(1);
    await page.screenshot({ path: session.screenshotPath('hover-card.png') });
    const state = await pageState(page);
    expect(state.text).toBe(state.baseline.text);
    await page.close();
  });

  it('saves a note from a selection with the keyboard, re-anchors it after reload, fuzzily after an edit, and lists a removed quote as orphan', async () => {
    const { page, tabId } = await session.openFixture(FIXTURE);
    await waitForHighlights(page, 'figure');

    // 1. Toolbar "Highlight" on one selection (mouse), for the orphan case later.
    const rect = await select(page, ORPHAN_QUOTE);
    await page.waitForTimeout(700); // selectionchange is debounced
    await page.screenshot({ path: session.screenshotPath('selection-toolbar.png') });
    await page.mouse.click(rect.left + 24, rect.top - 8 - 14); // the toolbar sits above the selection
    await expect.poll(async () => (await session.readTable('annotations')).filter((a) => a.kind === 'highlight').length, { timeout: 5_000 }).toBe(1);

    // 2. "Fact-check selection" through the keyboard command path, then the editor by keyboard only.
    await select(page, NOTE_QUOTE);
    await session.serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'tab.selectionAction', payload: { action: 'fact-check' } }),
      tabId,
    );
    await page.waitForTimeout(300);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown'); // "no verdict" → … → "false" (사실 아님)
    await page.keyboard.press('Tab');
    await page.keyboard.type('H100 10만개 × 60페타플롭스 = 6엑사플롭스: 원문 확인 필요');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-a-url');
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(200);
    expect((await session.readTable('annotations')).length).toBe(1); // refused: invalid source
    await page.keyboard.press('Control+a');
    await page.keyboard.type('https://www.nvidia.com/en-us/data-center/h100/');
    await page.keyboard.press('Tab');
    await page.keyboard.type('GPU, 연산량');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await session.readTable('annotations')).length, { timeout: 5_000 }).toBe(2);
    const note = (await session.readTable('annotations')).find((a) => a.quote === NOTE_QUOTE)!;
    expect(note).toMatchObject({
      kind: 'claim',
      verdict: 'false',
      sources: ['https://www.nvidia.com/en-us/data-center/h100/'],
      tags: ['GPU', '연산량'],
    });
    expect(note.selectors.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector', 'RangeSelector']);
    await waitForHighlights(page, 'note-false');

    // 3. Reload: the note comes back on the same text.
    await page.reload();
    await waitForHighlights(page, 'note-false');
    let state = await pageState(page);
    expect(state.highlights['note-false']).toEqual([NOTE_QUOTE]);
    expect(state.highlights['note-plain']).toEqual([ORPHAN_QUOTE]);
    expect(state.text).toBe(state.baseline.text);
    expect(state.cls).toBe(0);

    // 4. The newsroom edits the page: one figure changed, the other sentence removed.
    const edited = readFileSync(join(FIXTURES_DIR, 'anchoring', 'ko-word-changed.after.html'), 'utf8').replace(
      /<p>그록2 버전은[^<]*<\/p>/u,
      '',
    );
    await page.route(fixtureUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: edited }));
    await page.reload();
    await waitForHighlights(page, 'note-false');
    state = await pageState(page);
    expect(state.highlights['note-false']).toEqual([EDITED_QUOTE]);
    expect(state.highlights['note-plain']).toBeUndefined();
    expect(state.text).toBe(state.baseline.text);
    await expect
      .poll(async () => (await session.readTable('anchorStatus')).filter((s) => s.orphan === 1).map((s) => s.id), { timeout: 5_000 })
      .toEqual([(await session.readTable('annotations')).find((a) => a.kind === 'highlight')!.id]);
    await page.screenshot({ path: session.screenshotPath('highlights-ko-edited.png') });
    await page.unroute(fixtureUrl);
    await page.close();
  });

  it('highlights content added later, and re-runs after history navigation', async () => {
    const { page } = await session.openFixture(FIXTURE);
    await waitForHighlights(page, 'figure');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '추가 보도에 따르면 xAI는 내년까지 GPU 777만개를 더 확보할 계획이다.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(async () => (await pageState(page)).highlights.figure?.some((t) => t.includes('777만개')) ?? false, { timeout: 10_000 }).toBe(true);

    const before = (await session.readTable('pages')).length;
    await page.evaluate(() => history.pushState({}, '', '?page=2'));
    await expect.poll(async () => (await session.readTable('pages')).length, { timeout: 10_000 }).toBe(before + 1);
    const pages = await session.readTable('pages');
    expect(pages.map((p) => p.url)).toContain(`${fixtureUrl}?page=2`);
    await page.close();
  });
});

describe('in a Korean browser on a dark page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession({ locale: 'ko', colorScheme: 'dark' });
    await session.context.addInitScript(RECORD_BASELINE);
  });
  afterAll(async () => session?.close());

  it('keeps highlights legible and labels the editor in Korean', async () => {
    const { page, tabId } = await session.openFixture(FIXTURE);
    await page.addStyleTag({ content: 'body, header, footer, .ad { background: #121418 !important; color: #e6e6e6 !important; } a { color: #8ab4f8 !important; }' });
    await waitForHighlights(page, 'figure');
    await page.evaluate(() => window.scrollTo(0, 400));
    await page.screenshot({ path: session.screenshotPath('highlights-ko-dark.png') });
    await select(page, NOTE_QUOTE);
    await session.serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'tab.selectionAction', payload: { action: 'fact-check' } }),
      tabId,
    );
    await page.waitForTimeout(400);
    await page.screenshot({ path: session.screenshotPath('note-editor-ko.png') });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    // Esc closed the editor; focus is back in the page, nothing saved.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('FACTMARK-UI');
    expect(await session.readTable('annotations')).toEqual([]);
    await page.close();
  });
});
