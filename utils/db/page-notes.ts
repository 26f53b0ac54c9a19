/**
 * One page's rows read with plain IndexedDB, for the popup's first paint.
 *
 * The popup's entry script starts this before its Preact and Dexie modules
 * have loaded (they are ~140 KB to evaluate), so the read overlaps with that
 * work instead of waiting for it. Read-only and short-lived: it never creates
 * or upgrades the database (an open that would do so is aborted), the caller
 * closes the connection after its read, and it steps aside for a version change.
 * Everything after the first paint reads through Dexie (liveQuery) as before.
 *
 * No Dexie import here, on purpose. The store and index names are the ones
 * Dexie creates from utils/db/schema.ts (`pageUrl`, `[pageUrl+orphan]`);
 * tests/utils/db/page-notes.test.ts checks this reader against the repository.
 */
import type { Annotation, PageRecord } from '../annotation';
import type { AnchorStatusRecord, DetectionRecord, SettingRecord } from './schema';

/** Same as schema.ts DB_NAME (not imported: that module loads Dexie). */
export const PAGE_NOTES_DB_NAME = 'factmark';

const STORES = ['detections', 'annotations', 'anchorStatus', 'settings', 'pages'] as const;

export interface PageRows {
  detection?: DetectionRecord;
  /** Every row with this pageUrl, tombstones included, in index order. */
  annotations: Annotation[];
  orphanIds: string[];
  /** The `settings` row's value (user settings, not yet merged with the defaults). */
  settings?: unknown;
  page?: PageRecord;
}

/** A page's notes as "This page" lists them: tombstones dropped, oldest first (the repository reads them so too). */
export function liveNotesInOrder(rows: Annotation[]): Annotation[] {
  return rows.filter((a) => !a.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Opens the existing database for reading; `undefined` when there is none yet
 * (a fresh profile), when IndexedDB is unavailable, or on any error.
 */
export function openExistingDatabase(
  name: string = PAGE_NOTES_DB_NAME,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    if (!factory) return resolve(undefined);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      return resolve(undefined);
    }
    // No version given: the current one. Upgrade-needed means the database does not exist
    // yet; creating it here (at version 1, without stores) would be wrong, so abort.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // The background may be upgrading the schema: never hold it up.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault(); // an aborted open is expected, not an uncaught error
      resolve(undefined);
    };
  });
}

/**
 * The rows "This page" shows, in one read-only transaction. `undefined` when the
 * database does not have the expected stores and indexes, or the read fails.
 */
export function readPageRows(db: IDBDatabase, pageUrl: string): Promise<PageRows | undefined> {
  return new Promise((done) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction([...STORES], 'readonly');
    } catch {
      return done(undefined); // a store is missing: not the schema this reader knows
    }
    const rows: PageRows = { annotations: [], orphanIds: [] };
    try {
      const detection = tx.objectStore('detections').get(pageUrl);
      detection.onsuccess = () => (rows.detection = detection.result as DetectionRecord | undefined);
      const annotations = tx.objectStore('annotations').index('pageUrl').getAll(pageUrl);
      annotations.onsuccess = () => (rows.annotations = annotations.result as Annotation[]);
      const orphans = tx.objectStore('anchorStatus').index('[pageUrl+orphan]').getAll([pageUrl, 1]);
      orphans.onsuccess = () => (rows.orphanIds = (orphans.result as AnchorStatusRecord[]).map((row) => row.id));
      const settings = tx.objectStore('settings').get('settings');
      settings.onsuccess = () => (rows.settings = (settings.result as SettingRecord | undefined)?.value);
      const page = tx.objectStore('pages').get(pageUrl);
      page.onsuccess = () => (rows.page = page.result as PageRecord | undefined);
    } catch {
      tx.abort();
      return done(undefined); // an index is missing
    }
    tx.oncomplete = () => done(rows);
    tx.onabort = () => done(undefined);
    tx.onerror = (event) => event.preventDefault();
  });
}
