/**
 * In-page half of the "formats" benchmark's Chromium rows: the import path as the
 * extension runs it, over the browser's real IndexedDB.
 *  - parse + validate: `parseImportInChunks`, as the popup/options page runs it
 *    (yields to the event loop every 500 entries; the yields are part of the time);
 *  - message check: the background validates the `annotations.import` payload
 *    against `requestSchemas` before it writes;
 *  - write: `importAnnotations`, one transaction into a fresh database, until it
 *    returns (the background replies then);
 *  - outbox: the sync outbox rows, written by a second transaction queued behind
 *    the import; timed from the reply until an outbox read (which waits for it) answers.
 * Exposes `formatsBench` on globalThis for the Node side to call.
 */
import * as v from 'valibot';
import { importAnnotations } from '../../../utils/db/repository';
import { openDatabase } from '../../../utils/db/schema';
import { exportFormat } from '../../../utils/formats/export-formats';
import { parseImportInChunks } from '../../../utils/formats/import';
import { requestSchemas } from '../../../utils/messages';
import { makeNote, makePages, NOTES } from './notes';

const texts = new Map<string, string>();

function exportText(id: 'web-annotation' | 'hypothesis'): string {
  let text = texts.get(id);
  if (!text) {
    const notes = Array.from({ length: NOTES }, (_, i) => makeNote(i));
    text = exportFormat(id).serialize(notes, { pages: makePages(), exportedAt: '2025-06-01T00:00:00.000Z' });
    texts.set(id, text);
  }
  return text;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

const bench = {
  /** One import of the whole file into an empty database; times in ms. */
  async importOnce(id: 'web-annotation' | 'hypothesis', run: number) {
    const text = exportText(id);
    const name = `bench-formats-${id}-${run}`;
    await deleteDatabase(name);
    const db = openDatabase(name);
    await db.open();
    const t0 = performance.now();
    const parsed = await parseImportInChunks(text);
    const t1 = performance.now();
    const message = v.safeParse(requestSchemas['annotations.import'], { annotations: parsed.annotations, pages: parsed.pages });
    if (!message.success) throw new Error(`message check failed: ${message.issues[0].message}`);
    const t2 = performance.now();
    const result = await importAnnotations(db, message.output.annotations, message.output.pages);
    const t3 = performance.now();
    const queued = await db.outbox.count();
    const t4 = performance.now();
    const stored = await db.annotations.count();
    db.close();
    await deleteDatabase(name);
    return { parse: t1 - t0, message: t2 - t1, write: t3 - t2, outbox: t4 - t3, total: t3 - t0, added: result.added, stored, queued, mib: text.length / 1_048_576 };
  },
};

(globalThis as unknown as { formatsBench: typeof bench }).formatsBench = bench;
