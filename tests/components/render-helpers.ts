/** Shared setup for popup/options component tests: real handlers over fake-indexeddb, English strings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PopupEnv } from '../../components/popup-env';
import { createHandlers } from '../../utils/background/handlers';
import { openDatabase } from '../../utils/db/schema';
import { dispatch, type Origin } from '../../utils/messages';

const messages = JSON.parse(readFileSync(join(__dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** browser.i18n as Chromium does it: $NAME$ placeholders from $1..$9 substitutions. */
export function installEnglishStrings(): void {
  const getMessage = (key: string, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_m, d: string) => list[Number(d) - 1] ?? '');
    });
  };
  (fakeBrowser.i18n as unknown as { getMessage: typeof getMessage }).getMessage = getMessage;
  (fakeBrowser.i18n as unknown as { getUILanguage: () => string }).getUILanguage = () => 'en';
}

export function testEnv(origin: Origin = 'extension') {
  const db = openDatabase(`ui-${Math.random()}`);
  const handlers = createHandlers({ db, broadcast: () => {} });
  const sent: unknown[] = [];
  const env: PopupEnv = {
    db,
    transport: {
      sendMessage: async (message) => {
        sent.push(message);
        return dispatch(handlers, message, origin, undefined);
      },
    },
    sendToTab: vi.fn(async () => undefined),
    openUrl: vi.fn(),
    locale: 'en',
  };
  return { db, env, handlers, sent };
}

export async function mount(vnode: preact.VNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => render(vnode, container));
  return container;
}

/** Polls (liveQuery and IndexedDB are asynchronous) until `check` passes or 10 s elapse (the machine may be busy). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const result = await check();
      if (result !== false && result !== null && result !== undefined) return result as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    await act(() => new Promise((r) => setTimeout(r, 15)));
  }
  throw lastError ?? new Error('waitFor timed out');
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(() => (element as HTMLElement).click());
}

export async function key(element: Element, keyName: string): Promise<void> {
  await act(() => void element.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true })));
}
