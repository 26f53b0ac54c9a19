import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../utils/background/handlers';
import { openWriterDatabase } from '../utils/db/repository';
import { type Broadcast, dispatch, senderOrigin } from '../utils/messages';
import { createSyncService, SYNC_ALARM, SYNC_RETRY_ALARM } from '../utils/sync/service';
import { readSyncSettings, SYNC_SETTINGS_KEY } from '../utils/sync/settings';
import { registerSelectionActions, type SelectionActionsBrowser } from '../utils/background/selection-actions';
import { t } from '../utils/i18n';

export default defineBackground(() => {
  const db = openWriterDatabase();
  const extensionOrigin = browser.runtime.getURL('/');

  // Every open view hears about every change: tabs through tabs.sendMessage,
  // popup/options through runtime.sendMessage. Closed receivers are expected.
  const broadcast = (message: Broadcast) => {
    browser.runtime.sendMessage(message).catch(() => {});
    browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => {});
    });
  };

  // Sync: outbox, checkpoints and retry state are persisted, so this worker may die at any time.
  const sync = createSyncService({
    db,
    fetch: (input, init) => fetch(input, init),
    storage: browser.storage.local,
    broadcast,
    scheduleRetry: (when) => void browser.alarms.create(SYNC_RETRY_ALARM, { when }),
  });
  const ensureSyncAlarm = async () => {
    const { intervalMinutes } = await readSyncSettings(browser.storage.local);
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes !== intervalMinutes) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: intervalMinutes });
  };
  void ensureSyncAlarm();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_RETRY_ALARM) void sync.tick();
  });
  browser.runtime.onStartup.addListener(() => void sync.tick());
  browser.runtime.onInstalled.addListener(() => void sync.tick());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SYNC_SETTINGS_KEY in changes) {
      void ensureSyncAlarm();
      void sync.settingsChanged();
    }
  });

  const handlers = createHandlers({ db, broadcast, sync });

  // "Fact-check selection" in the context menu, and keyboard commands (manifest `commands`).
  registerSelectionActions(browser as unknown as SelectionActionsBrowser, () => t('menuFactCheckSelection'));

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const origin = senderOrigin(sender, browser.runtime.id, extensionOrigin);
    dispatch(handlers, message, origin, sender.tab?.id).then(sendResponse);
    return true;
  });
});
