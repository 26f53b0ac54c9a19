/** The real PopupEnv for extension pages: browser.runtime, browser.tabs, the shared database. */
import { browser } from 'wxt/browser';
import type { FactmarkDB } from '../utils/db/schema';
import { uiLanguage } from '../utils/i18n';
import type { PopupEnv } from './popup-env';

/** Everything but the database: what the popup's first paint needs (entrypoints/popup/app.tsx). */
export function browserShellEnv(): Omit<PopupEnv, 'db'> {
  return {
    transport: browser.runtime,
    sendToTab: (tabId, command) => browser.tabs.sendMessage(tabId, command),
    openUrl: (url) => void browser.tabs.create({ url }),
    locale: uiLanguage(),
  };
}

export function browserEnv(db: FactmarkDB): PopupEnv {
  return { ...browserShellEnv(), db };
}
