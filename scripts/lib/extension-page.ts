/** Reading the extension's state from outside: used by `npm start` and the e2e harness. */
import type { Page, Worker } from 'playwright-core';

/**
 * Raw IndexedDB in one of the extension's own pages: the row under `key`, or
 * every row of the table when `key` is null.
 */
function readExtensionStore(extensionPage: Page, table: string, key: string | null): Promise<any> {
  return extensionPage.evaluate(
    ({ name, key }: { name: string; key: string | null }) =>
      new Promise<any>((resolve, reject) => {
        const open = indexedDB.open('factmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve(key === null ? [] : undefined);
          const store = db.transaction(name).objectStore(name);
          const request = key === null ? store.getAll() : store.get(key);
          request.onsuccess = () => {
            resolve(request.result);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { name: table, key },
  );
}

/** Every row of a Dexie table, read through raw IndexedDB in one of the extension's own pages. */
export function readExtensionTable<T = any>(extensionPage: Page, table: string): Promise<T[]> {
  return readExtensionStore(extensionPage, table, null);
}

/** The tab id of `page`. Without the "tabs" permission tab URLs are hidden, so the tab is identified by focusing it. */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await serviceWorker.evaluate(async () => {
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.map((tab) => tab.id ?? -1);
  });
  if (ids.length !== 1 || ids[0] < 0) throw new Error(`Could not identify the tab of ${page.url()}`);
  return ids[0];
}

/** Waits until the background has stored detections for this (normalised) page URL. */
export async function waitForDetections(extensionPage: Page, pageUrl: string, timeoutMs = 15_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // One keyed read per poll (detections are keyed by page URL), not the whole table.
    const row = await readExtensionStore(extensionPage, 'detections', pageUrl);
    if (row) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The background stored no detections for ${pageUrl} within ${timeoutMs} ms.`);
}
