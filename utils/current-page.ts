/**
 * Which page an extension view is about: `?tabId=` when opened in a tab (tests,
 * keyboard users), else the active tab. The content script reports the
 * normalised URL; the tab URL is the fallback when it is not running.
 */
import { browser } from 'wxt/browser';
import { normalizePageUrl } from './db/page-url';

export interface CurrentPage {
  tabId?: number;
  url?: string;
}

export interface PageLookup {
  /**
   * The tab and its own URL, normalised, from the browser alone: known before the content
   * script answers and, unless the page names a different canonical URL, the same page.
   */
  guess: Promise<CurrentPage>;
  /** The answer: the content script's URL (canonical link respected), else the guess. */
  page: Promise<CurrentPage>;
}

async function askContentScript(tabId: number): Promise<string | undefined> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'tab.pageUrl', payload: {} })) as { url?: string } | undefined;
    return typeof reply?.url === 'string' ? reply.url : undefined;
  } catch {
    return undefined; // no content script on this tab (chrome:// pages, store pages, not yet injected)
  }
}

function fromTabUrl(tabId: number, url: string | undefined): CurrentPage {
  if (!url || !/^https?:/.test(url)) return { tabId };
  try {
    return { tabId, url: normalizePageUrl(url) };
  } catch {
    return { tabId };
  }
}

/** Starts both answers at once, so a caller can begin reading the guessed page's rows while the content script replies. */
export function lookUpPage(search: string = location.search): PageLookup {
  const tabParam = new URLSearchParams(search).get('tabId');
  if (tabParam && /^\d+$/.test(tabParam)) {
    const tabId = Number(tabParam);
    const guess = browser.tabs
      .get(tabId)
      .then((tab) => (tab?.id === undefined ? {} : fromTabUrl(tab.id, tab.url)))
      .catch((): CurrentPage => ({}));
    const reported = askContentScript(tabId);
    return { guess, page: reported.then((url) => (url ? { tabId, url } : guess)) };
  }
  const guess = browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([tab]) => (tab?.id === undefined ? {} : fromTabUrl(tab.id, tab.url)))
    .catch((): CurrentPage => ({}));
  const page = guess.then(async (tab) => {
    if (tab.tabId === undefined) return tab;
    const reported = await askContentScript(tab.tabId);
    return reported ? { tabId: tab.tabId, url: reported } : tab;
  });
  return { guess, page };
}

export function currentPage(search: string = location.search): Promise<CurrentPage> {
  return lookUpPage(search).page;
}
