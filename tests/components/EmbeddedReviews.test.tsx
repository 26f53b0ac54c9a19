// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EmbeddedReviews } from '../../components/EmbeddedReviews';
import { PopupEnvContext } from '../../components/popup-env';
import { readEmbeddedClaimReviews } from '../../utils/formats/embedded-claimreview';
import { click, installEnglishStrings, mount, testEnv, waitFor } from './render-helpers';

const PAGE = 'http://127.0.0.1:8000/factcheck-claimreview.html';
const html = readFileSync(join(__dirname, '../fixtures/factcheck-claimreview.html'), 'utf8');

beforeEach(() => {
  installEnglishStrings();
  document.body.innerHTML = '';
});

describe('EmbeddedReviews', () => {
  it('lists the page\'s reviews with ratings and saves one as a note, once', async () => {
    const setup = testEnv();
    const reviews = readEmbeddedClaimReviews(new DOMParser().parseFromString(html, 'text/html'));
    setup.env.sendToTab = vi.fn(async () => ({ reviews }));
    const container = await mount(
      <PopupEnvContext.Provider value={setup.env}>
        <EmbeddedReviews tabId={3} pageUrl={PAGE} />
      </PopupEnvContext.Provider>,
    );
    const heading = await waitFor(() => container.querySelector('h2'));
    expect(heading.textContent).toBe('This page reviews 3 claims');
    expect(setup.env.sendToTab).toHaveBeenCalledWith(3, { type: 'tab.embeddedReviews', payload: {} });
    const items = container.querySelectorAll('li.embedded-review');
    expect(items[0].textContent).toContain('국내 데이터센터 전력 사용량이 10년 새 3배로 늘었다');
    expect(items[0].textContent).toContain('대체로 사실 아님');
    expect(items[0].textContent).toContain('Reviewed by 팩트체크 뉴스');
    expect(items[0].textContent).toContain('Saved with verdict: Mostly false');
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('https://factcheck.example.kr/2025/03/datacenter-power#claim-1');

    await click(items[0].querySelector('button'));
    await waitFor(() => items[0].querySelector('button')?.textContent === 'Saved');
    const notes = await setup.db.annotations.toArray();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'claim', verdict: 'mostly-false', pageUrl: PAGE, sources: expect.arrayContaining(['https://factcheck.example.kr/2025/03/datacenter-power#claim-1']) });
    expect(items[0].querySelector('button')?.hasAttribute('disabled')).toBe(true);
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toContain('as a note');
  });

  it('renders nothing when the page has no reviews or no content script', async () => {
    const setup = testEnv();
    setup.env.sendToTab = vi.fn(async () => {
      throw new Error('Could not establish connection.');
    });
    const container = await mount(
      <PopupEnvContext.Provider value={setup.env}>
        <EmbeddedReviews tabId={3} pageUrl={PAGE} />
      </PopupEnvContext.Provider>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(container.innerHTML).toBe('');
  });

  it('never renders page text as HTML', async () => {
    const setup = testEnv();
    setup.env.sendToTab = vi.fn(async () => ({
      reviews: [{ claimReviewed: '<img src=x onerror="window.pwned=1">', rating: { alternateName: '<b>False</b>' } }],
    }));
    const container = await mount(
      <PopupEnvContext.Provider value={setup.env}>
        <EmbeddedReviews tabId={3} pageUrl={PAGE} />
      </PopupEnvContext.Provider>,
    );
    await waitFor(() => container.querySelector('blockquote'));
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('blockquote')?.textContent).toBe('<img src=x onerror="window.pwned=1">');
  });
});
