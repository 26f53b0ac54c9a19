/** UI strings through browser.i18n; the key list lives in public/_locales/en/messages.json. */
import { browser } from 'wxt/browser';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions) || key;
}
