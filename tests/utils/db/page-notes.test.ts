import { describe, expect, it } from 'vitest';
import { openExistingDatabase, PAGE_NOTES_DB_NAME, readPageRows } from '../../../utils/db/page-notes';
import { reportAnchors, saveAnnotation, upsertPage } from '../../../utils/db/repository';
import { DB_NAME, openDatabase } from '../../../utils/db/schema';

const PAGE = 'https://news.example/a';

function rawOpen(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
  });
}

describe('page-notes (plain IndexedDB read for the popup’s first paint)', () => {
  it('names the database the schema names', () => {
    expect(PAGE_NOTES_DB_NAME).toBe(DB_NAME);
  });

  it('reads only the page’s rows, through the indexes Dexie created', async () => {
    const name = `pn-${Math.random()}`;
    const db = openDatabase(name);
    await upsertPage(db, { url: PAGE, title: '그록3', lang: 'ko' });
    await upsertPage(db, { url: 'https://news.example/b', title: 'other', lang: 'en' });
    const kept = await saveAnnotation(db, { pageUrl: PAGE, kind: 'claim', quote: '10만개', selectors: [], sources: [], tags: [] });
    const orphan = await saveAnnotation(db, { pageUrl: PAGE, kind: 'highlight', quote: '사라진 문장', selectors: [], sources: [], tags: [] });
    await saveAnnotation(db, { pageUrl: 'https://news.example/b', kind: 'claim', quote: 'elsewhere', selectors: [], sources: [], tags: [] });
    await reportAnchors(db, PAGE, { orphans: [orphan.id], anchored: [kept.id] });
    await db.settings.put({ key: 'settings', value: { minScore: 0.7 } });
    await db.detections.put({ pageUrl: PAGE, figures: [], claims: [], checks: [], detectedAt: '2025-01-01T00:00:00.000Z' });

    const raw = await openExistingDatabase(name);
    const rows = await readPageRows(raw!, PAGE);
    raw!.close();
    expect(rows!.annotations.map((a) => a.id).sort()).toEqual([kept.id, orphan.id].sort());
    expect(rows!.orphanIds).toEqual([orphan.id]);
    expect(rows!.settings).toEqual({ minScore: 0.7 });
    expect(rows!.page?.title).toBe('그록3');
    expect(rows!.detection?.detectedAt).toBe('2025-01-01T00:00:00.000Z');
    db.close();
  });

  it('never creates a database that does not exist', async () => {
    const name = `pn-missing-${Math.random()}`;
    expect(await openExistingDatabase(name)).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    // Dexie later creates it with its own schema, as on a fresh profile.
    const db = openDatabase(name);
    await db.open();
    expect(db.tables.map((t) => t.name)).toContain('annotations');
    db.close();
  });

  it('answers undefined for a database without the stores or indexes it knows', async () => {
    const name = `pn-other-${Math.random()}`;
    const other = await rawOpen(name, 1, (db) => {
      for (const store of ['detections', 'anchorStatus', 'settings', 'pages']) db.createObjectStore(store);
      db.createObjectStore('annotations', { keyPath: 'id' }); // no pageUrl index
    });
    other.close();
    const raw = await openExistingDatabase(name);
    expect(await readPageRows(raw!, PAGE)).toBeUndefined();
    raw!.close();

    const fewer = `pn-fewer-${Math.random()}`;
    (await rawOpen(fewer, 1, (db) => db.createObjectStore('annotations'))).close();
    const rawFewer = await openExistingDatabase(fewer);
    expect(await readPageRows(rawFewer!, PAGE)).toBeUndefined();
    rawFewer!.close();
  });

  it('steps aside when the background upgrades the schema', async () => {
    const name = `pn-upgrade-${Math.random()}`;
    const db = openDatabase(name);
    await db.open();
    const version = db.verno * 10; // Dexie's IndexedDB version
    db.close();
    const raw = await openExistingDatabase(name); // left open on purpose
    expect(raw).toBeDefined();
    const upgraded = await rawOpen(name, version + 10); // rejects on 'blocked'
    expect(upgraded.version).toBe(version + 10);
    upgraded.close();
  });
});
