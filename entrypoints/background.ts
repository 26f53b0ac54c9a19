import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../utils/background/handlers';
import { openDatabase } from '../utils/db/schema';
import { type Broadcast, dispatch, senderOrigin } from '../utils/messages';

export default defineBackground(() => {
  const db = openDatabase();
  const extensionOrigin = browser.runtime.getURL('/');

  // Every open view hears about every change: tabs through tabs.sendMessage,
  // popup/options through runtime.sendMessage. Closed receivers are expected.
  const broadcast = (message: Broadcast) => {
    browser.runtime.sendMessage(message).catch(() => {});
    browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => {});
    });
  };

  const handlers = createHandlers({ db, broadcast });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const origin = senderOrigin(sender, browser.runtime.id, extensionOrigin);
    dispatch(handlers, message, origin, sender.tab?.id).then(sendResponse);
    return true;
  });
});
