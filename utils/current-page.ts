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

export async function currentPage(search: string = location.search): Promise<CurrentPage> {
  const tabParam = new URLSearchParams(search).get('tabId');
  const tab = tabParam
    ? await browser.tabs.get(Number(tabParam))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.id) return {};
  try {
    const reply = (await browser.tabs.sendMessage(tab.id, { type: 'tab.pageUrl', payload: {} })) as { url?: string } | undefined;
    if (reply?.url) return { tabId: tab.id, url: reply.url };
  } catch {
    /* no content script on this tab (chrome:// pages, store pages, not yet injected) */
  }
  if (!tab.url || !/^https?:/.test(tab.url)) return { tabId: tab.id };
  return { tabId: tab.id, url: normalizePageUrl(tab.url) };
}
