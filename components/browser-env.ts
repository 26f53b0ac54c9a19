/** The real PopupEnv for extension pages: browser.runtime, browser.tabs, the shared database. */
import { browser } from 'wxt/browser';
import type { FactmarkDB } from '../utils/db/schema';
import { uiLanguage } from '../utils/i18n';
import type { PopupEnv } from './popup-env';

export function browserEnv(db: FactmarkDB): PopupEnv {
  return {
    db,
    transport: browser.runtime,
    sendToTab: (tabId, command) => browser.tabs.sendMessage(tabId, command),
    openUrl: (url) => void browser.tabs.create({ url }),
    locale: uiLanguage(),
  };
}
