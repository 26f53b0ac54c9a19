/**
 * Entry points that act on the reader's selection from outside the page: the
 * "Fact-check selection" context-menu item and the keyboard commands. Both tell
 * the tab's content script what to do; the content script reads its own
 * selection (the background never sees page text).
 */
import type { TabCommand } from '../messages';

export const CONTEXT_MENU_ID = 'factmark-fact-check-selection';
export const COMMANDS = { factCheck: 'fact-check-selection', highlight: 'highlight-selection' } as const;

type SelectionCommand = Extract<TabCommand, { type: 'tab.selectionAction' }>;

/** The minimal browser surface used, so Node tests can pass WXT's fake browser. */
export interface SelectionActionsBrowser {
  contextMenus?: {
    create(properties: { id: string; title: string; contexts: ['selection'] }): unknown;
    removeAll?(): Promise<void> | void;
    onClicked: { addListener(cb: (info: { menuItemId: string | number }, tab?: { id?: number }) => void): void };
  };
  commands?: { onCommand: { addListener(cb: (command: string, tab?: { id?: number }) => void): void } };
  tabs: {
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    query(query: { active: true; currentWindow: true }): Promise<Array<{ id?: number }>>;
  };
  runtime: { onInstalled: { addListener(cb: () => void): void } };
}

export function commandFor(name: string): SelectionCommand | null {
  if (name === COMMANDS.factCheck) return { type: 'tab.selectionAction', payload: { action: 'fact-check' } };
  if (name === COMMANDS.highlight) return { type: 'tab.selectionAction', payload: { action: 'highlight' } };
  return null;
}

export function registerSelectionActions(browser: SelectionActionsBrowser, title: () => string): void {
  const tell = async (tabId: number | undefined, command: SelectionCommand) => {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    // No content script (e.g. a browser page): nothing to do.
    if (id !== undefined) await browser.tabs.sendMessage(id, command).catch(() => undefined);
  };
  if (browser.contextMenus) {
    const menus = browser.contextMenus;
    // Menus persist across worker restarts; (re)create them on install/update only.
    browser.runtime.onInstalled.addListener(() => {
      void Promise.resolve(menus.removeAll?.()).then(() => menus.create({ id: CONTEXT_MENU_ID, title: title(), contexts: ['selection'] }));
    });
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === CONTEXT_MENU_ID) void tell(tab?.id, commandFor(COMMANDS.factCheck)!);
    });
  }
  browser.commands?.onCommand.addListener((name, tab) => {
    const command = commandFor(name);
    if (command) void tell(tab?.id, command);
  });
}
