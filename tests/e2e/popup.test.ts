/**
 * The popup in Chromium over the real extension: a note created on the fixture
 * appears in an already-open popup, is edited there with a one-click verdict,
 * and the change reaches the page. Also writes the popup screenshots
 * (Korean/English × light/dark) with real data.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/build-extension';
import { type Session, startSession } from './harness';

const FIXTURE = 'news-ko-grok3.html';

interface StoredFigure {
  start: number;
  end: number;
  text: string;
}
interface StoredClaim extends StoredFigure {
  score: number;
}

function noteOn(pageUrl: string, span: StoredFigure, extra: Record<string, unknown> = {}) {
  return {
    pageUrl,
    kind: 'figure',
    quote: span.text,
    selectors: [
      { type: 'TextQuoteSelector', exact: span.text },
      { type: 'TextPositionSelector', start: span.start, end: span.end },
    ],
    sources: [],
    tags: [],
    ...extra,
  };
}

/** Notes on other sites, so "All notes" has something to search and filter. */
function otherNotes(count: number) {
  const quotes = [
    ['오픈AI는 GPT-4 훈련에 약 1억달러가 들었다고 밝혔다', 'https://www.hani.co.kr/arti/economy/1', ['AI', '비용']],
    ['The data center will draw 1.5 gigawatts at full load', 'https://www.reuters.com/technology/datacenter-power', ['energy']],
    ['삼성전자는 HBM 생산능력을 2.5배로 늘린다고 발표했다', 'https://www.yna.co.kr/view/AKR2025', ['반도체']],
    ['Nvidia shipped 3.76 million data-center GPUs last year', 'https://www.theverge.com/2025/gpu-shipments', ['AI', 'GPU']],
    ['딥시크는 훈련비가 560만달러에 불과했다고 주장했다', 'https://www.chosun.com/economy/tech/2025', ['AI', '비용']],
  ] as const;
  const verdicts = ['mostly-true', 'half-true', 'false', 'true', 'unverifiable', undefined];
  return Array.from({ length: count }, (_, i) => {
    const [quote, url, tags] = quotes[i % quotes.length]!;
    const at = new Date(Date.UTC(2025, 1, 1) + i * 3_600_000).toISOString();
    const verdict = verdicts[i % verdicts.length];
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      pageUrl: `${url}?n=${Math.floor(i / quotes.length)}`,
      kind: 'claim',
      quote,
      selectors: [{ type: 'TextQuoteSelector', exact: quote }],
      sources: [],
      tags: [...tags],
      ...(verdict ? { verdict } : {}),
      ...(i % 4 === 0 ? { comment: '원문 보고서와 대조 필요' } : {}),
      createdAt: at,
      updatedAt: at,
    };
  });
}

async function noteTexts(popup: Page): Promise<string[]> {
  return popup.locator('#panel-page .note .quote').allTextContents();
}

function highlightModuleExists(): boolean {
  const dir = join(PROJECT_ROOT, 'utils', 'highlight');
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.ts'));
}

describe('popup end to end', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession({ locale: 'en' });
  });
  afterAll(async () => session?.close());

  it('a note created on the fixture appears in the open popup and is edited there', async () => {
    const { page, tabId } = await session.openFixture(FIXTURE);
    const detections = await session.waitForDetections(page.url());
    const figure = (detections.figures as StoredFigure[]).find((f) => f.text.includes('10만'));
    expect(figure, 'the fixture has the 10만개 figure').toBeDefined();

    // The popup is already open when the note is made: the change must reach it live.
    const popup = await session.openPopup(tabId);
    await popup.locator('[data-rendered="this-page"]').waitFor();
    expect(await noteTexts(popup)).toEqual([]);

    const saved = await session.send({ type: 'annotation.save', payload: { annotation: noteOn(page.url(), figure!, { tags: ['GPU'] }) } });
    expect(saved.ok).toBe(true);
    const id: string = saved.data.annotation.id;
    await expect.poll(() => noteTexts(popup), { timeout: 10_000 }).toEqual([figure!.text]);

    // One-click verdict in the popup → background → database → popup.
    const falseButton = popup.locator(`#panel-page [data-note-id="${id}"] .verdict-false`);
    await falseButton.click();
    await expect.poll(async () => (await session.readTable('annotations')).find((a) => a.id === id)?.verdict, { timeout: 10_000 }).toBe('false');
    await expect.poll(() => falseButton.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => popup.locator('.announcer[role="status"]').textContent()).toContain('False');

    // The note is also in "All notes", found by a Korean substring.
    await popup.getByRole('tab', { name: 'All notes' }).click();
    await popup.getByRole('searchbox').fill('만개');
    await expect.poll(() => popup.locator('[data-testid="all-notes"] [role="listitem"]').count()).toBe(1);
    await popup.close();
  });

  it('a settings change from the options page reaches an open popup at once', async () => {
    const { page, tabId } = await session.openFixture(FIXTURE);
    const detections = await session.waitForDetections(page.url());
    const claims = detections.claims as StoredClaim[];
    const popup = await session.openPopup(tabId);
    await popup.locator('[data-rendered="this-page"]').waitFor();
    // The heading counts every claim at or above the minimum score (the list shows the first screenful).
    const shownAt = async () => Number(await popup.locator('#claims-heading .count').textContent());
    const expected = (min: number) => claims.filter((c) => c.score >= min).length;
    await expect.poll(shownAt).toBe(expected(0.5));

    const options = await session.openPopup(undefined, 'options.html');
    const range = options.locator('#min-score');
    await range.waitFor();
    // Set the value and fire `change` in one task, as a slider release does: with fill() then dispatchEvent(), a
    // re-render from the previous write could reset the value in between and the test would send the old one.
    const slideTo = (value: string) =>
      range.evaluate((element: HTMLInputElement, next) => {
        element.value = next;
        element.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    await slideTo('0');
    await expect.poll(shownAt, { timeout: 10_000 }).toBe(expected(0));
    await slideTo('50');
    await expect.poll(shownAt, { timeout: 10_000 }).toBe(expected(0.5));
    await options.close();
    await popup.close();
  });

  it('clicking a note scrolls the page to it; a note whose text is gone is listed as not found', async () => {
    const { page, tabId } = await session.openFixture(FIXTURE);
    const detections = await session.waitForDetections(page.url());
    const figures = detections.figures as StoredFigure[];
    const deep = figures[figures.length - 1]!; // the last figure of the article, well below the fold
    const kept = await session.send({ type: 'annotation.save', payload: { annotation: noteOn(page.url(), deep) } });
    const gone = await session.send({
      type: 'annotation.save',
      payload: { annotation: noteOn(page.url(), { start: 5, end: 30, text: '이 문장은 기사에서 삭제되었습니다' }, { verdict: 'unverifiable' }) },
    });
    expect(kept).toMatchObject({ ok: true });
    expect(gone).toMatchObject({ ok: true });
    // On the next visit the content script re-anchors and reports the orphan.
    await page.reload();
    await expect
      .poll(async () => (await session.readTable('anchorStatus')).find((row) => row.id === gone.data.annotation.id)?.orphan, { timeout: 15_000 })
      .toBe(1);

    const popup = await session.openPopup(tabId);
    const orphans = popup.locator('[aria-labelledby="orphans-heading"]');
    await expect.poll(() => orphans.locator('.note .quote').allTextContents(), { timeout: 10_000 }).toEqual(['이 문장은 기사에서 삭제되었습니다']);
    expect(await popup.locator('[aria-labelledby="notes-heading"] .note .quote').allTextContents()).toContain(deep.text);

    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await popup.locator(`[data-note-id="${kept.data.annotation.id}"] .quote`).click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(100);
    // The highlight is in view: the page scrolled to where the note's text is.
    // Smooth scrolling takes a moment: poll until the note's text is inside the viewport.
    const inView = () => page.evaluate((text) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const rect = range.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      }
      return false;
    }, deep.text);
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    await popup.close();
  });

  it.skipIf(!highlightModuleExists())('the verdict set in the popup shows in the page highlight', async () => {
    const { page, tabId } = await session.openFixture(FIXTURE);
    const detections = await session.waitForDetections(page.url());
    const figure = (detections.figures as StoredFigure[]).find((f) => f.text.includes('500만'))!;
    const saved = await session.send({ type: 'annotation.save', payload: { annotation: noteOn(page.url(), figure) } });
    const id: string = saved.data.annotation.id;
    const popup = await session.openPopup(tabId);
    await popup.locator(`[data-note-id="${id}"] .verdict-mostly-false`).click();
    // CSS.highlights is per document, so the page's world can read what the content script
    // registered (utils/highlight names them `factmark-<token>-note-<verdict>`).
    const verdictRanges = (verdict: string) =>
      page.evaluate((suffix) => {
        const texts: string[] = [];
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('factmark-') || !name.endsWith(suffix)) continue;
          for (const range of highlight as unknown as Set<AbstractRange>) texts.push((range as Range).toString());
        }
        return texts;
      }, `-note-${verdict}`);
    await expect.poll(() => verdictRanges('mostly-false'), { timeout: 10_000 }).toContain(figure.text);
    await popup.locator(`[data-note-id="${id}"] .verdict-true`).click();
    await expect.poll(() => verdictRanges('true'), { timeout: 10_000 }).toContain(figure.text);
    expect(await verdictRanges('mostly-false')).not.toContain(figure.text);
    await popup.close();
  });
});

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['ko', 'light'],
  ['ko', 'dark'],
] as const)('popup screenshot %s %s', (locale, colorScheme) => {
  it('renders real data', async () => {
    const session = await startSession({ locale, colorScheme });
    try {
      const { page, tabId } = await session.openFixture(FIXTURE);
      const detections = await session.waitForDetections(page.url());
      const figures = detections.figures as StoredFigure[];
      const pick = (needle: string) => figures.find((f) => f.text.includes(needle));
      const seeds = [
        [pick('10만'), { verdict: 'mostly-true', tags: ['GPU'], comment: 'xAI 발표 기준. 독립 확인 필요' }],
        [pick('500만'), { verdict: 'false', tags: ['비용'] }],
      ] as const;
      for (const [figure, extra] of seeds) {
        if (figure) expect((await session.send({ type: 'annotation.save', payload: { annotation: noteOn(page.url(), figure, extra) } })).ok).toBe(true);
      }
      const imported = await session.send({ type: 'annotations.import', payload: { annotations: otherNotes(40) } });
      expect(imported.ok).toBe(true);
      const orphan = noteOn(page.url(), { start: 5, end: 30, text: '수정 전 기사에 있던 문장: 훈련 비용은 30억달러' }, { verdict: 'half-true' });
      expect((await session.send({ type: 'annotation.save', payload: { annotation: orphan } })).ok).toBe(true);
      await page.reload(); // the content script re-anchors and reports the orphan
      await expect.poll(async () => (await session.readTable('anchorStatus')).some((row) => row.orphan === 1), { timeout: 15_000 }).toBe(true);

      const popup = await session.openPopup(tabId);
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.evaluate(() => document.documentElement.classList.remove('in-tab'));
      await popup.locator('[data-rendered="this-page"]').waitFor();
      await expect.poll(() => popup.locator('#panel-page .note').count()).toBeGreaterThan(0);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(locale);
      await popup.screenshot({ path: session.screenshotPath(`popup-${locale}-${colorScheme}.png`) });

      await popup.getByRole('tab').nth(1).click();
      await popup.locator('[data-testid="all-notes"] [role="listitem"]').first().waitFor();
      await popup.screenshot({ path: session.screenshotPath(`popup-${locale}-${colorScheme}-all.png`) });
    } finally {
      await session.close();
    }
  });
});
