/** UI strings through browser.i18n; the key list lives in public/_locales/en/messages.json. */
import { browser } from 'wxt/browser';
import { verdictDefinition, type Verdict } from './annotation';

export function t(key: string, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key as never, substitutions) || key;
  } catch {
    return key; // i18n unavailable (unit tests without a mock): the key still says what is meant
  }
}

/** The browser UI language ('ko', 'en-US', …); formats dates and numbers to match the strings. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || navigator.language || 'en';
  } catch {
    return typeof navigator !== 'undefined' ? navigator.language : 'en';
  }
}

export function isKoreanUi(): boolean {
  return uiLanguage().toLowerCase().startsWith('ko');
}

/** Verdict labels come from the one shared scale (utils/annotation.ts), in the UI language. */
export function verdictLabel(verdict: Verdict): string {
  const definition = verdictDefinition(verdict);
  return isKoreanUi() ? definition.ko : definition.en;
}
