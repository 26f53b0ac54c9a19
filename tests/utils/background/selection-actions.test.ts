import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, CONTEXT_MENU_ID, commandFor, registerSelectionActions, type SelectionActionsBrowser } from '../../../utils/background/selection-actions';

function fakeBrowser() {
  const listeners: Record<string, (...args: any[]) => void> = {};
  const sent: Array<[number, unknown]> = [];
  const created: unknown[] = [];
  const browser: SelectionActionsBrowser = {
    contextMenus: {
      create: (p) => created.push(p),
      removeAll: async () => {},
      onClicked: { addListener: (cb) => (listeners.menu = cb) },
    },
    commands: { onCommand: { addListener: (cb) => (listeners.command = cb) } },
    tabs: {
      sendMessage: async (id, message) => void sent.push([id, message]),
      query: async () => [{ id: 9 }],
    },
    runtime: { onInstalled: { addListener: (cb) => (listeners.installed = cb) } },
  };
  return { browser, listeners, sent, created };
}

describe('selection actions', () => {
  it('creates the context-menu item on install and tells the clicked tab to fact-check', async () => {
    const { browser, listeners, sent, created } = fakeBrowser();
    registerSelectionActions(browser, () => 'Fact-check selection');
    listeners.installed();
    await vi.waitFor(() => expect(created).toEqual([{ id: CONTEXT_MENU_ID, title: 'Fact-check selection', contexts: ['selection'] }]));
    listeners.menu({ menuItemId: CONTEXT_MENU_ID }, { id: 4 });
    listeners.menu({ menuItemId: 'other' }, { id: 4 });
    await vi.waitFor(() => expect(sent).toEqual([[4, { type: 'tab.selectionAction', payload: { action: 'fact-check' } }]]));
  });

  it('maps keyboard commands to the active tab', async () => {
    const { browser, listeners, sent } = fakeBrowser();
    registerSelectionActions(browser, () => '');
    listeners.command(COMMANDS.highlight);
    listeners.command('unknown-command');
    await vi.waitFor(() => expect(sent).toEqual([[9, { type: 'tab.selectionAction', payload: { action: 'highlight' } }]]));
    expect(commandFor(COMMANDS.factCheck)!.payload.action).toBe('fact-check');
  });
});
