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

export async function currentPage(search: string = location.search): Promise<CurrentPage> {
  const tabParam = new URLSearchParams(search).get('tabId');
  if (tabParam && /^\d+$/.test(tabParam)) {
    // The content script's answer (canonical link respected) first: one round trip in the common case.
    const tabId = Number(tabParam);
    const reported = await askContentScript(tabId);
    if (reported) return { tabId, url: reported };
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return tab?.id === undefined ? {} : fromTabUrl(tab.id, tab.url);
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return {};
  const reported = await askContentScript(tab.id);
  return reported ? { tabId: tab.id, url: reported } : fromTabUrl(tab.id, tab.url);
}
